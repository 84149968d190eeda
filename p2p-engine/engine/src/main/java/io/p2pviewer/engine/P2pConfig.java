package io.p2pviewer.engine;

import io.p2pviewer.engine.peer.swarm.SwarmSignalling;
import io.p2pviewer.engine.scheduler.SchedulerConfig;
import java.util.Objects;

/**
 * How the engine shares segments with peers. Absent from {@link EngineConfig} means CDN only.
 *
 * @param signalling finds peers (the tracker clients); one swarm per track
 * @param peerId our 20-character peer id
 * @param swarmId overrides the swarm base id (else the master playlist URL without its query)
 * @param upload whether we serve segments to peers
 * @param uploadBytesPerSecond upload cap, 0 for none
 */
public record P2pConfig(SwarmSignalling.Factory signalling, String peerId, String swarmId, boolean upload,
                        long uploadBytesPerSecond, SchedulerConfig scheduler) {
    public P2pConfig {
        Objects.requireNonNull(signalling, "signalling");
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(scheduler, "scheduler");
        if (peerId.length() != 20) {
            throw new IllegalArgumentException("peer id must be 20 characters: " + peerId);
        }
    }

    public P2pConfig withUpload(boolean on, long bytesPerSecond) {
        return new P2pConfig(signalling, peerId, swarmId, on, bytesPerSecond, scheduler);
    }
}
