package io.p2pviewer.app.channels.guide;

import io.p2pviewer.app.channels.ReadWarning;
import java.util.List;

/** What a guide gave: its store and what was skipped or guessed while reading it. */
public record Guide(GuideStore store, List<ReadWarning> warnings) {
    public Guide {
        warnings = List.copyOf(warnings);
    }
}
