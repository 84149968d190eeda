package io.p2pviewer.app.channels.guide;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses XMLTV times, {@code YYYYMMDDhhmmss +zzzz}: seconds may be left out, the offset may be {@code +hhmm},
 * {@code +hh:mm} or {@code Z}; a time without an offset is read as UTC (the XMLTV DTD says so) and counted in
 * {@link #withoutOffset()}. Hand-written because a guide holds millions of them. Not thread-safe (it counts).
 */
final class XmltvTime {
    /** What {@link #parse} returns for a malformed time. */
    static final long INVALID = Long.MIN_VALUE;

    private int withoutOffset;

    /** Epoch seconds of the time, or {@link #INVALID}. */
    long parse(String s) {
        if (s == null) {
            return INVALID;
        }
        int n = s.length();
        int digits = 0;
        while (digits < n && isDigit(s.charAt(digits))) {
            digits++;
        }
        if (digits != 12 && digits != 14) {
            return INVALID;
        }
        int year = num(s, 0, 4);
        int month = num(s, 4, 2);
        int day = num(s, 6, 2);
        int hour = num(s, 8, 2);
        int minute = num(s, 10, 2);
        int second = digits == 14 ? num(s, 12, 2) : 0;
        if (hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        int offset = offsetSeconds(s, digits);
        if (offset == Integer.MIN_VALUE) {
            return INVALID;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return INVALID;
        }
        return epochDay * 86_400 + hour * 3600L + minute * 60L + second - offset;
    }

    /** How many times parsed so far had no offset (and were read as UTC). */
    int withoutOffset() {
        return withoutOffset;
    }

    private int offsetSeconds(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        String z = s.substring(i).strip();
        if (z.isEmpty()) {
            withoutOffset++;
            return 0;
        }
        if (z.equals("Z") || z.equalsIgnoreCase("UTC") || z.equalsIgnoreCase("GMT")) {
            return 0;
        }
        if (z.length() == 6 && z.charAt(3) == ':') {
            z = z.substring(0, 3) + z.substring(4);
        }
        if (z.length() != 5 || (z.charAt(0) != '+' && z.charAt(0) != '-')) {
            return Integer.MIN_VALUE;
        }
        for (int k = 1; k < 5; k++) {
            if (!isDigit(z.charAt(k))) {
                return Integer.MIN_VALUE;
            }
        }
        int hh = num(z, 1, 2);
        int mm = num(z, 3, 2);
        if (hh > 18 || mm > 59) {
            return Integer.MIN_VALUE;
        }
        int sec = hh * 3600 + mm * 60;
        return z.charAt(0) == '-' ? -sec : sec;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
