package io.p2pviewer.engine.peer.tracker;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** One message from a tracker as the client understands it. */
sealed interface TrackerReply {
    /** The tracker refused our request ("failure reason"). */
    record Failure(String reason) implements TrackerReply {
    }

    /** The tracker's reply to an announce: next interval, swarm counts and an optional "warning message". */
    record AnnounceReply(Optional<Duration> interval, OptionalInt complete, OptionalInt incomplete,
                         Optional<String> warning) implements TrackerReply {
    }

    /** Another peer's offer relayed to us; we answer it with the same offer id. */
    record RelayedOffer(String peerId, String offerId, String sdp) implements TrackerReply {
    }

    /** Another peer's answer to one of our offers. */
    record RelayedAnswer(String peerId, String offerId, String sdp) implements TrackerReply {
    }

    /** A well-formed message that is not for us (another swarm, our own echo, a scrape reply). */
    record Ignored(String why) implements TrackerReply {
    }

    /** A message we cannot understand; logged and dropped. */
    record Garbage(String why) implements TrackerReply {
    }
}
