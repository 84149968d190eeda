package io.p2pviewer.engine.peer.swarm;

/**
 * The short form of peer ids that logs, delivery events and the app's views print: the last six characters of an id
 * longer than eight, otherwise the whole id. Stateless; any thread.
 */
public final class PeerIds {
    private PeerIds() {
    }

    /** The tail of {@code peerId} as the engine's log prints it (a 20-character id gives its last 6). */
    public static String shortId(String peerId) {
        return peerId.length() <= 8 ? peerId : peerId.substring(peerId.length() - 6);
    }
}
