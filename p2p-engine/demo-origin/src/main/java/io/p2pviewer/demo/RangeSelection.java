package io.p2pviewer.demo;

import java.util.Locale;

/**
 * What part of a body an HTTP {@code Range} header selects (RFC 9110, section 14), for a single
 * {@code bytes} range; anything else (no header, other units, several ranges, bad syntax) selects
 * the whole body, as the RFC allows a server to ignore such a header.
 */
sealed interface RangeSelection {

    /** The whole body, answered with 200. */
    record WholeBody() implements RangeSelection {
    }

    /**
     * Bytes {@code first..last} (inclusive), answered with 206.
     *
     * @param first the first byte offset
     * @param last  the last byte offset, inclusive
     */
    record Slice(long first, long last) implements RangeSelection {
        /** How many bytes the slice holds. */
        public long length() {
            return last - first + 1;
        }
    }

    /** A range that starts beyond the body, answered with 416. */
    record NotSatisfiable() implements RangeSelection {
    }

    /** Interprets a {@code Range} header value (null when absent) against a body of {@code length} bytes. */
    static RangeSelection of(String header, long length) {
        if (header == null) {
            return new WholeBody();
        }
        String value = header.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return new WholeBody();
        }
        String spec = value.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (spec.contains(",") || dash < 0) {
            return new WholeBody();
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        Long first = number(from);
        Long last = number(to);
        if (from.isEmpty()) {
            // Suffix range: the last `to` bytes.
            if (last == null) {
                return new WholeBody();
            }
            if (last == 0 || length == 0) {
                return new NotSatisfiable();
            }
            return new Slice(Math.max(0, length - last), length - 1);
        }
        if (first == null || (!to.isEmpty() && (last == null || last < first))) {
            return new WholeBody();
        }
        if (first >= length) {
            return new NotSatisfiable();
        }
        long end = to.isEmpty() ? length - 1 : Math.min(last, length - 1);
        return new Slice(first, end);
    }

    private static Long number(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
