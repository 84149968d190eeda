package io.p2pviewer.app.channels;

import java.util.HashMap;
import java.util.Map;

/**
 * The parts of one {@code #EXTINF:<duration> key="value" ...,<display name>} line.
 *
 * <p>The attributes end at the first comma outside quotes; the display name is everything after it, so a name
 * may hold commas ({@code ,News, Sport & Weather}) and quoted values may too ({@code group-title="A,B"}). Values
 * may be quoted with {@code "} or {@code '}, or unquoted (up to a space or the comma).
 */
record ExtinfLine(double duration, Map<String, String> attributes, String name) {

    /** Parses the text after {@code #EXTINF:}; never throws (a bad duration reads as -1). */
    static ExtinfLine parse(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        int durStart = i;
        while (i < n && s.charAt(i) != ' ' && s.charAt(i) != ',' && s.charAt(i) != '\t') {
            i++;
        }
        return parseFrom(s, i, parseDuration(s.substring(durStart, i)));
    }

    /** The attributes of an {@code #EXTM3U} header line (the text after the tag). */
    static Map<String, String> headerAttributes(String s) {
        return parseFrom(s, 0, -1).attributes();
    }

    private static ExtinfLine parseFrom(String s, int from, double duration) {
        int n = s.length();
        int i = from;
        Map<String, String> attrs = new HashMap<>(8);
        while (i < n) {
            char c = s.charAt(i);
            if (c == ',') {
                return new ExtinfLine(duration, attrs, s.substring(i + 1).strip());
            }
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int keyStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ' ' && s.charAt(i) != ',') {
                i++;
            }
            String key = s.substring(keyStart, i);
            if (i >= n || s.charAt(i) != '=') {
                continue; // a bare word: not an attribute
            }
            i++;
            String value;
            if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                char quote = s.charAt(i);
                int close = s.indexOf(quote, i + 1);
                if (close < 0) { // unterminated: the value runs to the end; no name
                    attrs.put(key.toLowerCase(java.util.Locale.ROOT), s.substring(i + 1));
                    return new ExtinfLine(duration, attrs, "");
                }
                value = s.substring(i + 1, close);
                i = close + 1;
            } else {
                int vStart = i;
                while (i < n && s.charAt(i) != ' ' && s.charAt(i) != ',') {
                    i++;
                }
                value = s.substring(vStart, i);
            }
            attrs.put(key.toLowerCase(java.util.Locale.ROOT), value);
        }
        return new ExtinfLine(duration, attrs, "");
    }

    private static double parseDuration(String d) {
        try {
            double v = d.isEmpty() ? -1 : Double.parseDouble(d);
            return Double.isFinite(v) ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
