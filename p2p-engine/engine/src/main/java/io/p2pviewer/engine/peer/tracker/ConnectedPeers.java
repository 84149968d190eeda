package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The remote peers we hold a channel to, or are answering an offer of, shared by the tracker clients of one
 * swarm so that a peer found through two trackers (or offering to us while we offer to it) is connected once.
 * Thread-safe.
 */
final class ConnectedPeers {
    private final Map<String, PeerChannel> channels = new ConcurrentHashMap<>();
    private final Set<String> answering = ConcurrentHashMap.newKeySet();

    /** Peers we hold a channel to. */
    int count() {
        return channels.size();
    }

    /** True if we hold a channel to this peer. */
    boolean isConnected(String peerId) {
        return channels.containsKey(peerId);
    }

    /**
     * Records the channel as the one to this peer.
     *
     * @return false if the peer already has a channel (the caller closes the new one)
     */
    boolean claim(String peerId, PeerChannel channel) {
        return channels.putIfAbsent(peerId, channel) == null;
    }

    /** Forgets the peer if this channel is still the one recorded for it. */
    void release(String peerId, PeerChannel channel) {
        channels.remove(peerId, channel);
    }

    /**
     * Reserves the peer for answering one of its offers.
     *
     * @return false if the peer is connected or another offer of it is being answered
     */
    boolean startAnswering(String peerId) {
        return !isConnected(peerId) && answering.add(peerId);
    }

    /** Ends a reservation made by {@link #startAnswering}. */
    void doneAnswering(String peerId) {
        answering.remove(peerId);
    }

    /** The connected peer ids (a snapshot). */
    Set<String> peerIds() {
        return Set.copyOf(channels.keySet());
    }
}
