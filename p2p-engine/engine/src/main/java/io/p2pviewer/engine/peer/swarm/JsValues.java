package io.p2pviewer.engine.peer.swarm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * JavaScript's conversions between numbers and strings, as far as the stream id derivation needs them, so that our
 * strings match what browser peers hash.
 */
final class JsValues {

    private JsValues() {
    }

    /**
     * {@code String(value)} of a JavaScript number: {@code 25} for 25.0, {@code 29.97}, {@code NaN},
     * {@code Infinity}, {@code 1e+21}. Uses {@link Double#toString}'s shortest digits, which agree with JavaScript's
     * except that Java may pick a closer two-digit decimal where a one-digit one also round-trips (only for
     * values no frame rate or bitrate takes, such as {@code 5e-324}).
     */
    static String numberToString(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + numberToString(-value);
        }
        if (Double.isInfinite(value)) {
            return "Infinity";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int k = digits.length();
        int n = k - decimal.scale(); // value = 0.digits * 10^n
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String e = "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
        return k == 1 ? digits + e : digits.charAt(0) + "." + digits.substring(1) + e;
    }

    /** {@code value.toString(radix)} for an integral JavaScript number (what {@code parseInt} returns). */
    static String integerToString(double value, int radix) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException("not an integer: " + value);
        }
        return new BigDecimal(value).toBigInteger().toString(radix).toLowerCase(Locale.ROOT);
    }

    /**
     * JavaScript's {@code parseInt(text, radix)} for radix 10 or 16, or for no radix ({@code radix} 0: decimal, or hex
     * after a {@code 0x} prefix): leading white space and a sign are skipped, then the longest run of digits is read;
     * NaN if there is none.
     */
    static double parseInt(String text, int radix) {
        if (radix != 0 && radix != 10 && radix != 16) {
            throw new IllegalArgumentException("radix " + radix);
        }
        int k = 0;
        while (k < text.length() && isWhiteSpace(text.charAt(k))) {
            k++;
        }
        int sign = 1;
        if (k < text.length() && (text.charAt(k) == '-' || text.charAt(k) == '+')) {
            sign = text.charAt(k) == '-' ? -1 : 1;
            k++;
        }
        int effectiveRadix = radix == 0 ? 10 : radix;
        boolean hexPrefix = text.startsWith("0x", k) || text.startsWith("0X", k);
        if ((radix == 0 || radix == 16) && hexPrefix) {
            k += 2;
            effectiveRadix = 16;
        }
        int start = k;
        while (k < text.length() && text.charAt(k) < 0x80 && Character.digit(text.charAt(k), effectiveRadix) >= 0) {
            k++;
        }
        if (k == start) {
            return Double.NaN;
        }
        double magnitude = new BigInteger(text.substring(start, k), effectiveRadix).doubleValue();
        return sign * magnitude;
    }

    /** JavaScript's {@code String.prototype.trim}: removes JavaScript white space and line terminators at both ends. */
    static String trim(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isWhiteSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isWhiteSpace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Whether {@code c} is JavaScript WhiteSpace or LineTerminator (ECMAScript §12.2, §12.3). */
    static boolean isWhiteSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000b', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f',
                 '\u3000', '\ufeff' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }

    /**
     * The UTF-8 bytes JavaScript's {@code TextEncoder} produces for {@code text}: like {@link String#getBytes} with
     * UTF-8, except that an unpaired surrogate becomes U+FFFD rather than {@code ?}.
     */
    static byte[] utf8(String text) {
        StringBuilder sanitized = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean paired = Character.isHighSurrogate(c) && k + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(k + 1));
            if (paired) {
                if (sanitized != null) {
                    sanitized.append(c).append(text.charAt(k + 1));
                }
                k++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && sanitized == null) {
                sanitized = new StringBuilder(text.length()).append(text, 0, k);
            }
            if (sanitized != null) {
                sanitized.append(lone ? '\ufffd' : c);
            }
        }
        return (sanitized == null ? text : sanitized.toString()).getBytes(StandardCharsets.UTF_8);
    }
}
