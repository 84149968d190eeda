package io.p2pviewer.engine.peer.transport;

/**
 * An open, reliable, ordered binary message channel to one remote peer.
 *
 * <p>{@link #send} never blocks and never sends more than the peer can take: implementations queue messages
 * and hand them to the network as its buffer drains (flow control); {@link #bufferedAmount()} tells how much
 * is waiting. Messages are delivered whole and in order; each is at most {@link #MAX_MESSAGE_BYTES}.
 */
public interface PeerChannel {
    /** Largest message a channel carries; browsers (p2p-media-loader) use the same limit. */
    int MAX_MESSAGE_BYTES = 65535;

    /**
     * Queues one message. The array is the channel's from now on (callers pass a fresh exact-size array).
     *
     * @throws IllegalArgumentException if longer than {@link #MAX_MESSAGE_BYTES}
     */
    void send(byte[] message);

    /** Bytes queued or buffered but not yet sent. */
    long bufferedAmount();

    /**
     * Sets the receiver of this channel's events; messages that arrived before are delivered to it. Called on
     * the transport's threads; the listener copies nothing (arrays are already its own) and must not block.
     */
    void setListener(PeerChannelListener listener);

    /** Closes the channel and its connection; the listener gets {@code onClose}. Idempotent. */
    void close();

    /** A short label for logs (e.g. the remote address, masked). */
    String describe();

    /**
     * The remote end's network address (IP address, or a node name on in-memory networks), for per-address limits
     * such as {@code Swarm}'s peers per address; never shown (logs use {@link #describe()}, which masks it). "" when
     * unknown (an mDNS name, or a transport without addresses): then no per-address limit applies.
     */
    default String remoteHost() {
        return "";
    }

    /**
     * Wire bytes each segment payload byte on this channel stands for: 1 on real transports. The swarm simulator's
     * in-memory links carry scaled-down segments and say so here, so that measured peer speeds stay in real bytes
     * per second (comparable with the scheduler's assumed speed of a peer never measured).
     */
    default int payloadScale() {
        return 1;
    }

    /**
     * How this channel reaches its peer (the selected ICE candidate pair's types), {@link PeerRoute#UNKNOWN} until
     * known or on transports without ICE. Any thread; never blocks (a cached value).
     */
    default PeerRoute route() {
        return PeerRoute.UNKNOWN;
    }
}
