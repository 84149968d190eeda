package io.p2pviewer.engine.proxy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request path the loopback proxy understands, parsed; anything else (including a wrong secret) is empty. */
public sealed interface ProxyRoute {
    /** The master playlist of a session. */
    record Master(String session) implements ProxyRoute { }

    /** The media playlist of one track of a session. */
    record Playlist(String session, int track) implements ProxyRoute { }

    /** The Prometheus metrics of the engine. */
    record Metrics() implements ProxyRoute { }

    /** One segment of one track, by media sequence number. */
    record Segment(String session, int track, long mediaSequence) implements ProxyRoute { }

    Pattern SHAPE = Pattern.compile(
            "/([A-Za-z0-9_-]{16,64})/s/([A-Za-z0-9]{1,32})/(?:(master\\.m3u8)|t/(\\d{1,6})/(?:(playlist\\.m3u8)"
                    + "|seg/(\\d{1,18})\\.[A-Za-z0-9]{1,8}))");

    /** Parses a request path; only paths under {@code /<secret>/} are routes. */
    static Optional<ProxyRoute> parse(String secret, String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (path.equals("/" + secret + "/metrics") && secret.length() >= 16) {
            return Optional.of(new Metrics());
        }
        Matcher m = SHAPE.matcher(path);
        if (!m.matches() || !constantTimeEquals(secret, m.group(1))) {
            return Optional.empty();
        }
        String session = m.group(2);
        if (m.group(3) != null) {
            return Optional.of(new Master(session));
        }
        int track = Integer.parseInt(m.group(4));
        if (m.group(5) != null) {
            return Optional.of(new Playlist(session, track));
        }
        return Optional.of(new Segment(session, track, Long.parseLong(m.group(6))));
    }

    /** Paths of a session relative to the proxy root, the inverse of {@link #parse}. */
    static String masterPath(String secret, String session) {
        return "/" + secret + "/s/" + session + "/master.m3u8";
    }

    static String metricsPath(String secret) {
        return "/" + secret + "/metrics";
    }

    static String playlistPath(String secret, String session, int track) {
        return "/" + secret + "/s/" + session + "/t/" + track + "/playlist.m3u8";
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
