package io.p2pviewer.engine.playlist;

import java.io.Serial;
import java.util.Objects;

/**
 * A playlist text that could not be parsed: why ({@link Reason}), on which line, and a message for humans.
 *
 * <p>The message reads like {@code "line 7: EXTINF duration 'abc' is not a number"}; errors about the text as a
 * whole (empty, too large, missing target duration...) have line number 0 and no "line" prefix.
 */
public final class PlaylistException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why a playlist text was rejected. */
    public enum Reason {
        /** The text is empty or holds only blank lines. */
        EMPTY,
        /** The text is longer than {@link PlaylistParser#MAX_CHARS} or has more than {@link PlaylistParser#MAX_LINES} lines. */
        TOO_LARGE,
        /** The first line is not {@code #EXTM3U}. */
        NOT_M3U8,
        /**
         * The response is not text: a media stream or file (MPEG-TS, MP4, MP3/AAC) or other binary data, which no
         * playlist or channel list reader can use.
         */
        NOT_TEXT,
        /** Tags only allowed in a master playlist and tags only allowed in a media playlist are both present. */
        MIXED_MASTER_AND_MEDIA,
        /** A master playlist was required and a media playlist was given, or the other way round. */
        WRONG_KIND,
        /** A master playlist has no {@code EXT-X-STREAM-INF} variant. */
        NO_VARIANTS,
        /** A media playlist has no {@code EXT-X-TARGETDURATION} tag. */
        MISSING_TARGET_DURATION,
        /** A tag that may appear only once appears again. */
        DUPLICATE_TAG,
        /** A number (tag value or attribute) is malformed or out of range. */
        BAD_NUMBER,
        /** An enumerated, hexadecimal or resolution value is not one of the allowed forms. */
        BAD_VALUE,
        /** An attribute list is malformed (RFC 8216 §4.2): no '=', an unterminated quote, a duplicate name... */
        BAD_ATTRIBUTE_LIST,
        /** A required attribute is absent. */
        MISSING_ATTRIBUTE,
        /** A byte range is malformed, or has no offset and does not follow a sub-range of the same resource. */
        BAD_BYTE_RANGE,
        /** An {@code EXT-X-PROGRAM-DATE-TIME} is not an ISO 8601 date and time. */
        BAD_DATE_TIME,
        /** A URI is malformed or cannot be resolved against the playlist URI. */
        BAD_URI,
        /** A segment URI line has no {@code EXTINF} before it. */
        URI_WITHOUT_EXTINF,
        /** An {@code EXTINF} is not followed by a segment URI line. */
        EXTINF_WITHOUT_URI,
        /** A URI line in a master playlist has no {@code EXT-X-STREAM-INF} before it. */
        URI_WITHOUT_STREAM_INF,
        /** An {@code EXT-X-STREAM-INF} is not followed by a URI line. */
        STREAM_INF_WITHOUT_URI
    }

    private final Reason reason;
    private final int lineNumber;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param lineNumber the 1-based line number, or 0 when the error concerns the whole text
     * @param detail     what is wrong, without the line prefix
     */
    public PlaylistException(Reason reason, int lineNumber, String detail) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + detail : detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.lineNumber = Math.max(0, lineNumber);
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** Why the playlist was rejected. */
    public Reason reason() {
        return reason;
    }

    /** The 1-based number of the offending line, or 0 when the error concerns the whole text. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The message without its "line N: " prefix. */
    public String detail() {
        return detail;
    }
}
