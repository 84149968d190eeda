package io.p2pviewer.engine.playlist;

import java.util.ArrayList;
import java.util.List;

/** Splits a playlist text into lines, enforcing the size limits, and classifies single lines. */
final class PlaylistLines {
    private static final char BOM = '\uFEFF';

    private PlaylistLines() {
    }

    /**
     * The lines of {@code text}, split at LF, CRLF or a lone CR, without terminators and without a leading byte order
     * mark. A final terminator does not start an extra empty line.
     */
    static List<String> split(String text, int maxChars, int maxLines) throws PlaylistException {
        if (text.length() > maxChars) {
            throw new PlaylistException(PlaylistException.Reason.TOO_LARGE, 0,
                    "playlist has " + text.length() + " characters, more than the limit of " + maxChars);
        }
        int n = text.length();
        int lineStart = n > 0 && text.charAt(0) == BOM ? 1 : 0;
        List<String> lines = new ArrayList<>();
        for (int i = lineStart; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(lineStart, i));
                checkLineCount(lines.size(), maxLines);
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        if (lineStart < n) {
            lines.add(text.substring(lineStart));
            checkLineCount(lines.size(), maxLines);
        }
        return lines;
    }

    private static void checkLineCount(int count, int maxLines) throws PlaylistException {
        if (count > maxLines) {
            throw new PlaylistException(PlaylistException.Reason.TOO_LARGE, 0,
                    "playlist has more than the limit of " + maxLines + " lines");
        }
    }

    /** Whether the line is a tag ({@code #EXT...}); other lines starting with '#' are comments. */
    static boolean isTag(String line) {
        return line.startsWith("#EXT");
    }

    /** Whether the line is a URI line: neither blank nor starting with '#'. */
    static boolean isUri(String line) {
        return !line.isBlank() && !line.startsWith("#");
    }
}
