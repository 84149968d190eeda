package io.p2pviewer.app.channels;

import io.p2pviewer.app.channels.guide.GuideStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A channel list joined with a guide at one instant, in playlist order, plus every warning of both readings
 * and one about channels the guide does not cover. Immutable.
 */
public record ChannelListing(List<ListedChannel> channels, List<String> warnings) {
    public ChannelListing {
        channels = List.copyOf(channels);
        warnings = List.copyOf(warnings);
    }

    /** Joins {@code list} with {@code guide} (null: no guide) at {@code at}. */
    public static ChannelListing of(ChannelList list, GuideStore guide, List<String> guideWarnings, Instant at) {
        List<ListedChannel> out = new ArrayList<>(list.channels().size());
        int unmatched = 0;
        String firstUnmatched = null;
        for (Channel c : list.channels()) {
            if (guide == null) {
                out.add(new ListedChannel(c, null, null));
                continue;
            }
            ChannelProgrammes g = ChannelProgrammes.of(guide, c);
            if (!g.matched()) {
                unmatched++;
                if (firstUnmatched == null) {
                    firstUnmatched = c.name();
                }
            }
            out.add(new ListedChannel(c, g.now(at).orElse(null), g.next(at).orElse(null)));
        }
        List<String> warnings = new ArrayList<>();
        list.warnings().forEach(w -> warnings.add(w.toString()));
        warnings.addAll(guideWarnings);
        if (guide != null && unmatched > 0) {
            warnings.add("guide: " + unmatched + " of " + list.channels().size()
                    + " channels match no guide channel by tvg-id or name (first: " + firstUnmatched + ")");
        }
        return new ChannelListing(out, warnings);
    }
}
