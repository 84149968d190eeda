package io.p2pviewer.engine;

import io.p2pviewer.engine.peer.swarm.RelayConfig;
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
 * @param relay whether and when we pass on segments while we receive them ({@link RelayConfig}; on by default)
 */
public record P2pConfig(SwarmSignalling.Factory signalling, String peerId, String swarmId, boolean upload,
                        long uploadBytesPerSecond, SchedulerConfig scheduler, RelayConfig relay) {
    public P2pConfig {
        Objects.requireNonNull(signalling, "signalling");
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(scheduler, "scheduler");
        if (peerId.length() != 20) {
            throw new IllegalArgumentException("peer id must be 20 characters: " + peerId);
        }
    }

    /** With relaying as {@link RelayConfig#DEFAULTS} says. */
    public P2pConfig(SwarmSignalling.Factory signalling, String peerId, String swarmId, boolean upload,
                     long uploadBytesPerSecond, SchedulerConfig scheduler) {
        this(signalling, peerId, swarmId, upload, uploadBytesPerSecond, scheduler, RelayConfig.DEFAULTS);
    }

    public P2pConfig withUpload(boolean on, long bytesPerSecond) {
        return new P2pConfig(signalling, peerId, swarmId, on, bytesPerSecond, scheduler, relay);
    }

    /** The same with relaying as {@code r} says. */
    public P2pConfig withRelay(RelayConfig r) {
        return new P2pConfig(signalling, peerId, swarmId, upload, uploadBytesPerSecond, scheduler, r);
    }
}
