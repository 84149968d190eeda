package io.p2pviewer.app.channels;

import io.p2pviewer.app.channels.guide.GuideStore;
import io.p2pviewer.app.channels.guide.Programme;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One channel's programmes in a guide, at the times its list entry asks: matched by {@code tvg-id}, then name, and
 * moved by the list's {@code tvg-shift} (hours; the {@code #EXTM3U} header's for every channel without its own), as
 * IPTV players apply it to a guide written for another time zone or with wrong offsets. Immutable.
 *
 * @param index the channel's index in the store, -1 when the guide lacks it
 * @param shift how far the guide's times move for this channel
 */
public record ChannelProgrammes(GuideStore store, int index, Duration shift) {
    /** The greatest shift taken: a day either way (a larger value is a typo, not a time zone). */
    public static final Duration MAX_SHIFT = Duration.ofHours(24);

    /** {@code channel}'s programmes in {@code store}. */
    public static ChannelProgrammes of(GuideStore store, Channel channel) {
        return new ChannelProgrammes(store, store.channel(channel.tvgId(), channel.tvgName(), channel.name()),
                shift(channel));
    }

    /** The channel's {@code tvg-shift} as a duration: hours, decimals and a sign allowed; zero when none or unreadable. */
    public static Duration shift(Channel channel) {
        String hours = channel.catchup() == null ? null : channel.catchup().shift();
        if (hours == null || hours.isBlank()) {
            return Duration.ZERO;
        }
        try {
            Duration d = Duration.ofSeconds(Math.round(Double.parseDouble(hours.strip()) * 3600));
            return d.abs().compareTo(MAX_SHIFT) > 0 ? Duration.ZERO : d;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /** Whether the guide has the channel. */
    public boolean matched() {
        return index >= 0;
    }

    /** The programme running at {@code at}. */
    public Optional<Programme> now(Instant at) {
        return store.now(index, at.minus(shift)).map(this::moved);
    }

    /** The programme after the one running at {@code at} (or the next to start). */
    public Optional<Programme> next(Instant at) {
        return store.next(index, at.minus(shift)).map(this::moved);
    }

    /** The programmes overlapping [from, to). */
    public List<Programme> between(Instant from, Instant to) {
        List<Programme> in = store.between(index, from.minus(shift), to.minus(shift));
        return shift.isZero() ? in : in.stream().map(this::moved).toList();
    }

    private Programme moved(Programme p) {
        return shift.isZero() ? p : new Programme(p.title(), p.start().plus(shift), p.stop().plus(shift));
    }
}
