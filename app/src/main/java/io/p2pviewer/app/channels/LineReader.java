package io.p2pviewer.app.channels;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line (LF, CRLF or CR) with a bound on a line's length, so that a file without line breaks
 * (binary data, a minified page) cannot make one huge string. Not thread-safe.
 */
final class LineReader {
    /** Longer lines are cut here; {@link #wasCut()} tells. */
    static final int MAX_LINE = 64 * 1024;

    private final Reader in;
    private final char[] buf = new char[16 * 1024];
    private final StringBuilder line = new StringBuilder(256);
    private int pos;
    private int end;
    private boolean cut;
    private boolean pendingCr;

    LineReader(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String next() throws IOException {
        line.setLength(0);
        cut = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? line.toString() : null;
                }
            }
            char c = buf[pos++];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                pendingCr = true;
                return line.toString();
            }
            if (line.length() < MAX_LINE) {
                line.append(c);
            } else {
                cut = true;
            }
        }
    }

    /** Whether the line last returned was longer than {@link #MAX_LINE} and was cut. */
    boolean wasCut() {
        return cut;
    }
}
