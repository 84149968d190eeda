package io.p2pviewer.app.channels;

/**
 * Why an input gave nothing usable: a closed set, each with a one-line {@link #reason()} that names the cause
 * (and never a URL's query values).
 */
public sealed interface ReadError {
    /** One line for the user. */
    String reason();

    /** Nothing but blank lines (or no bytes at all). */
    record Empty(String what) implements ReadError {
        @Override
        public String reason() {
            return what + " is empty";
        }
    }

    /** A web page where a playlist or guide was expected (a login page, an error page). */
    record Html(String what, int line) implements ReadError {
        @Override
        public String reason() {
            return what + " is an HTML page, not a " + (what.startsWith("guide") ? "XMLTV guide" : "playlist")
                    + " (line " + line + ")";
        }
    }

    /** Bytes that are not text: a NUL byte or too many undecodable or control characters. */
    record Binary(String what, int line) implements ReadError {
        @Override
        public String reason() {
            return what + " is binary data, not text (line " + line + ")";
        }
    }

    /**
     * An HLS media or master playlist (it has {@code #EXT-X-TARGETDURATION} or {@code #EXT-X-STREAM-INF}), which
     * is played as a stream, not listed as channels.
     */
    record HlsStream(String what, int line) implements ReadError {
        @Override
        public String reason() {
            return what + " is an HLS stream, not a channel list (line " + line + "): play it as a stream";
        }
    }

    /** Text, but not one entry could be used; {@code firstProblem} says why for the first skipped line. */
    record NoEntries(String what, String firstProblem) implements ReadError {
        @Override
        public String reason() {
            return what + " has no playable entries" + (firstProblem == null ? "" : " (" + firstProblem + ")");
        }
    }

    /** The input could not be read: a missing file, an unreachable host, an HTTP error, a malformed document. */
    record Unreadable(String what, String cause) implements ReadError {
        @Override
        public String reason() {
            return "cannot read " + what + ": " + cause;
        }
    }
}
