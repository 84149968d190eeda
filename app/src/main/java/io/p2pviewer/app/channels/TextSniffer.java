package io.p2pviewer.app.channels;

import java.util.Locale;

/** Tells a channel list from a web page (binary data: {@link io.p2pviewer.engine.playlist.BinaryText}). */
final class TextSniffer {
    private TextSniffer() {
    }

    /** True for the first line of a web page or another markup document. */
    static boolean looksLikeMarkup(String firstLine) {
        String t = firstLine.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("<!doctype") || t.startsWith("<html") || t.startsWith("<?xml") || t.startsWith("<head")
                || t.startsWith("<body") || t.startsWith("<!--") || (t.startsWith("<") && t.length() > 1
                && Character.isLetter(t.charAt(1)));
    }
}
