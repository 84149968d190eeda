package io.p2pviewer.engine.playlist;

import java.util.Map;
import java.util.Set;

/** Names of the HLS tags the parser and rewriter know, and which of them carry URIs. */
final class HlsTags {
    static final String EXTM3U = "EXTM3U";
    static final String EXTINF = "EXTINF";
    static final String VERSION = "EXT-X-VERSION";
    static final String INDEPENDENT_SEGMENTS = "EXT-X-INDEPENDENT-SEGMENTS";

    static final String TARGETDURATION = "EXT-X-TARGETDURATION";
    static final String MEDIA_SEQUENCE = "EXT-X-MEDIA-SEQUENCE";
    static final String DISCONTINUITY_SEQUENCE = "EXT-X-DISCONTINUITY-SEQUENCE";
    static final String PLAYLIST_TYPE = "EXT-X-PLAYLIST-TYPE";
    static final String ENDLIST = "EXT-X-ENDLIST";
    static final String KEY = "EXT-X-KEY";
    static final String MAP = "EXT-X-MAP";
    static final String BYTERANGE = "EXT-X-BYTERANGE";
    static final String DISCONTINUITY = "EXT-X-DISCONTINUITY";
    static final String PROGRAM_DATE_TIME = "EXT-X-PROGRAM-DATE-TIME";
    static final String GAP = "EXT-X-GAP";
    static final String PART = "EXT-X-PART";
    static final String PRELOAD_HINT = "EXT-X-PRELOAD-HINT";
    static final String RENDITION_REPORT = "EXT-X-RENDITION-REPORT";

    static final String STREAM_INF = "EXT-X-STREAM-INF";
    static final String I_FRAME_STREAM_INF = "EXT-X-I-FRAME-STREAM-INF";
    static final String MEDIA = "EXT-X-MEDIA";
    static final String SESSION_DATA = "EXT-X-SESSION-DATA";
    static final String SESSION_KEY = "EXT-X-SESSION-KEY";
    static final String CONTENT_STEERING = "EXT-X-CONTENT-STEERING";

    /** Tags that may appear only in a master playlist. */
    static final Set<String> MASTER_ONLY = Set.of(
            STREAM_INF, I_FRAME_STREAM_INF, MEDIA, SESSION_DATA, SESSION_KEY, CONTENT_STEERING);

    /** Tags that may appear only in a media playlist. */
    static final Set<String> MEDIA_ONLY = Set.of(
            EXTINF, TARGETDURATION, MEDIA_SEQUENCE, DISCONTINUITY_SEQUENCE, PLAYLIST_TYPE, ENDLIST,
            "EXT-X-I-FRAMES-ONLY", KEY, MAP, BYTERANGE, DISCONTINUITY, PROGRAM_DATE_TIME, GAP, "EXT-X-BITRATE",
            "EXT-X-DATERANGE", "EXT-X-PART-INF", "EXT-X-SERVER-CONTROL", PART, PRELOAD_HINT, RENDITION_REPORT,
            "EXT-X-SKIP");

    /** Master playlist tags whose URI attribute (value: its name) the rewriter makes absolute to the origin. */
    static final Map<String, String> MASTER_ABSOLUTE_URIS = Map.of(
            SESSION_DATA, "URI", SESSION_KEY, "URI", CONTENT_STEERING, "SERVER-URI");

    /** Media playlist tags whose URI attribute (value: its name) the rewriter makes absolute to the origin. */
    static final Map<String, String> MEDIA_ABSOLUTE_URIS = Map.of(
            KEY, "URI", MAP, "URI", PART, "URI", PRELOAD_HINT, "URI", RENDITION_REPORT, "URI");

    private HlsTags() {
    }
}
