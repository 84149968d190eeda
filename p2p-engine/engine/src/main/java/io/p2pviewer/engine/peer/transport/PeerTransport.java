package io.p2pviewer.engine.peer.transport;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Makes peer connections from session descriptions exchanged through a tracker, the way browsers do it:
 * complete SDP (all ICE candidates inside, no trickle), one reliable ordered binary data channel per
 * connection, created by the offerer.
 *
 * <p>Implementations: {@code WebRtcPeerTransport} (webrtc-java) and {@code InMemoryPeerTransport} (tests and
 * the simulator). Thread-safe; futures complete and listeners are called on the transport's own threads.
 */
public interface PeerTransport extends AutoCloseable {
    /** Starts an offer; completes when its SDP is complete (ICE gathering done). */
    CompletableFuture<PendingOffer> createOffer();

    /**
     * Answers a remote offer; completes with the answer SDP to send back through the tracker and the connection
     * that opens once the remote side applies it.
     */
    CompletableFuture<Answered> answer(String offerSdp);

    /**
     * Problems with the transport's configuration seen so far (e.g. a TURN server refusing its credentials), one
     * line each with no secret in it, for the app to show; empty by default. Any thread.
     */
    default List<String> problems() {
        return List.of();
    }

    /** Closes every connection and releases native resources, in the safe order. */
    @Override
    void close();

    /** An offer waiting for its answer. */
    interface PendingOffer {
        /** The complete offer SDP. */
        String sdp();

        /** Applies the remote answer; the future completes when the data channel is open. */
        CompletableFuture<PeerChannel> accept(String answerSdp);

        /** Drops the offer (expired or unused); idempotent. */
        void cancel();
    }

    /** An answer and the channel it leads to. */
    record Answered(String sdp, CompletableFuture<PeerChannel> channel) {
    }
}
