package io.p2pviewer.engine.playlist;

import io.p2pviewer.engine.playlist.PlaylistException.Reason;
import java.net.URI;
import java.util.Map;

/**
 * The attribute-list of one tag line (RFC 8216 §4.2) with typed accessors. Accessors return null for an absent
 * attribute and fail with a {@link PlaylistException} naming the tag, attribute and line for a malformed one. Values
 * are accepted quoted or not; their content is checked strictly.
 */
final class AttributeList {

    /**
     * One attribute as written.
     *
     * @param value      the value without surrounding quotes
     * @param quoted     whether the value was a quoted-string
     * @param valueStart index in the line of the value's first character (after the opening quote)
     * @param valueEnd   index in the line just after the value's last character (at the closing quote)
     */
    record Attribute(String name, String value, boolean quoted, int valueStart, int valueEnd) {
    }

    private final String tagName;
    private final int lineNumber;
    private final Map<String, Attribute> byName;

    AttributeList(String tagName, int lineNumber, Map<String, Attribute> byName) {
        this.tagName = tagName;
        this.lineNumber = lineNumber;
        this.byName = Map.copyOf(byName);
    }

    /** The attribute called {@code name}, or null. */
    Attribute attribute(String name) {
        return byName.get(name);
    }

    /** The number of attributes. */
    int size() {
        return byName.size();
    }

    /** The value (quoted-string or enumerated-string), or null. */
    String string(String name) {
        Attribute a = byName.get(name);
        return a == null ? null : a.value();
    }

    String requiredString(String name) throws PlaylistException {
        String value = string(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** A decimal-integer value, or null. */
    Long decimalInteger(String name) throws PlaylistException {
        String value = string(name);
        return value == null ? null : HlsValues.decimalInteger(value, lineNumber, what(name));
    }

    long requiredDecimalInteger(String name) throws PlaylistException {
        Long value = decimalInteger(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** A decimal-floating-point value, or null. */
    Double decimalFloat(String name) throws PlaylistException {
        String value = string(name);
        return value == null ? null : HlsValues.decimalFloat(value, lineNumber, what(name));
    }

    /** A YES/NO value, {@code whenAbsent} when absent. */
    boolean yesNo(String name, boolean whenAbsent) throws PlaylistException {
        String value = string(name);
        if (value == null) {
            return whenAbsent;
        }
        return switch (value) {
            case "YES" -> true;
            case "NO" -> false;
            default -> throw new PlaylistException(Reason.BAD_VALUE, lineNumber,
                    what(name) + " '" + HlsValues.shown(value) + "' is not YES or NO");
        };
    }

    /** A decimal-resolution value, or null. */
    Resolution resolution(String name) throws PlaylistException {
        String value = string(name);
        return value == null ? null : HlsValues.resolution(value, lineNumber, what(name));
    }

    /** A 128-bit hexadecimal-sequence value as 16 bytes, or null. */
    byte[] iv(String name) throws PlaylistException {
        String value = string(name);
        return value == null ? null : HlsValues.iv128(value, lineNumber, what(name));
    }

    /** A URI value resolved against {@code base}, or null. */
    URI uri(String name, URI base) throws PlaylistException {
        String value = string(name);
        return value == null ? null : UriResolver.resolve(base, value, lineNumber, what(name));
    }

    URI requiredUri(String name, URI base) throws PlaylistException {
        URI value = uri(name, base);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** "TAG attribute NAME", for messages. */
    String what(String name) {
        return tagName + " attribute " + name;
    }

    PlaylistException missing(String name) {
        return new PlaylistException(Reason.MISSING_ATTRIBUTE, lineNumber, tagName + " has no " + name + " attribute");
    }
}
