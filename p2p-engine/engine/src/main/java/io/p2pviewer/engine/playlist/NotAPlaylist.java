package io.p2pviewer.engine.playlist;

import java.util.Locale;

/**
 * What a response that is no HLS playlist looks like, in words a viewer can act on: IPTV channel lists often hold
 * URLs of MPEG-TS streams or audio streams (which a player reads directly, not as HLS), and a refused request
 * often answers with a web page. Binary bytes are never quoted back.
 */
final class NotAPlaylist {
    /** An MPEG-TS packet's first byte. */
    private static final char TS_SYNC = 'G';

    private NotAPlaylist() {
    }

    /** Why the text, whose first line is not {@code #EXTM3U}, is no HLS playlist. */
    static PlaylistException exception(String text, String firstLine) {
        String kind = kind(text);
        if (kind == null) {
            return new PlaylistException(PlaylistException.Reason.NOT_M3U8, 1,
                    "first line is '" + HlsValues.shown(firstLine) + "', not #EXTM3U");
        }
        return new PlaylistException(isBinary(head(text)) ? PlaylistException.Reason.NOT_TEXT
                : PlaylistException.Reason.NOT_M3U8, 1,
                "the server sent " + kind + ", not an HLS playlist (#EXTM3U): only HLS (.m3u8) streams play here");
    }

    private static String head(String text) {
        return text.length() > 512 ? text.substring(0, 512) : text;
    }

    private static String kind(String text) {
        String head = head(text);
        if (head.startsWith("ID3") || head.startsWith("\u00FF\u00FB") || head.startsWith("\u00FF\u00F3")) {
            return "an audio stream (MP3 or AAC)";
        }
        boolean binary = isBinary(head);
        if (binary && head.charAt(0) == TS_SYNC) {
            return "an MPEG-TS video stream";
        }
        if (binary && head.length() >= 8 && head.startsWith("ftyp", 4)) {
            return "an MP4 video file";
        }
        if (binary) {
            return "binary data";
        }
        String t = head.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("<!doctype html") || t.startsWith("<html") || t.startsWith("<head") || t.startsWith("<body")) {
            return "a web page (HTML)";
        }
        if (t.startsWith("[playlist]")) {
            return "a PLS playlist";
        }
        return null;
    }

    /** A NUL, or more than a tenth of the characters control characters or undecodable bytes (U+FFFD). */
    private static boolean isBinary(String s) {
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
