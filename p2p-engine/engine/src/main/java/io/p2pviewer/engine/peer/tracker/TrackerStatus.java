package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.redaction.Redacted;
import java.net.URI;
import java.time.Duration;

/**
 * The state of a {@link TrackerClient}'s connection to its tracker, as reported to its listener. {@code toString()}
 * masks the tracker URL's query (join tokens), so a status may be logged as it is.
 */
public sealed interface TrackerStatus {
    /** The tracker this status is about. */
    URI tracker();

    /** Opening the WebSocket; {@code attempt} counts from 1 and restarts after a tracker reply. */
    record Connecting(URI tracker, int attempt) implements TrackerStatus {
        @Override
        public String toString() {
            return "Connecting[" + Redacted.url(tracker) + ", attempt " + attempt + "]";
        }
    }

    /** The WebSocket is open and the announce went (or is going) out. */
    record Connected(URI tracker) implements TrackerStatus {
        @Override
        public String toString() {
            return "Connected[" + Redacted.url(tracker) + "]";
        }
    }

    /**
     * The WebSocket is open but the tracker refused our announce with a "failure reason" (for example a missing,
     * expired or wrong join token: {@code reason} is the tracker's text). The client keeps re-announcing at its
     * interval; a later accepted announce reports {@link Connected} again.
     */
    record Refused(URI tracker, String reason) implements TrackerStatus {
        @Override
        public String toString() {
            return "Refused[" + Redacted.url(tracker) + ": " + reason + "]";
        }
    }

    /** The WebSocket closed or failed; the client tries again after {@code retryIn}. */
    record Disconnected(URI tracker, String reason, Duration retryIn) implements TrackerStatus {
        @Override
        public String toString() {
            return "Disconnected[" + Redacted.url(tracker) + ": " + reason + ", retry in " + retryIn + "]";
        }
    }

    /** The client was stopped and will not reconnect. */
    record Stopped(URI tracker) implements TrackerStatus {
        @Override
        public String toString() {
            return "Stopped[" + Redacted.url(tracker) + "]";
        }
    }
}
