package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.P2pConfig;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.peer.transport.CorruptingPeerTransport;
import io.p2pviewer.engine.http.TextResponse;
import io.p2pviewer.engine.peer.swarm.InMemorySignalling;
import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.engine.peer.transport.PeerTransport;
import io.p2pviewer.engine.scheduler.SchedulerConfig;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Several engines with their stream controllers, one live origin, in-memory peers, all in virtual time:
 * the swarm logic, the scheduler and the accounting end to end, deterministic and fast.
 */
class InProcessSwarmTest {
    /** The peer id of viewer 1, the slow one in the tests that have one. */
    private static final String SLOW_PEER = "-PV0100-000000000001";
    private final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    private final FakeLiveOrigin origin = new FakeLiveOrigin(scheduler, Duration.ofMillis(30));
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler::execute);
    private final InMemorySignalling signalling = new InMemorySignalling();

    /** One engine and the player that reads from it at playback pace. */
    private final class Viewer {
        final StreamController controller;
        final List<CachedSegment> got = new ArrayList<>();
        long next = -1;
        boolean stopped;

        Viewer(int n, boolean corrupt) throws Exception {
            this(n, corrupt, 0, DeliveryEventListener.NONE);
        }

        Viewer(int n, boolean corrupt, long uploadBytesPerSecond, DeliveryEventListener events)
                throws Exception {
            String peerId = String.format("-PV0100-%012d", n);
            PeerTransport own = network.transport("v" + n);
            PeerTransport transport = corrupt ? new CorruptingPeerTransport(own, true) : own; // a malicious peer
            P2pConfig p2p = new P2pConfig(signalling.factory(transport), peerId, null, true, uploadBytesPerSecond,
                    SchedulerConfig.DEFAULTS);
            var cdn = origin.client();
            StreamContext ctx = new StreamContext(scheduler, cdn, new SegmentCache(64 << 20),
                    3, Duration.ofSeconds(1), p2p, new HashSet<>(), events);
            CompletableFuture<TextResponse> first = cdn.fetchText(FakeLiveOrigin.PLAYLIST);
            scheduler.advance(Duration.ofMillis(100));
            controller = StreamOpener.open("s" + n, FakeLiveOrigin.PLAYLIST, first.join(), ctx);
        }

        /** Starts playing three segments behind the live edge, then one segment every 2 s. */
        void play() {
            controller.playlist(0);
            next = origin.edge() - 3;
            request();
        }

        /**
         * Like {@link #play()}, but the player first fills a buffer of {@code segments} back to back, as libVLC
         * does; it starts at the oldest segment of the window so that it does not run into the live edge.
         */
        void playFillingBuffer(int segments) {
            controller.playlist(0);
            next = origin.edge() - 5; // the oldest segment of the origin's window
            fill(segments);
        }

        private void fill(int left) {
            long seq = next++;
            controller.segment(0, seq).thenAccept(s -> {
                controller.served(s, s.size(), s.sha256());
                got.add(s);
                if (left > 1) {
                    scheduler.execute(() -> fill(left - 1));
                } else {
                    scheduler.schedule(Duration.ofSeconds(2), this::request);
                }
            });
        }

        private void request() {
            if (stopped) {
                return;
            }
            long seq = next++;
            controller.segment(0, seq).thenAccept(s -> {
                controller.served(s, s.size(), s.sha256());
                got.add(s);
            });
            scheduler.schedule(Duration.ofSeconds(2), this::request);
        }

        void leave() {
            stopped = true;
            controller.close();
        }
    }

    private Viewer join(int n, boolean corrupt) throws Exception {
        Viewer v = new Viewer(n, corrupt);
        v.play();
        return v;
    }

    @Test
    void fourViewersFetchMostSegmentsFromEachOther() throws Exception {
        List<Viewer> viewers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            viewers.add(join(i, false));
            scheduler.advance(Duration.ofSeconds(3));
        }
        scheduler.advance(Duration.ofSeconds(60));

        long peer = 0;
        long cdnAndFallback = 0;
        long served = 0;
        for (Viewer v : viewers) {
            EngineSnapshot s = v.controller.snapshot();
            assertThat(s.missedDeadlines()).isZero();
            assertThat(v.got).hasSizeGreaterThanOrEqualTo(30);
            for (CachedSegment seg : v.got) {
                assertThat(seg.data()).isEqualTo(FakeLiveOrigin.bytes(seg.id().mediaSequence()));
            }
            peer += s.source(DeliverySource.PEER).servedBytes();
            served += s.totalServedBytes();
            cdnAndFallback += s.source(DeliverySource.CDN).downloadedBytes()
                    + s.source(DeliverySource.FALLBACK).downloadedBytes();
        }
        assertThat(cdnAndFallback).isEqualTo(origin.segmentBytesServed);
        double offload = (double) peer / served;
        System.out.printf("in-process swarm of 4: offload %.1f%% (ceiling 75%%)%n", offload * 100);
        assertThat(offload).isGreaterThan(0.5);
    }

    @Test
    void eightViewersPayForEachLiveSegmentAboutOnce() throws Exception {
        List<Viewer> viewers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            viewers.add(join(i, false));
            scheduler.advance(Duration.ofSeconds(2));
        }
        long firstSegment = viewers.get(0).got.get(0).id().mediaSequence();
        scheduler.advance(Duration.ofSeconds(180));
        long peer = 0;
        long served = 0;
        for (Viewer v : viewers) {
            EngineSnapshot s = v.controller.snapshot();
            assertThat(s.missedDeadlines()).isZero();
            peer += s.source(DeliverySource.PEER).servedBytes();
            served += s.totalServedBytes();
        }
        long segments = origin.edge() - firstSegment + 1;
        double offload = (double) peer / served;
        System.out.printf("in-process swarm of 8 for 180 s: offload %.1f%% (ceiling 87.5%%), %d CDN fetches for %d "
                + "segments%n", offload * 100, origin.segmentRequests, segments);
        // Each viewer's first few segments are due at once (CDN); after that about one CDN fetch per segment.
        assertThat(origin.segmentRequests).isLessThanOrEqualTo((int) segments + 8 * 5);
        assertThat(offload).isGreaterThan(0.80);
    }

    /**
     * An event without the reason a CDN fetch gives: any CDN fetch of a segment (whole, rest or refetch) as a
     * {@link DeliveryEvent.CdnFetchStarted} with its source and an empty reason; other events as they are.
     */
    private static DeliveryEvent withoutWhy(DeliveryEvent event) {
        return switch (event) {
            case DeliveryEvent.CdnFetchStarted f -> new DeliveryEvent.CdnFetchStarted(f.segment(), f.source(), "");
            case DeliveryEvent.CdnRestFetchStarted f -> new DeliveryEvent.CdnFetchStarted(f.segment(), f.source(), "");
            case DeliveryEvent.CdnWholeRefetchStarted f ->
                    new DeliveryEvent.CdnFetchStarted(f.segment(), f.source(), "");
            default -> event;
        };
    }

    /** A CDN fetch of the segment as {@code source}, compared {@link #withoutWhy}. */
    private static DeliveryEvent cdnFetch(SegmentId segment, DeliverySource source) {
        return new DeliveryEvent.CdnFetchStarted(segment, source, "");
    }

    @Test
    void aPeerTooSlowForTheDeadlineIsAbandonedAndTheSegmentComesFromTheCdnBeforeThePlayerAsks() throws Exception {
        Viewer slow = new Viewer(1, false, 5_000, DeliveryEventListener.NONE); // 5 kB/s: 13 s per 64 kB segment
        slow.play();
        scheduler.advance(Duration.ofSeconds(6));
        RecordingDeliveryEventListener log = new RecordingDeliveryEventListener();
        Viewer viewer = new Viewer(2, false, 0, log);
        viewer.play();
        scheduler.advance(Duration.ofSeconds(30));

        DeliveryEvent.PeerAbandoned abandoned = log.ofType(DeliveryEvent.PeerAbandoned.class).get(0);
        SegmentId seg = abandoned.segment();
        List<DeliveryEvent> story = log.about(seg).stream().map(InProcessSwarmTest::withoutWhy).toList();
        assertThat(story).containsSubsequence(
                new DeliveryEvent.PeerRequested(seg, SLOW_PEER),
                abandoned,
                new DeliveryEvent.PeerFetchFailed(seg),
                cdnFetch(seg, DeliverySource.FALLBACK),
                new DeliveryEvent.Cached(seg, DeliverySource.FALLBACK),
                new DeliveryEvent.PlayerAskedCached(seg, DeliverySource.FALLBACK));
        assertThat(abandoned.reason()).contains("too slow");
        assertThat(viewer.controller.snapshot().missedDeadlines()).isZero();
    }

    /** Viewer 1, playing for 20 s, and viewer 2, which joined then and filled a 4-segment buffer 10 s ago. */
    private record FirstAndLate(Viewer first, Viewer late) {
        /**
         * The late viewer's first {@code fromCdn} segments came from the CDN and the rest of its 4-segment buffer
         * from the first viewer; nobody missed a deadline.
         */
        void startedFromTheCdnThenFromThePeer(int fromCdn) {
            assertThat(late.got).hasSizeGreaterThanOrEqualTo(6);
            List<DeliverySource> expected = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                expected.add(i < fromCdn ? DeliverySource.CDN : DeliverySource.PEER);
            }
            assertThat(late.got.subList(0, 4)).extracting(CachedSegment::source).containsExactlyElementsOf(expected);
            assertThat(late.controller.snapshot().missedDeadlines()).isZero();
            assertThat(first.controller.snapshot().missedDeadlines()).isZero();
        }
    }

    /**
     * @param beforePlaying how long viewer 2's engine is in its swarm before its player starts (0: it starts young)
     */
    private FirstAndLate aLateViewerFillsItsBuffer(DeliveryEventListener log, Duration beforePlaying)
            throws Exception {
        Viewer first = join(1, false);
        scheduler.advance(Duration.ofSeconds(20));
        Viewer late = new Viewer(2, false, 0, log);
        late.controller.playlist(0); // joins the swarm a second later at the latest
        scheduler.advance(beforePlaying);
        late.playFillingBuffer(4);
        scheduler.advance(Duration.ofSeconds(10));
        return new FirstAndLate(first, late);
    }

    @Test
    void aLateJoinerStartsAsACdnOnlyEngineAndFillsTheRestOfItsStartUpBufferFromPeers() throws Exception {
        RecordingDeliveryEventListener log = new RecordingDeliveryEventListener();
        FirstAndLate viewers = aLateViewerFillsItsBuffer(log, Duration.ZERO);

        // It joins its swarm once the player has its first segment (the second is read ahead from the CDN
        // meanwhile, as without P2P). The third is owed within a second when the player asks for it, before the
        // connection to the first viewer is made: with no holder to deliver it by then it goes to the CDN at once
        // (planner rule 7). The fourth, asked for before the player needs it, waits briefly for the peer.
        assertThat(viewers.late.controller.snapshot().peers()).isNotEmpty();
        viewers.startedFromTheCdnThenFromThePeer(3);
        assertThat(log.ofType(DeliveryEvent.PlayerWaitsForPeers.class)).isNotEmpty();
    }

    @Test
    void aSettledEnginesPlayerAskingAheadOfItsNeedWaitsSecondsForPeersRatherThanGoingToTheCdn() throws Exception {
        RecordingDeliveryEventListener log = new RecordingDeliveryEventListener();
        FirstAndLate viewers = aLateViewerFillsItsBuffer(log, Duration.ofSeconds(5)); // past its 3 s join grace

        // The third and fourth segments are needed 4 and 6 s after they are asked for: they wait for the peer, up
        // to 1.5 and 3.5 s (the request time as deadline would have sent all four to the CDN).
        // It joined its swarm a second after its first playlist request (the latest), before its player started:
        // only the segment due at once and the next, due within the high-demand window, came from the CDN.
        viewers.startedFromTheCdnThenFromThePeer(2);
        assertThat(log.ofType(DeliveryEvent.PlayerWaitsForPeers.class))
                .anyMatch(e -> e.patienceMillis() >= 3000 && e.patienceMillis() <= 3999);
    }

    @Test
    void aPatientRequestToASlowPeerFallsBackWhenThePatienceIsOver() throws Exception {
        // 30 kB/s: a 64 kB segment takes 2.1 s, in time for the deadline but not within the patience (0.8 s)
        Viewer slow = new Viewer(1, false, 30_000, DeliveryEventListener.NONE);
        slow.play();
        scheduler.advance(Duration.ofSeconds(20));
        RecordingDeliveryEventListener log = new RecordingDeliveryEventListener();
        Viewer late = new Viewer(2, false, 0, log);
        late.playFillingBuffer(4);
        scheduler.advance(Duration.ofSeconds(10));

        // A transfer under way when the patience ends races a CDN fetch; the CDN's win gives the transfer up.
        SegmentId seg = late.got.stream().filter(c -> c.source() == DeliverySource.FALLBACK).findFirst()
                .orElseThrow().id();
        assertThat(log.all().stream().map(InProcessSwarmTest::withoutWhy).toList()).containsSubsequence(
                new DeliveryEvent.PeerRequested(seg, SLOW_PEER), new DeliveryEvent.PeersTooLate(seg),
                cdnFetch(seg, DeliverySource.FALLBACK), new DeliveryEvent.PeerFetchFailed(seg));
        assertThat(late.controller.snapshot().missedDeadlines()).isZero();
        assertThat(late.controller.snapshot().maxPlayerWaitMillis()).isLessThan(1_200);
        // the bytes the slow peer had in flight when we cancelled are no protocol violation
        assertThat(late.controller.snapshot().peers()).singleElement()
                .satisfies(p -> assertThat(String.valueOf(p.closeReason())).doesNotContain("protocol violation"));
    }

    @Test
    void whenPeersLeaveTheOthersFallBackWithoutMissingADeadline() throws Exception {
        Viewer a = join(1, false);
        scheduler.advance(Duration.ofSeconds(4));
        Viewer b = join(2, false);
        scheduler.advance(Duration.ofSeconds(4));
        Viewer c = join(3, false);
        scheduler.advance(Duration.ofSeconds(20));
        a.leave();
        b.leave();
        scheduler.advance(Duration.ofSeconds(20));
        EngineSnapshot s = c.controller.snapshot();
        assertThat(s.missedDeadlines()).isZero();
        assertThat(s.peers()).noneMatch(p -> p.connected());
        assertThat(c.got.get(c.got.size() - 1).source()).isNotEqualTo(DeliverySource.PEER);
        for (CachedSegment seg : c.got) {
            assertThat(seg.data()).isEqualTo(FakeLiveOrigin.bytes(seg.id().mediaSequence()));
        }
    }

    @Test
    void aPeerServingCorruptBytesIsBannedAndNothingCorruptIsServed() throws Exception {
        Viewer bad = join(1, true);
        scheduler.advance(Duration.ofSeconds(6));
        Viewer good = join(2, false);
        scheduler.advance(Duration.ofSeconds(40));
        EngineSnapshot s = good.controller.snapshot();
        assertThat(s.bannedPeers()).isEqualTo(1);
        assertThat(s.recentErrors()).anySatisfy(e -> assertThat(e.message()).contains("banned"));
        assertThat(s.source(DeliverySource.FALLBACK).downloadedBytes()).isPositive();
        assertThat(s.missedDeadlines()).isZero();
        for (CachedSegment seg : good.got) {
            assertThat(seg.data()).isEqualTo(FakeLiveOrigin.bytes(seg.id().mediaSequence()));
            assertThat(seg.source()).isNotEqualTo(DeliverySource.PEER);
        }
        assertThat(bad.controller.snapshot().peers()).noneMatch(p -> p.connected());
    }
}
