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
    /** How much of the answer is looked at. */
    private static final int HEAD = 512;

    private NotAPlaylist() {
    }

    /** Why the text, whose first line is not {@code #EXTM3U}, is no HLS playlist. */
    static PlaylistException exception(String text, String firstLine) {
        String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
        boolean binary = BinaryText.isBinary(head);
        String kind = kind(head, binary);
        if (kind == null) {
            return new PlaylistException(PlaylistException.Reason.NOT_M3U8, 1,
                    "first line is '" + HlsValues.shown(firstLine) + "', not #EXTM3U");
        }
        return new PlaylistException(binary ? PlaylistException.Reason.NOT_TEXT : PlaylistException.Reason.NOT_M3U8,
                1, "the server sent " + kind + ", not an HLS playlist (#EXTM3U): only HLS (.m3u8) streams play here");
    }

    private static String kind(String head, boolean binary) {
        if (head.startsWith("ID3") || head.startsWith("\u00FF\u00FB") || head.startsWith("\u00FF\u00F3")) {
            return "an audio stream (MP3 or AAC)";
        }
        if (binary) {
            return head.charAt(0) == TS_SYNC ? "an MPEG-TS video stream"
                    : head.startsWith("ftyp", 4) ? "an MP4 video file" : "binary data";
        }
        String t = head.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("<!doctype html") || t.startsWith("<html") || t.startsWith("<head") || t.startsWith("<body")) {
            return "a web page (HTML)";
        }
        return t.startsWith("[playlist]") ? "a PLS playlist" : null;
    }
}
