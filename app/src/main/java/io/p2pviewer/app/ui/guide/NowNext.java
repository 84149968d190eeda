package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ChannelProgrammes;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.Programme;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What is on a channel at one moment: the programme running and the one after, with the share of the running
 * one already past.
 *
 * @param channel  the playlist's channel
 * @param now      the programme running, if the guide has one
 * @param next     the programme after it (or the next to start), if any
 * @param progress 0..1 of {@code now} past at the moment asked, 0 without {@code now}
 */
public record NowNext(Channel channel, Optional<Programme> now, Optional<Programme> next, double progress) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** Now and next on {@code channel} at {@code at}, matched in the guide by tvg-id, then display name. */
    public static NowNext of(Guide guide, Channel channel, Instant at) {
        ChannelProgrammes programmes = ChannelProgrammes.of(guide.store(), channel);
        Optional<Programme> now = programmes.now(at);
        Optional<Programme> next = programmes.next(at);
        double progress = now.map(p -> {
            double total = Duration.between(p.start(), p.stop()).toMillis();
            return total <= 0 ? 0 : Math.clamp(Duration.between(p.start(), at).toMillis() / total, 0.0, 1.0);
        }).orElse(0.0);
        return new NowNext(channel, now, next, progress);
    }

    /** "Channel name" or "7  Channel name" with its number. */
    public String title() {
        String number = channel.number();
        return number == null || number.isBlank() ? channel.name() : number + "  " + channel.name();
    }

    /** "Now 20:24–20:42  Title", in the zone given, or "Now: no guide entry". */
    public String nowLine(ZoneId zone) {
        return line("Now", now, zone);
    }

    /** "Next 20:42–21:00  Title", or "Next: no guide entry". */
    public String nextLine(ZoneId zone) {
        return line("Next", next, zone);
    }

    /** A programme's times in a zone: "20:24–20:42". */
    public static String times(Programme p, ZoneId zone) {
        return HH_MM.format(p.start().atZone(zone)) + "–" + HH_MM.format(p.stop().atZone(zone));
    }

    /** "Label 20:24–20:42  Title", or "Label: no guide entry". */
    static String line(String label, Optional<Programme> p, ZoneId zone) {
        return p.map(x -> label + " " + times(x, zone) + "  " + x.title()).orElse(label + ": no guide entry");
    }
}
