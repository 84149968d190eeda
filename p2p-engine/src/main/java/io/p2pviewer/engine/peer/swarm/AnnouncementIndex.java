package io.p2pviewer.engine.peer.swarm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which connected peers announced which segment id, kept up to date as announcements replace each other. The
 * planner asks "who holds this segment?" for every missing segment on every tick; asking each peer in turn touched
 * every peer's announcement every time, which dominated the cost of large simulated swarms. Engine thread only.
 */
final class AnnouncementIndex {
    private final Map<Long, List<PeerLink>> byId = new HashMap<>();

    /** The peers whose announcement lists the id (no copy: do not modify). */
    List<PeerLink> peersWith(long id) {
        return byId.getOrDefault(id, List.of());
    }

    /** A peer's announced set changed from {@code before} to {@code after} (both sorted and distinct). */
    void replace(PeerLink peer, long[] before, long[] after) {
        int i = 0;
        int j = 0;
        while (i < before.length || j < after.length) {
            if (j == after.length || (i < before.length && before[i] < after[j])) {
                remove(before[i++], peer);
            } else if (i == before.length || after[j] < before[i]) {
                byId.computeIfAbsent(after[j++], k -> new ArrayList<>(4)).add(peer);
            } else {
                i++;
                j++;
            }
        }
    }

    private void remove(long id, PeerLink peer) {
        List<PeerLink> peers = byId.get(id);
        if (peers != null && peers.remove(peer) && peers.isEmpty()) {
            byId.remove(id);
        }
    }
}
