package io.p2pviewer.engine.peer.transport.webrtc;

import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.swarm.Swarm;
import io.p2pviewer.engine.peer.swarm.SwarmHost;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.time.ExecutorTaskScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A real {@link Swarm} on its own engine thread, holding segments 0..9 of 64,000 bytes, for a test endpoint whose
 * channel is handed to it: what a hostile peer at the other end of a real WebRTC connection meets. Any thread.
 */
final class SwarmTestHost implements SwarmHost, AutoCloseable {
    static final String REMOTE = "-PV0100-remote000001";
    private final ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler("swarm-test", Clock.systemUTC());
    private final Swarm swarm = new Swarm("main", this, scheduler, new HashSet<>(), true, 0);

    /** Adds the channel's remote as a peer of the swarm. */
    void add(PeerChannel channel) {
        scheduler.execute(() -> swarm.addPeer(REMOTE, channel));
    }

    /** The swarm's peers, connected and departed, as the engine thread sees them. */
    List<PeerInfo> peers() {
        CompletableFuture<List<PeerInfo>> out = new CompletableFuture<>();
        scheduler.execute(() -> out.complete(swarm.peerInfos()));
        return out.join();
    }

    @Override
    public Instant now() {
        return scheduler.clock().instant();
    }

    @Override
    public byte[] cachedByWireId(long wireId) {
        return wireId >= 0 && wireId < 10 ? new byte[64_000] : null;
    }

    @Override
    public long mediaSequenceOf(long wireId) {
        return wireId;
    }

    @Override
    public void peerBytes(String peer, int count) {
    }

    @Override
    public void peerDelivered(String peer, long mediaSequence, byte[] data, long declaredSize, long fetchMillis) {
    }

    @Override
    public void peerFailed(String peer, long mediaSequence, String reason) {
    }

    @Override
    public void uploaded(String peer, int count) {
    }

    @Override
    public void swarmChanged() {
    }

    @Override
    public void close() {
        scheduler.execute(swarm::close);
        scheduler.close();
    }
}
