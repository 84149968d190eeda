package io.p2pviewer.engine.peer.swarm;

/** Finds the peers of one swarm (through one or several trackers) and hands over open channels to them. */
public interface SwarmSignalling extends AutoCloseable {
    void start();

    /**
     * Asks the trackers for more peers now (an announce with fresh offers) rather than at the next interval, if
     * they said the swarm has more members than the {@code connected} peers we have. The caller paces these; the
     * default does nothing.
     */
    default void morePeers(int connected) {
    }

    /** Stops announcing (sends "stopped" where the protocol has it) and closes tracker connections. */
    @Override
    void close();

    /** Creates the signalling of one swarm. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param infoHash the swarm's 20-character info_hash
         * @param peerId our 20-character peer id
         * @param listener receives each new connection, on any thread
         */
        SwarmSignalling create(String infoHash, String peerId, PeerListener listener);
    }

    /** Receives new peer connections of a swarm; called on any thread, must not block. */
    @FunctionalInterface
    interface PeerListener {
        void onPeer(String remotePeerId, io.p2pviewer.engine.peer.transport.PeerChannel channel);
    }
}
