package io.p2pviewer.app.channels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The archive URL of a past programme on a channel with catch-up, built as IPTV players build it from the channel
 * list's {@code catchup}, {@code catchup-source} and {@code catchup-days} attributes (Kodi's IPTV Simple defines
 * the modes and placeholders that lists are written for):
 * <ul>
 *   <li>{@code default}: {@code catchup-source} is the whole URL; {@code append}: it is added to the channel's URL;
 *   {@code shift} (and the older {@code timeshift="DAYS"}): {@code ?utc={utc}&lutc={lutc}} is added;</li>
 *   <li>{@code flussonic} ({@code fs}, {@code flussonic-hls}): {@code .../NAME.m3u8} becomes the archive playlist
 *   {@code .../NAME-{utc}-{duration}.m3u8};</li>
 *   <li>{@code xc} (Xtream Codes): {@code http://host/live/USER/PASS/ID.m3u8} becomes
 *   {@code http://host/timeshift/USER/PASS/{duration:60}/{Y}-{m}-{d}:{H}-{M}/ID.m3u8}.</li>
 * </ul>
 * Placeholders: {@code {utc}} / {@code ${start}} (the start, Unix seconds), {@code {utcend}} / {@code ${end}},
 * {@code {lutc}} / {@code ${now}} / {@code ${timestamp}}, each also as {@code {utc:Y-m-d H:M}} with a format;
 * {@code {Y} {m} {d} {H} {M} {S}} (the start in the machine's time zone), {@code {duration}} (seconds) and
 * {@code {duration:60}} (divided), {@code {offset:N}} (now minus the start, divided). Only finished programmes
 * within the channel's catch-up days are replayed ({@value #DEFAULT_DAYS} days when the list does not say), and
 * the programme running now can be started over ({@link #fromStart}).
 * Pure functions.
 */
public final class CatchupUrl {
    /** Days back when the list gives no {@code catchup-days}: a week, as far as the guide grid goes. */
    public static final int DEFAULT_DAYS = 7;

    /** What a catch-up request gives. */
    public sealed interface Result {
    }

    /**
     * The archive to play.
     *
     * @param url            its URL (may hold the channel's token: never log it unmasked)
     * @param swarmQualifier names the archive's swarm apart from the live channel's (whose swarm id is the URL
     *                       without its query, which a {@code ?utc=} archive shares)
     */
    public record Archive(String url, String swarmQualifier) implements Result {
    }

    /** No archive for this programme, and why in words a viewer can read. */
    public record Unavailable(String reason) implements Result {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\{([A-Za-z-]+)(?::([^{}]*))?}");
    private static final Pattern FLUSSONIC = Pattern.compile("^(https?://[^/?#]+/(?:[^?#]*/)?)([^/?#]+)\\.m3u8(\\?.*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern XTREAM = Pattern.compile(
            "^(https?://[^/?#]+)/(?:live/)?([^/?#]+)/([^/?#]+)/(\\d+)(?:\\.(?:m3u8|ts))?(\\?.*)?$",
            Pattern.CASE_INSENSITIVE);

    private CatchupUrl() {
    }

    /** Whether the channel's list offers catch-up on it (a mode is given). */
    public static boolean offered(Channel channel) {
        return channel.catchup() != null && channel.catchup().type() != null && !channel.catchup().type().isBlank();
    }

    /** How far back the channel's archive goes: its {@code catchup-days}, else {@value #DEFAULT_DAYS} days. */
    public static Duration window(Channel channel) {
        String days = channel.catchup() == null ? null : channel.catchup().days();
        if (days != null) {
            try {
                double d = Double.parseDouble(days.strip());
                if (d > 0 && d <= 366) {
                    return Duration.ofSeconds(Math.round(d * 86_400));
                }
            } catch (NumberFormatException e) {
                // an unreadable value: the default, as for none
            }
        }
        return Duration.ofDays(DEFAULT_DAYS);
    }

    /** Whether a programme [start, stop) can be replayed at {@code now}: offered, finished, within the window. */
    public static boolean replayable(Channel channel, Instant start, Instant stop, Instant now) {
        return offered(channel) && !stop.isAfter(now) && !start.isBefore(now.minus(window(channel)));
    }

    /**
     * The archive of the programme [start, stop) on {@code channel}, or why there is none.
     *
     * @param zone the machine's time zone, for {@code {Y}}-style placeholders (as the players that defined them)
     */
    public static Result of(Channel channel, Instant start, Instant stop, Instant now, ZoneId zone) {
        if (!offered(channel)) {
            return new Unavailable(channel.name() + " has no catch-up in its channel list");
        }
        if (stop.isAfter(now)) {
            return new Unavailable("the programme has not finished yet");
        }
        return archive(channel, start, stop, now, zone, false);
    }

    /**
     * The programme [start, stop) running at {@code now} from its start ("start over"): the same archive, which the
     * provider serves up to now (a Flussonic channel's {@code NAME-{utc}-now.m3u8}), or why there is none.
     */
    public static Result fromStart(Channel channel, Instant start, Instant stop, Instant now, ZoneId zone) {
        if (!offered(channel)) {
            return new Unavailable(channel.name() + " has no catch-up in its channel list");
        }
        if (start.isAfter(now) || !stop.isAfter(now)) {
            return new Unavailable("the programme is not running now");
        }
        return archive(channel, start, stop, now, zone, true);
    }

    /** Whether a programme [start, stop) running at {@code now} can be started over: offered and running. */
    public static boolean startable(Channel channel, Instant start, Instant stop, Instant now) {
        return offered(channel) && !start.isAfter(now) && stop.isAfter(now);
    }

    private static Result archive(Channel channel, Instant start, Instant stop, Instant now, ZoneId zone,
                                  boolean running) {
        if (start.isBefore(now.minus(window(channel)))) {
            long days = window(channel).toDays();
            return new Unavailable("the programme is older than the channel's catch-up of " + days
                    + (days == 1 ? " day" : " days"));
        }
        String type = channel.catchup().type().strip().toLowerCase(Locale.ROOT);
        String source = channel.catchup().source();
        boolean hasSource = source != null && !source.isBlank();
        String url = channel.url();
        String template;
        switch (type) {
            case "default", "vod" -> {
                if (!hasSource) {
                    return new Unavailable("the channel's catch-up ('" + type + "') gives no catchup-source URL");
                }
                template = source.strip();
            }
            case "append" -> {
                if (!hasSource) {
                    return new Unavailable("the channel's catch-up ('append') gives no catchup-source to append");
                }
                template = url + source.strip();
            }
            case "shift", "timeshift" -> template = url + (url.contains("?") ? "&" : "?") + "utc={utc}&lutc={lutc}";
            case "flussonic", "flussonic-hls", "fs" -> {
                Matcher m = FLUSSONIC.matcher(url);
                if (!m.matches()) {
                    return new Unavailable("a Flussonic archive needs an HLS channel URL ending in NAME.m3u8");
                }
                template = m.group(1) + m.group(2) + (running ? "-{utc}-now.m3u8" : "-{utc}-{duration}.m3u8")
                        + (m.group(3) == null ? "" : m.group(3));
            }
            case "xc" -> {
                Matcher m = XTREAM.matcher(url);
                if (!m.matches()) {
                    return new Unavailable("an Xtream Codes archive needs a channel URL like"
                            + " http://host/live/USER/PASSWORD/ID.m3u8");
                }
                template = m.group(1) + "/timeshift/" + m.group(2) + "/" + m.group(3)
                        + "/{duration:60}/{Y}-{m}-{d}:{H}-{M}/" + m.group(4) + ".m3u8"
                        + (m.group(5) == null ? "" : m.group(5));
            }
            default -> {
                return new Unavailable("catch-up type '" + type + "' is not supported (default, append, shift,"
                        + " flussonic and xc are)");
            }
        }
        Result expanded = expand(template, start, stop, now, zone);
        if (expanded instanceof Archive a && !(a.url().startsWith("http://") || a.url().startsWith("https://"))) {
            return new Unavailable("the channel's catchup-source is no http(s) URL");
        }
        return expanded;
    }

    private static Result expand(String template, Instant start, Instant stop, Instant now, ZoneId zone) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        long duration = Duration.between(start, stop).toSeconds();
        while (m.find()) {
            String name = m.group(1);
            String arg = m.group(2);
            String value = switch (name) {
                case "utc", "start" -> time(start, arg, zone);
                case "utcend", "end" -> time(stop, arg, zone);
                case "lutc", "now", "timestamp" -> time(now, arg, zone);
                case "Y", "m", "d", "H", "M", "S" -> arg == null ? format(start, name, zone) : null;
                case "duration" -> divided(duration, arg);
                case "offset" -> divided(Duration.between(start, now).toSeconds(), arg);
                default -> null;
            };
            if (value == null) {
                return new Unavailable("the channel's catchup-source has a placeholder this player cannot fill: "
                        + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Archive(out.toString(), "#catchup-" + start.getEpochSecond() + "-" + duration);
    }

    /** Unix seconds, or the time written with a format of Y, m, d, H, M and S (other characters as they are). */
    private static String time(Instant t, String format, ZoneId zone) {
        return format == null ? Long.toString(t.getEpochSecond()) : format(t, format, zone);
    }

    private static String format(Instant t, String format, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        StringBuilder s = new StringBuilder();
        for (char c : format.toCharArray()) {
            switch (c) {
                case 'Y' -> s.append(String.format(Locale.ROOT, "%04d", z.getYear()));
                case 'm' -> s.append(String.format(Locale.ROOT, "%02d", z.getMonthValue()));
                case 'd' -> s.append(String.format(Locale.ROOT, "%02d", z.getDayOfMonth()));
                case 'H' -> s.append(String.format(Locale.ROOT, "%02d", z.getHour()));
                case 'M' -> s.append(String.format(Locale.ROOT, "%02d", z.getMinute()));
                case 'S' -> s.append(String.format(Locale.ROOT, "%02d", z.getSecond()));
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Seconds divided by a whole divider of 1 or more; null for a bad divider. */
    private static String divided(long seconds, String divider) {
        if (divider == null) {
            return Long.toString(seconds);
        }
        try {
            long d = Long.parseLong(divider.strip());
            return d >= 1 ? Long.toString(seconds / d) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
