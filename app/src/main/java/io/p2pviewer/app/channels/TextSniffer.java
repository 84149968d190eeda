package io.p2pviewer.app.channels;

import java.util.Locale;

/** Tells text from what is not: binary data (NUL, undecodable or control characters) and HTML pages. */
final class TextSniffer {
    private TextSniffer() {
    }

    /**
     * True for a line that is not text: one NUL, or more than a tenth of its characters are control characters
     * (other than tab) or U+FFFD (what a UTF-8 decoder puts for bytes it cannot decode).
     */
    static boolean isBinary(CharSequence line) {
        int bad = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 0) {
                return true;
            }
            if ((c < 0x20 && c != '\t') || c == '\uFFFD' || c == 0x7F) {
                bad++;
            }
        }
        return bad > 0 && bad * 10 >= line.length();
    }

    /** True for the first line of a web page or another markup document. */
    static boolean looksLikeMarkup(String firstLine) {
        String t = firstLine.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("<!doctype") || t.startsWith("<html") || t.startsWith("<?xml") || t.startsWith("<head")
                || t.startsWith("<body") || t.startsWith("<!--") || (t.startsWith("<") && t.length() > 1
                && Character.isLetter(t.charAt(1)));
    }
}
