package io.p2pviewer.engine.playlist;

/**
 * Tells text from binary data decoded as text (a media stream, a file that is no playlist): the one test the HLS
 * parser's message ({@link NotAPlaylist}) and the app's channel-list reader share.
 */
public final class BinaryText {
    private BinaryText() {
    }

    /**
     * True for text that is not: one NUL, or at least a tenth of its characters control characters (other than
     * tab and line ends), DEL or U+FFFD (what a UTF-8 decoder puts for bytes it cannot decode).
     */
    public static boolean isBinary(CharSequence s) {
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return true;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFD' || c == 0x7F) {
                bad++;
            }
        }
        return bad > 0 && bad * 10 >= s.length();
    }
}
