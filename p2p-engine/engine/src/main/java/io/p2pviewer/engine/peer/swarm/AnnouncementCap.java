package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;

/**
 * The most segment ids one peer's announcement may list, both sets together ({@link #MAX_IDS}). Every id a peer
 * announces costs an entry in the swarm's announcement index and a look-up on every plan; the decoder already
 * refuses more than 100,000 (upstream's largest legal announcement), but 30 peers of 100,000 each would hold
 * 3 million entries. A live window is tens of segments and a VOD cache a few hundred: a peer announcing more is
 * lying, and the {@link Swarm} drops it. Stateless.
 */
final class AnnouncementCap {
    /** Ids one announcement may list (held and loading together). */
    static final int MAX_IDS = 4096;

    private AnnouncementCap() {
    }

    /** Why the announcement is too large, or null when it is within the cap. */
    static String exceeded(SegmentsAnnouncement a) {
        int ids = a.loadedIds().length + a.httpLoadingIds().length;
        return ids > MAX_IDS ? "announced " + ids + " segment ids (at most " + MAX_IDS + ")" : null;
    }
}
