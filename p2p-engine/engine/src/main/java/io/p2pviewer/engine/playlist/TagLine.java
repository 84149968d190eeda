package io.p2pviewer.engine.playlist;

/**
 * A tag line split into its name and value: {@code #EXT-X-FOO:value} has name {@code EXT-X-FOO}.
 *
 * @param line       the whole line
 * @param name       the tag name without '#' and without ':'
 * @param valueStart the index in {@code line} just after the ':', or -1 when the tag has no ':'
 * @param index      0-based index of the line in the playlist
 */
record TagLine(String line, String name, int valueStart, int index) {

    /** Splits a line for which {@link PlaylistLines#isTag(String)} holds. */
    static TagLine of(String line, int index) {
        int colon = line.indexOf(':');
        String name = colon < 0 ? line.substring(1).strip() : line.substring(1, colon);
        return new TagLine(line, name, colon < 0 ? -1 : colon + 1, index);
    }

    /** The text after the ':', or "" when there is none. */
    String value() {
        return valueStart < 0 ? "" : line.substring(valueStart);
    }

    /** The 1-based line number, for errors. */
    int lineNumber() {
        return index + 1;
    }
}
