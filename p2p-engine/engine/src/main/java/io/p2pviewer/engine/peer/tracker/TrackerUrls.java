package io.p2pviewer.engine.peer.tracker;

import java.net.URI;

/**
 * Tracker URLs as they may be shown: the value of every query parameter masked, since deployments put join tokens
 * there ({@code wss://host/announce?token=***}); user info is dropped too. A small tracker-only masking until a
 * general URL-redaction helper exists.
 */
public final class TrackerUrls {
    private TrackerUrls() {
    }

    /** The URL with query values replaced by {@code ***} and without user info; never throws. */
    public static String redacted(URI url) {
        if (url == null) {
            return "null";
        }
        if (url.getRawQuery() == null && url.getRawUserInfo() == null) {
            return url.toString();
        }
        StringBuilder out = new StringBuilder();
        if (url.getScheme() != null) {
            out.append(url.getScheme()).append("://");
        }
        if (url.getHost() != null) {
            out.append(url.getHost().contains(":") && !url.getHost().startsWith("[")
                    ? "[" + url.getHost() + "]" : url.getHost());
        }
        if (url.getPort() >= 0) {
            out.append(':').append(url.getPort());
        }
        if (url.getRawPath() != null) {
            out.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            out.append('?');
            String[] pairs = url.getRawQuery().split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                int eq = pairs[i].indexOf('=');
                out.append(i == 0 ? "" : "&").append(eq < 0 ? "***" : pairs[i].substring(0, eq + 1) + "***");
            }
        }
        return out.toString();
    }
}
