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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One engine ("desktop") playing {@link FakeLiveOrigin}'s stream with P2P on, in virtual time, over in-memory
 * channels and signalling that a test's scripted peers can join. {@link #inRealTime} makes {@link #advance} keep
 * virtual time in step with the wall clock, for peers outside the process (real WebRTC); their callbacks come in
 * through {@link #inbox}. The engine thread is the caller's.
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
    /** The engine's listeners for new peers of those swarms, in the same order (to hand it peers from elsewhere). */
    final List<SwarmSignalling.PeerListener> swarmListeners = new ArrayList<>();
    /** The engine's delivery events ({@link StreamContext#events()}). */
    final RecordingDeliveryEventListener events = new RecordingDeliveryEventListener();
    /** Work other threads hand the engine thread (real-time runs); run by {@link #advance}. */
    final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private boolean realTime;
    private long wallBase;
    private Instant virtualBase;

    /** From now on {@link #advance} paces virtual time to the wall clock. */
    LiveEngineFixture inRealTime() {
        realTime = true;
        return this;
    }

    /**
     * Runs the engine for {@code duration} of virtual time: at once, or in real time in 10 ms steps, each after the
     * inbox's work, sleeping while virtual time is ahead of the wall clock (and catching up by at most 200 ms when
     * it fell behind, as on a loaded machine).
     */
    void advance(Duration duration) {
        if (!realTime) {
            scheduler.advance(duration);
            return;
        }
        Instant end = scheduler.now().plus(duration);
        while (scheduler.now().isBefore(end)) {
            drainInbox();
            if (virtualBase == null) {
                virtualBase = scheduler.now();
                wallBase = System.nanoTime();
            }
            scheduler.advance(Duration.ofMillis(10));
            long aheadNanos = Duration.between(virtualBase, scheduler.now()).toNanos() - (System.nanoTime() - wallBase);
            if (aheadNanos > 0) {
                LockSupport.parkNanos(aheadNanos);
            } else if (aheadNanos < -200_000_000L) {
                wallBase += -aheadNanos - 200_000_000L; // forget lag beyond 200 ms
            }
        }
        drainInbox();
    }

    /** Runs what other threads handed the engine thread. */
    void drainInbox() {
        for (Runnable task = inbox.poll(); task != null; task = inbox.poll()) {
            task.run();
        }
    }

    /** Opens the engine's stream and its playlist; the engine has joined its swarm when this returns. */
    StreamController open() throws Exception {
        return open(signalling.factory(network.transport("desktop")));
    }

    /** As {@link #open()}, joining swarms through {@code viewerSignalling} (a tracker's, say). */
    StreamController open(SwarmSignalling.Factory viewerSignalling) throws Exception {
        StreamController controller = openPlaylist(viewerSignalling);
        scheduler.advance(StreamController.JOIN_AT_THE_LATEST); // no segment served: it joins at the latest
        return controller;
    }

    /** Opens the engine's stream and its playlist, 100 ms ago; the engine has not joined its swarm yet. */
    StreamController openPlaylist() throws Exception {
        return openPlaylist(signalling.factory(network.transport("desktop")));
    }

    private StreamController openPlaylist(SwarmSignalling.Factory viewerSignalling) throws Exception {
        P2pConfig p2p = new P2pConfig((hash, id, listener) -> {
            infoHashes.add(hash);
            swarmListeners.add(listener);
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
