package io.p2pviewer.engine.playlist;

import io.p2pviewer.engine.playlist.PlaylistException.Reason;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses an attribute-list (RFC 8216 §4.2): {@code NAME=value} pairs separated by commas, where a value is a
 * quoted-string (which may contain commas) or an unquoted token. Tolerates spaces around separators and a trailing
 * comma; rejects a missing '=', an empty or unterminated value, stray characters and duplicate names.
 */
final class AttributeListParser {

    private AttributeListParser() {
    }

    /** Parses the value of a tag line. */
    static AttributeList parse(TagLine tag) throws PlaylistException {
        int start = tag.valueStart() < 0 ? tag.line().length() : tag.valueStart();
        return parse(tag.line(), start, tag.name(), tag.lineNumber());
    }

    /** Parses {@code line} from index {@code start}; offsets in the result are indexes in {@code line}. */
    static AttributeList parse(String line, int start, String tagName, int lineNumber) throws PlaylistException {
        Map<String, AttributeList.Attribute> attributes = new LinkedHashMap<>();
        int n = line.length();
        int i = skipSpaces(line, start);
        if (i == n) {
            throw bad(lineNumber, tagName + " has an empty attribute list");
        }
        while (i < n) {
            int nameStart = i;
            while (i < n && isNameChar(line.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw bad(lineNumber, tagName + ": expected an attribute name at column " + (i + 1)
                        + " but found '" + line.charAt(i) + "'");
            }
            String name = line.substring(nameStart, i);
            if (i == n || line.charAt(i) != '=') {
                throw bad(lineNumber, tagName + ": attribute " + HlsValues.shown(name) + " has no '='");
            }
            i++;
            AttributeList.Attribute attribute;
            if (i < n && line.charAt(i) == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    throw bad(lineNumber, tagName + ": the quoted value of " + name + " is not terminated");
                }
                attribute = new AttributeList.Attribute(name, line.substring(i + 1, close), true, i + 1, close);
                i = close + 1;
            } else {
                int valueStart = i;
                while (i < n && line.charAt(i) != ',' && line.charAt(i) != '"') {
                    i++;
                }
                int valueEnd = i;
                while (valueEnd > valueStart && isSpace(line.charAt(valueEnd - 1))) {
                    valueEnd--;
                }
                if (valueEnd == valueStart) {
                    throw bad(lineNumber, tagName + ": attribute " + name + " has an empty value");
                }
                attribute = new AttributeList.Attribute(name, line.substring(valueStart, valueEnd), false,
                        valueStart, valueEnd);
            }
            if (attributes.putIfAbsent(name, attribute) != null) {
                throw bad(lineNumber, tagName + ": attribute " + name + " appears more than once");
            }
            i = skipSpaces(line, i);
            if (i < n) {
                if (line.charAt(i) != ',') {
                    throw bad(lineNumber, tagName + ": unexpected '" + line.charAt(i) + "' after the value of "
                            + name + " at column " + (i + 1));
                }
                i = skipSpaces(line, i + 1);
            }
        }
        return new AttributeList(tagName, lineNumber, attributes);
    }

    private static PlaylistException bad(int lineNumber, String message) {
        return new PlaylistException(Reason.BAD_ATTRIBUTE_LIST, lineNumber, message);
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
