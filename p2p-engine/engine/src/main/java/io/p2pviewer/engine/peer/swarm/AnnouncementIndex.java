package io.p2pviewer.engine.peer.swarm;


import io.p2pviewer.engine.time.EngineThread;
import com.carrotsearch.hppc.LongObjectHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which connected peers announced which segment id, kept up to date as announcements replace each other. The
 * planner asks "who holds this segment?" for every missing segment on every tick; asking each peer in turn touched
 * every peer's announcement every time, which dominated the cost of large simulated swarms. Engine thread only.
 * Keyed by the primitive id (no boxing on every announcement); never iterated (HPPC's iteration order differs between
 * instances).
 */
@EngineThread
final class AnnouncementIndex {
    private final LongObjectHashMap<List<String>> byId = new LongObjectHashMap<>();
    private long entries;

    /**
     * The ids of the peers whose announcement lists the segment id: a read-only view that follows later
     * announcements (the planner reads it within the tick that asked; nothing is copied, every tick asks).
     */
    List<String> peersWith(long id) {
        List<String> peers = byId.get(id);
        return peers == null ? List.of() : Collections.unmodifiableList(peers);
    }

    /** A peer's announced set changed from {@code before} to {@code after} (both sorted and distinct). */
    void replace(String peer, long[] before, long[] after) {
        int i = 0;
        int j = 0;
        while (i < before.length || j < after.length) {
            if (j == after.length || (i < before.length && before[i] < after[j])) {
                remove(before[i++], peer);
            } else if (i == before.length || after[j] < before[i]) {
                add(after[j++], peer);
            } else {
                i++;
                j++;
            }
        }
    }

    private void add(long id, String peer) {
        List<String> peers = byId.get(id);
        if (peers == null) {
            peers = new ArrayList<>(4);
            byId.put(id, peers);
        }
        peers.add(peer);
        entries++;
    }

    /** Entries held: one per peer per id it announced. */
    long entries() {
        return entries;
    }

    private void remove(long id, String peer) {
        List<String> peers = byId.get(id);
        if (peers != null && removeFrom(peers, peer)) {
            entries--;
            if (peers.isEmpty()) {
                byId.remove(id);
            }
        }
    }

    /**
     * Removes the peer from a list of holders: by identity first (the swarm adds and removes a peer with the same
     * id string, and comparing ids by content cost a tenth of a large simulation), then by content.
     */
    private static boolean removeFrom(List<String> peers, String peer) {
        for (int k = 0; k < peers.size(); k++) {
            if (peers.get(k) == peer) {
                peers.remove(k);
                return true;
            }
        }
        return peers.remove(peer);
    }
}
