package io.p2pviewer.engine.peer.swarm;

import java.util.Arrays;

/**
 * A segment we are receiving from a peer, kept so that our uploads can pass it on while its bytes arrive (relay
 * while receiving): its array starts at most {@link Swarm#INITIAL_DOWNLOAD_BUFFER} long and grows with the bytes
 * received up to the size the sender declared (a declared size reserves nothing), filled up to {@link #received}.
 * It is also the download's buffer, whether or not it is offered to peers. Our uploads send
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
    /** The size the sender declared. */
    final int total;
    /** The bytes received so far, in {@code [0, received)}; replaced by a larger array as more arrive. */
    byte[] data;
    int received;
    State state = State.RECEIVING;
    /**
     * Whether it is the swarm's relay of its wire id (the one the swarm offers peers): the swarm keeps this with its
     * map of relays, and reads it for every chunk received instead of looking the map up (a boxed key's lookup per
     * chunk was 3-4 % of a 1,000-viewer simulation once uploads were paced).
     */
    boolean offered;

    Relay(long wireId, long mediaSequence, int total) {
        this.wireId = wireId;
        this.mediaSequence = mediaSequence;
        this.total = total;
        this.data = new byte[Math.min(total, Swarm.INITIAL_DOWNLOAD_BUFFER)];
    }

    /** Appends received bytes, growing the array (doubling, at most to {@link #total}); the caller checked the size. */
    void append(byte[] bytes) {
        int need = received + bytes.length;
        if (need > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(total, Math.max(need, 2L * data.length)));
        }
        System.arraycopy(bytes, 0, data, received, bytes.length);
        received = need;
    }

    /** The bytes received so far, as an array of exactly that length (the array itself once all arrived). */
    byte[] receivedBytes() {
        return received == data.length ? data : Arrays.copyOf(data, received);
    }

    /** Whether uploads may still take bytes from it (it has not failed, and is not yet in the cache). */
    boolean live() {
        return state == State.RECEIVING || state == State.RECEIVED;
    }
}
