package io.p2pviewer.app.channels;

import io.p2pviewer.redaction.Redacted;

/**
 * Masks a channel-list URL before it goes into a message: Kodi's {@code |Header=value} suffix (which may carry
 * cookies) becomes {@code |***}, then {@link Redacted#url(String)} masks query values and a password. Never throws.
 */
public final class UrlMask {
    private UrlMask() {
    }

    /** The URL, safe to show; {@code "(none)"} for null. */
    public static String mask(String url) {
        if (url == null) {
            return "(none)";
        }
        int pipe = url.indexOf('|');
        return pipe < 0 ? Redacted.url(url) : Redacted.url(url.substring(0, pipe)) + "|" + Redacted.MASK;
    }
}
