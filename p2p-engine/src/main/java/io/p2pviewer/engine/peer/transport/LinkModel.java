package io.p2pviewer.engine.peer.transport;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * How messages cross an {@link InMemoryNetwork}: when each arrives, and whether two transports can connect at all.
 * The default ({@link #immediate}) delivers every message at once through the network's executor; the swarm
 * simulator plugs in one that charges latency and shares link capacity.
 */
public interface LinkModel {
    /**
     * Opens one direction of a new channel, from the transport named {@code from} to the one named {@code to}.
     * Called when the channel is created, on the thread that answers the offer.
     */
    Pipe open(String from, String to);

    /** Whether a transport can answer an offer of another (false: as if ICE failed between two NATs). */
    default boolean reachable(String offerer, String answerer) {
        return true;
    }

    /** One direction of a channel: carries its messages in order. */
    interface Pipe {
        /**
         * Carries one message; {@code deliver} is called on the network's delivery thread when it arrives, once
         * with the whole message, or (a model that splits raw segment payload into wire-sized pieces) several
         * times with consecutive pieces of it. Messages of one pipe arrive in the order they were carried.
         */
        void carry(byte[] message, Consumer<byte[]> deliver);

        /** Bytes carried but not yet sent onto the link (the channel's buffered amount). */
        default long buffered() {
            return 0;
        }

        /** Wire bytes each segment payload byte stands for (see {@link PeerChannel#payloadScale()}). */
        default int payloadScale() {
            return 1;
        }

        /** The channel closed: messages not yet delivered may be dropped. */
        default void close() {
        }
    }

    /** Every message delivered at once, in order, through {@code delivery}; every pair reachable. */
    static LinkModel immediate(Executor delivery) {
        Pipe pipe = (message, deliver) -> delivery.execute(() -> deliver.accept(message));
        return (from, to) -> pipe;
    }
}
