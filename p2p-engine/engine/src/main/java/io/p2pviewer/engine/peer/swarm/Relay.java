package io.p2pviewer.engine.peer.swarm;

/**
 * A segment we are receiving from a peer, kept so that our uploads can pass it on while its bytes arrive (relay
 * while receiving): the array has the size the sender declared, filled up to {@link #received}. Our uploads send
 * from it as it fills, but send a relayed segment's completion only once we have verified it ourselves
 * ({@link State#VERIFIED}): a receiver that got all of a segment from us should never have to blame us for a bad
 * one. When the transfer ends without the segment, or the segment fails verification, the relay fails and every
 * upload from it is answered SegmentAbsent (its receivers fall back as for any absent peer). Engine thread only.
 */
final class Relay {
    /** Where the segment's bytes are. */
    enum State {
        /** Bytes are still arriving from the peer. */
        RECEIVING,
        /** All bytes arrived; our verdict on them is pending. */
        RECEIVED,
        /** The segment passed our verification: uploads from it may complete. */
        VERIFIED,
        /** The transfer ended without the segment, or the segment failed verification. */
        FAILED
    }

    final long wireId;
    final long mediaSequence;
    final byte[] data;
    int received;
    State state = State.RECEIVING;

    Relay(long wireId, long mediaSequence, int total) {
        this.wireId = wireId;
        this.mediaSequence = mediaSequence;
        this.data = new byte[total];
    }

    /** Whether uploads may still take bytes from it (it has not failed, and is not yet in the cache). */
    boolean live() {
        return state == State.RECEIVING || state == State.RECEIVED;
    }
}
