package io.p2pviewer.engine.peer.tracker;

import java.net.URI;
import java.time.Duration;

/** The state of a {@link TrackerClient}'s connection to its tracker, as reported to its listener. */
public sealed interface TrackerStatus {
    /** The tracker this status is about. */
    URI tracker();

    /** Opening the WebSocket; {@code attempt} counts from 1 and restarts after a tracker reply. */
    record Connecting(URI tracker, int attempt) implements TrackerStatus {
    }

    /** The WebSocket is open and the announce went (or is going) out. */
    record Connected(URI tracker) implements TrackerStatus {
    }

    /** The WebSocket closed or failed; the client tries again after {@code retryIn}. */
    record Disconnected(URI tracker, String reason, Duration retryIn) implements TrackerStatus {
    }

    /** The client was stopped and will not reconnect. */
    record Stopped(URI tracker) implements TrackerStatus {
    }
}
