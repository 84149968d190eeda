package io.p2pviewer.engine.playlist;

import io.p2pviewer.engine.playlist.PlaylistException.Reason;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;

/**
 * Parsers for the value types of RFC 8216 §4.2 (decimal integers and floats, hexadecimal sequences, resolutions)
 * plus byte ranges and dates. Only ASCII digits are accepted; every failure is a {@link PlaylistException}.
 */
final class HlsValues {
    /** How many characters of an offending value an error message quotes. */
    private static final int SHOWN_MAX = 60;

    /** RFC 3339 date-time; the offset may be written with or without a colon, or be missing (then UTC is assumed). */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    /** A byte range as written: the offset is null when omitted. */
    record ByteRangeSpec(long length, Long offset) {
    }

    private HlsValues() {
    }

    /** {@code text} shortened for quoting in an error message. */
    static String shown(String text) {
        return text.length() <= SHOWN_MAX ? text : text.substring(0, SHOWN_MAX) + "...";
    }

    /** A decimal-integer (0 to 2^63-1). */
    static long decimalInteger(String text, int lineNumber, String what) throws PlaylistException {
        Long value = parseDigits(text);
        if (value == null) {
            String problem = isDigits(text) ? "is out of range" : "is not a decimal integer";
            throw new PlaylistException(Reason.BAD_NUMBER, lineNumber, what + " '" + shown(text) + "' " + problem);
        }
        return value;
    }

    /** A decimal-integer that fits in an int. */
    static int decimalInt(String text, int lineNumber, String what) throws PlaylistException {
        long value = decimalInteger(text, lineNumber, what);
        if (value > Integer.MAX_VALUE) {
            throw new PlaylistException(Reason.BAD_NUMBER, lineNumber, what + " '" + shown(text) + "' is out of range");
        }
        return (int) value;
    }

    /** A decimal-floating-point: ASCII digits with at most one '.', finite. No sign, exponent or NaN. */
    static double decimalFloat(String text, int lineNumber, String what) throws PlaylistException {
        if (!isDecimalFloat(text)) {
            throw new PlaylistException(Reason.BAD_NUMBER, lineNumber, what + " '" + shown(text) + "' is not a number");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new PlaylistException(Reason.BAD_NUMBER, lineNumber, what + " '" + shown(text) + "' is out of range");
        }
        return value;
    }

    /** A 128-bit hexadecimal-sequence ({@code 0x} and up to 32 hex digits, left-padded with zeros) as 16 bytes. */
    static byte[] iv128(String text, int lineNumber, String what) throws PlaylistException {
        boolean prefixed = text.length() > 2 && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        String hex = prefixed ? text.substring(2) : "";
        if (!prefixed || hex.length() > 32 || !hex.chars().allMatch(c -> hexDigit(c) >= 0)) {
            throw new PlaylistException(Reason.BAD_VALUE, lineNumber,
                    what + " '" + shown(text) + "' is not a 128-bit hexadecimal value like 0x0123456789abcdef0123456789abcdef");
        }
        String padded = "0".repeat(32 - hex.length()) + hex;
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) (hexDigit(padded.charAt(2 * i)) << 4 | hexDigit(padded.charAt(2 * i + 1)));
        }
        return bytes;
    }

    /** A decimal-resolution such as {@code 1280x720}. */
    static Resolution resolution(String text, int lineNumber, String what) throws PlaylistException {
        int x = Math.max(text.indexOf('x'), text.indexOf('X'));
        Long width = x <= 0 ? null : parseDigits(text.substring(0, x));
        Long height = x <= 0 ? null : parseDigits(text.substring(x + 1));
        if (width == null || height == null || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new PlaylistException(Reason.BAD_VALUE, lineNumber,
                    what + " '" + shown(text) + "' is not a resolution like 1280x720");
        }
        return new Resolution(width.intValue(), height.intValue());
    }

    /** A byte range {@code <length>[@<offset>]}, the length positive. */
    static ByteRangeSpec byteRange(String text, int lineNumber, String what) throws PlaylistException {
        int at = text.indexOf('@');
        Long length = parseDigits(at < 0 ? text : text.substring(0, at));
        Long offset = at < 0 ? null : parseDigits(text.substring(at + 1));
        if (length == null || (at >= 0 && offset == null)) {
            throw new PlaylistException(Reason.BAD_BYTE_RANGE, lineNumber,
                    what + " '" + shown(text) + "' is not a byte range like 1000@0");
        }
        if (length == 0) {
            throw new PlaylistException(Reason.BAD_BYTE_RANGE, lineNumber, what + " '" + shown(text) + "' is empty");
        }
        if (offset != null && offset > Long.MAX_VALUE - length) {
            throw new PlaylistException(Reason.BAD_BYTE_RANGE, lineNumber,
                    what + " '" + shown(text) + "' is out of range");
        }
        return new ByteRangeSpec(length, offset);
    }

    /** An RFC 3339 / ISO 8601 date and time; one without an offset is taken as UTC. */
    static OffsetDateTime dateTime(String text, int lineNumber, String what) throws PlaylistException {
        try {
            TemporalAccessor parsed = DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt ? odt : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new PlaylistException(Reason.BAD_DATE_TIME, lineNumber,
                    what + " '" + shown(text) + "' is not a date and time like 2024-05-01T12:00:00.000Z");
        }
    }

    /** The value of a non-empty string of ASCII digits, or null if it is not one or overflows a long. */
    private static Long parseDigits(String text) {
        if (!isDigits(text)) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDecimalFloat(String text) {
        int digits = 0;
        boolean dot = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    private static int hexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
