package io.p2pviewer.engine;

import java.time.Instant;

/**
 * A problem the engine met while serving a stream, kept for the UI, the log and the report. Each case carries its
 * facts; {@link #message()} is the human text of the log and the report.
 */
public sealed interface StreamError {
    /** When the engine met the problem. */
    Instant at();

    /** The problem in words, for the log, the report and the UI. */
    String message();

    /** Loading a media playlist failed; the player keeps the previous copy if there is one. */
    record PlaylistFailed(Instant at, String track, String reason) implements StreamError {
        @Override
        public String message() {
            return "Loading playlist of " + track + " failed: " + reason;
        }
    }

    /** A media playlist the origin sent could not be parsed. */
    record MalformedPlaylist(Instant at, String track, String problem) implements StreamError {
        @Override
        public String message() {
            return "Malformed playlist of " + track + ": " + problem;
        }
    }

    /** A segment could not be fetched from the CDN (after its retries): the player's request failed. */
    record SegmentFailed(Instant at, SegmentId segment, String reason) implements StreamError {
        @Override
        public String message() {
            return "segment " + segment + ": " + reason;
        }
    }

    /** The player asked for a segment that is in no playlist the engine has seen. */
    record UnknownSegment(Instant at, SegmentId segment) implements StreamError {
        @Override
        public String message() {
            return "segment " + segment + " is not in any playlist the engine has seen";
        }
    }

    /**
     * A peer was banned for bytes that failed verification.
     *
     * @param peerId the banned peer's id
     * @param segment the segment it sent
     * @param firstBytesOnly true when it sent only the first bytes of the segment before its transfer was given up,
     *                       and they differ from the origin's; false when it sent a whole segment that failed
     * @param reason how the bytes failed ("sha256: ..."; "they differ from the origin's" for first bytes)
     */
    record PeerBanned(Instant at, String peerId, SegmentId segment, boolean firstBytesOnly, String reason)
            implements StreamError {
        /** The reason of a ban for first bytes. */
        public static final String FIRST_BYTES_DIFFER = "they differ from the origin's";

        @Override
        public String message() {
            return "Peer " + peerId + (firstBytesOnly ? " sent bad first bytes of " : " sent a bad segment ") + segment
                    + " (" + reason + "): banned";
        }
    }
}
