package io.p2pviewer.engine;

import java.time.Instant;

/** A problem the engine met while serving a stream, kept for the UI, the log and the report. */
public record StreamError(Instant at, Kind kind, String message) {
    /** What went wrong. */
    public enum Kind { PLAYLIST_FAILED, MALFORMED_PLAYLIST, SEGMENT_FAILED, UNKNOWN_SEGMENT, PEER_BANNED }
}
