package io.p2pviewer.app.channels.guide;

import io.p2pviewer.app.channels.ReadWarning;
import java.util.ArrayList;
import java.util.List;

/** What a guide gave: its store and what was skipped or guessed while reading it. */
public record Guide(GuideStore store, List<ReadWarning> warnings) {
    public Guide {
        warnings = List.copyOf(warnings);
    }

    /** A guide without channels (before any was read). */
    public static Guide empty() {
        return new Guide(GuideStore.empty(), List.of());
    }

    /** One guide holding several (see {@link GuideStore#merge}); the one itself when there is only one. */
    public static Guide merge(List<Guide> guides) {
        if (guides.isEmpty()) {
            return empty();
        }
        if (guides.size() == 1) {
            return guides.getFirst();
        }
        List<ReadWarning> warnings = new ArrayList<>();
        guides.forEach(g -> warnings.addAll(g.warnings()));
        GuideStore store = GuideStore.merge(guides.stream().map(Guide::store).toList(), warnings);
        return new Guide(store, warnings);
    }
}
