package io.p2pviewer.app.channels;

/**
 * Something a reader skipped or guessed, and where: {@code line} is 1-based, or 0 for the input as a whole.
 * Messages never hold a URL's query values (see {@link UrlMask}).
 */
public record ReadWarning(String source, int line, String message) {

    /** One line: {@code playlist line 12: ...} or {@code guide: ...}. */
    @Override
    public String toString() {
        return line > 0 ? source + " line " + line + ": " + message : source + ": " + message;
    }
}
