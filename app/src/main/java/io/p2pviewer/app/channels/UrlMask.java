package io.p2pviewer.app.channels;

/**
 * Masks what a URL may carry as a secret before it goes into a message: each query value becomes {@code ***},
 * a user-info part becomes {@code ***@}, Kodi's {@code |Header=value} suffix is dropped. Works on any string
 * (it does not parse the URL, so it never throws).
 */
public final class UrlMask {
    private UrlMask() {
    }

    public static String mask(String url) {
        if (url == null) {
            return "(none)";
        }
        String s = url;
        int pipe = s.indexOf('|');
        if (pipe >= 0) {
            s = s.substring(0, pipe) + "|***";
        }
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int hostStart = scheme + 3;
            int end = firstOf(s, hostStart, "/?#|");
            int at = s.lastIndexOf('@', end - 1);
            if (at >= hostStart) {
                s = s.substring(0, hostStart) + "***" + s.substring(at);
            }
        }
        int q = s.indexOf('?');
        if (q < 0) {
            return s;
        }
        int fragment = s.indexOf('#', q);
        String query = fragment < 0 ? s.substring(q + 1) : s.substring(q + 1, fragment);
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, q + 1);
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            int eq = pairs[i].indexOf('=');
            out.append(eq < 0 ? (pairs[i].isEmpty() ? "" : "***") : pairs[i].substring(0, eq + 1) + "***");
        }
        return fragment < 0 ? out.toString() : out.append(s, fragment, s.length()).toString();
    }

    private static int firstOf(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
