package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.P2pConfig;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.TextResponse;
import io.p2pviewer.engine.peer.swarm.InMemorySignalling;
import io.p2pviewer.engine.peer.swarm.SwarmSignalling;
import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.engine.scheduler.SchedulerConfig;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One engine ("desktop") playing {@link FakeLiveOrigin}'s stream with P2P on, in virtual time, over in-memory
 * channels and signalling that a test's scripted peers can join.
 */
final class LiveEngineFixture {
    /** The engine's peer id. */
    static final String ENGINE_ID = "-PV0100-000000000001";
    final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    final FakeLiveOrigin origin = new FakeLiveOrigin(scheduler, Duration.ofMillis(30));
    final InMemoryNetwork network = new InMemoryNetwork(scheduler::execute);
    final InMemorySignalling signalling = new InMemorySignalling();
    /** The swarms the engine joined, in order. */
    final List<String> infoHashes = new ArrayList<>();
    /** The engine's delivery events ({@link StreamContext#events()}). */
    final RecordingDeliveryEventListener events = new RecordingDeliveryEventListener();

    /** Opens the engine's stream and its playlist; the engine has joined its swarm when this returns. */
    StreamController open() throws Exception {
        return open(signalling.factory(network.transport("desktop")));
    }

    /** As {@link #open()}, joining swarms through {@code viewerSignalling} (a tracker's, say). */
    StreamController open(SwarmSignalling.Factory viewerSignalling) throws Exception {
        P2pConfig p2p = new P2pConfig((hash, id, listener) -> {
            infoHashes.add(hash);
            return viewerSignalling.create(hash, id, listener);
        }, ENGINE_ID, null, true, 0, SchedulerConfig.DEFAULTS);
        var cdn = origin.client();
        StreamContext ctx = new StreamContext(scheduler, cdn, new SegmentCache(64 << 20), 3,
                Duration.ofSeconds(1), p2p, new HashSet<>(), events);
        CompletableFuture<TextResponse> first = cdn.fetchText(FakeLiveOrigin.PLAYLIST);
        scheduler.advance(Duration.ofMillis(100));
        StreamController controller = StreamOpener.open("desktop", FakeLiveOrigin.PLAYLIST, first.join(), ctx);
        controller.playlist(0);
        scheduler.advance(Duration.ofMillis(100));
        return controller;
    }
}
