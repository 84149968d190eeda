package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.swarm.SwarmFootprint;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adversary suite (issue 24): hostile peers speaking the real wire protocol over the in-memory transport, each
 * against a real engine ({@link StreamController} and its swarm) with an honest holder (which serves the engine)
 * and an honest leecher (which the engine serves) next to it, and a player asking for a segment every 2 s. For
 * each: the offender is dropped or throttled within one segment duration (2 s, virtual time), the honest peers stay
 * connected and keep being served both ways, the player misses no more deadlines than in a CDN-only run, and what
 * the swarm holds for its peers ({@link SwarmFootprint}) stays bounded. Each run prints its numbers
 * ({@code HOSTILE ...} lines): time to drop, peak footprint, CPU time of the run.
 */
class HostilePeersTest {
    /** One segment duration: the time every offender must be dropped or throttled within. */
    private static final Duration SEGMENT = Duration.ofSeconds(2);
    private static final Duration ATTACK = Duration.ofSeconds(30);
    private static final String HOLDER = "-PV0100-holder000001";
    private static final String LEECHER = "-PV0100-leecher00001";
    private static long cdnOnlyMissed;

    @BeforeAll
    static void cdnOnlyBaseline() throws Exception {
        Run run = new Run(false);
        run.attack(e -> { });
        cdnOnlyMissed = run.missed;
        System.out.printf("HOSTILE cdn-only: missed deadlines %d%n", cdnOnlyMissed);
    }

    // ---- the adversaries ----

    @Test
    void aRequestFloodOfAThousandRequestsASecondIsDroppedWithinASegment() throws Exception {
        Flooder flooder = new Flooder();
        Run run = attackedBy(flooder, "request flood");
        assertThat(run.dropAfter(flooder)).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(flooder.sent).as("requests it got in before the drop").isLessThan(100);
    }

    @Test
    void aPeerAnnouncingSegmentsItNeverSendsIsDroppedOnItsFirstSilenceWithinASegment() throws Exception {
        WirePeer liar = new AnnouncesAll();
        Run run = attackedBy(liar, "silent, never answered a request");
        assertThat(run.firstCancelAfter(liar)).isLessThanOrEqualTo(SEGMENT.plusMillis(250));
        assertThat(run.dropAfter(liar)).as("connection to drop (it was asked at once)").isLessThanOrEqualTo(SEGMENT);
        assertThat(liar.requestTimes).as("asked once, not three times").hasSize(1);
    }

    @Test
    void aTrickleOfOneByteASecondIsAbandonedAndReservesNoMemory() throws Exception {
        WirePeer trickler = new AnnouncesAll() {
            @Override
            void requested(SegmentRequest r) {
                send(new SegmentData(r.segmentId(), r.requestId(), 64L << 20)); // declares the largest size
                trickle(r, 1);
            }

            private void trickle(SegmentRequest r, int sent) {
                if (open() && sent < 64) {
                    sendRaw(new byte[] {FakeLiveOrigin.bytes(r.segmentId())[sent - 1]}); // the right bytes, slowly
                    engine.scheduler.schedule(Duration.ofSeconds(1), () -> trickle(r, sent + 1));
                }
            }
        };
        Run run = attackedBy(trickler, null);
        assertThat(run.firstCancelAfter(trickler)).isLessThanOrEqualTo(SEGMENT.plusMillis(250));
        assertThat(run.peak.downloadCapacity()).as("a declared 64 MiB reserves nothing").isLessThan(300_000);
    }

    @Test
    void dataNeverAskedForDropsThePeerAtOnce() throws Exception {
        WirePeer pusher = saying(p -> {
            p.send(new SegmentData(5, 77, 1000));
            p.sendRaw(new byte[1000]);
        });
        Run run = attackedBy(pusher, "did not request");
        assertThat(run.dropAfter(pusher)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aMalformedFrameDropsThePeerAtOnce() throws Exception {
        WirePeer garbler = saying(p -> p.sendRaw(framed("cstr", 20, (byte) 0xFF, "cend")));
        Run run = attackedBy(garbler, "protocol violation");
        assertThat(run.dropAfter(garbler)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void anOversizedCommandIsRefusedBeforeItIsWholeAndDropsThePeer() throws Exception {
        WirePeer bloater = saying(p -> {
            for (int k = 0; k < 40; k++) { // 40 parts of 64 KiB: 2.5 MiB, the limit is 1 MiB
                p.sendRaw(framed(k == 0 ? "cstr" : "dstr", 65_527, (byte) 'x', "dend"));
            }
        });
        Run run = attackedBy(bloater, "protocol violation");
        assertThat(run.dropAfter(bloater)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void anAnnouncementOfAHundredThousandIdsDropsThePeerAndIsNotIndexed() throws Exception {
        // both sets together: one set encodes at most 255 groups of 255 ids (65,025)
        WirePeer boaster = saying(p -> p.send(new SegmentsAnnouncement(packedIds(0, 65_025), packedIds(255, 34_975))));
        Run run = attackedBy(boaster, "announced 100000 segment ids");
        assertThat(run.dropAfter(boaster)).isLessThanOrEqualTo(Duration.ofMillis(10));
        assertThat(run.peak.indexedIds()).as("the honest holder's ids, not the boaster's").isLessThan(1_000);
    }

    @Test
    void aSybilReconnectingUnderNewIdsGetsAtMostFourSlotsAndTheHonestPeersStay() throws Exception {
        List<WirePeer> identities = new ArrayList<>();
        int[] maxConnected = {0};
        Run run = new Run(true);
        run.attack(e -> sybil(e, identities, 0, maxConnected));
        run.assertHonestPeersServed();
        assertThat(identities).hasSizeGreaterThan(50);
        assertThat(maxConnected[0]).as("Sybil identities connected at once").isEqualTo(4);
        System.out.printf("HOSTILE sybil: %d identities tried, at most %d connected at once%n", identities.size(),
                maxConnected[0]);
    }

    /** A new identity from the same address every 200 ms, each announcing everything. */
    private static void sybil(LiveEngineFixture e, List<WirePeer> identities, int n, int[] maxConnected) {
        if (n >= 100) {
            return;
        }
        WirePeer id = new AnnouncesAll() {
            @Override
            void requested(SegmentRequest r) {
                send(new SegmentAbsent(r.segmentId(), r.requestId()));
            }
        };
        identities.add(id);
        id.join(e, "mallory", String.format("-PV0100-sybil%07d", n));
        e.scheduler.schedule(Duration.ofMillis(200), () -> {
            maxConnected[0] = Math.max(maxConnected[0], (int) identities.stream().filter(WirePeer::open).count());
            sybil(e, identities, n + 1, maxConnected);
        });
    }

    @Test
    void aPeerThatSendsHalfASegmentThenStallsIsAbandonedWithinASegmentAndTheRestComesFromTheCdn() throws Exception {
        WirePeer staller = new AnnouncesAll() {
            @Override
            void requested(SegmentRequest r) {
                byte[] bytes = FakeLiveOrigin.bytes(r.segmentId());
                send(new SegmentData(r.segmentId(), r.requestId(), bytes.length));
                sendRaw(Arrays.copyOf(bytes, bytes.length / 2));
            }
        };
        Run run = attackedBy(staller, "three silent transfers");
        assertThat(run.firstCancelAfter(staller)).isLessThanOrEqualTo(SEGMENT.plusMillis(250));
        assertThat(run.engine.events.ofType(DeliveryEvent.CdnRestFetchStarted.class))
                .as("the half it sent was kept, the CDN fetched the rest").isNotEmpty();
    }

    // ---- the run ----

    /** Runs the standard attack by one adversary and checks what every attack must leave intact. */
    private Run attackedBy(WirePeer adversary, String dropReason) throws Exception {
        Run run = new Run(true);
        run.attack(e -> adversary.join(e, "mallory", "-PV0100-mallory00001"));
        run.assertHonestPeersServed();
        PeerInfo info = run.info(adversary.peerId);
        if (dropReason != null) {
            assertThat(info.connected()).as("offender dropped").isFalse();
            assertThat(info.closeReason()).contains(dropReason);
        }
        System.out.printf("HOSTILE %s: dropped after %s (%s), first cancel after %s; peak footprint %s; "
                        + "missed deadlines %d (CDN-only %d); leecher got %d, holder served %d; run CPU %d ms%n",
                new Throwable().getStackTrace()[1].getMethodName(), run.dropAfter(adversary), info.closeReason(),
                run.firstCancelAfter(adversary), run.peak, run.missed, cdnOnlyMissed, run.leecher.completed,
                run.holder.served, run.cpuMillis);
        return run;
    }

    /** One engine, its honest peers, a player, and whatever the test lets loose, for {@link #ATTACK}. */
    private static final class Run {
        final LiveEngineFixture engine = new LiveEngineFixture();
        final boolean withPeers;
        final Holder holder = new Holder();
        final Leecher leecher = new Leecher();
        SwarmFootprint peak = new SwarmFootprint(0, 0, 0, 0, 0);
        StreamController controller;
        long missed;
        long cpuMillis;
        Instant attackStart;
        int asked;
        final Set<Long> played = new HashSet<>();

        Run(boolean withPeers) {
            this.withPeers = withPeers;
        }

        void attack(Consumer<LiveEngineFixture> adversaries) throws Exception {
            controller = engine.open();
            engine.scheduler.advance(Duration.ofSeconds(4));
            if (withPeers) {
                holder.join(engine, "holder", HOLDER);
                leecher.join(engine, "leecher", LEECHER);
            }
            engine.scheduler.advance(Duration.ofMillis(200));
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            attackStart = engine.scheduler.now();
            if (withPeers) {
                adversaries.accept(engine);
            }
            long next = engine.origin.edge() - 3;
            for (int k = 0; k < 3; k++) {
                ask(next++);
            }
            Instant end = attackStart.plus(ATTACK);
            Instant nextAsk = attackStart.plus(SEGMENT);
            while (engine.scheduler.now().isBefore(end)) {
                engine.scheduler.advance(Duration.ofMillis(100));
                if (!engine.scheduler.now().isBefore(nextAsk)) {
                    ask(next++);
                    nextAsk = nextAsk.plus(SEGMENT);
                }
                controller.swarmFootprints().forEach(f -> peak = new SwarmFootprint(
                        Math.max(peak.peers(), f.peers()), Math.max(peak.indexedIds(), f.indexedIds()),
                        Math.max(peak.downloadBytes(), f.downloadBytes()),
                        Math.max(peak.downloadCapacity(), f.downloadCapacity()),
                        Math.max(peak.departed(), f.departed())));
            }
            cpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000;
            missed = controller.snapshot().missedDeadlines();
            engine.scheduler.advance(Duration.ofSeconds(5)); // the last, patient requests are due
            assertThat(played).as("the player got every segment it asked for, intact").hasSize(asked);
        }

        /** The player asks for a segment; counted once it arrives with the origin's bytes. */
        private void ask(long seq) {
            asked++;
            controller.segment(0, seq).thenAccept(c -> {
                if (Arrays.equals(c.data(), FakeLiveOrigin.bytes(seq))) {
                    played.add(seq);
                }
            });
        }

        void assertHonestPeersServed() {
            assertThat(missed).as("missed deadlines, against a CDN-only run").isLessThanOrEqualTo(cdnOnlyMissed);
            assertThat(info(HOLDER).connected()).as("the honest holder stays").isTrue();
            assertThat(info(LEECHER).connected()).as("the honest leecher stays").isTrue();
            assertThat(leecher.completed).as("segments the engine served the honest leecher").isGreaterThanOrEqualTo(10);
            assertThat(engine.events.ofType(DeliveryEvent.Cached.class))
                    .as("segments the honest holder delivered to the engine")
                    .filteredOn(c -> c.source() == DeliverySource.PEER).hasSizeGreaterThanOrEqualTo(3);
        }

        PeerInfo info(String peerId) {
            return controller.snapshot().peers().stream().filter(p -> p.peerId().equals(peerId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no peer " + peerId));
        }

        /** From the offender's connection (or the attack's start) to its drop; null if never dropped. */
        Duration dropAfter(WirePeer p) {
            return p.closedAt == null ? null
                    : Duration.between(p.connectedAt == null ? attackStart : p.connectedAt, p.closedAt);
        }

        /** From the engine's first request to the offender until its first cancel (or drop); null if neither. */
        Duration firstCancelAfter(WirePeer p) {
            if (p.requestTimes.isEmpty()) {
                return null;
            }
            Instant end = !p.cancelTimes.isEmpty() ? p.cancelTimes.get(0) : p.closedAt;
            return end == null ? null : Duration.between(p.requestTimes.get(0), end);
        }
    }

    /** A message of {@code length} bytes {@code fill} between two frame markers. */
    private static byte[] framed(String start, int length, byte fill, String end) {
        byte[] m = new byte[length + 8];
        Arrays.fill(m, fill);
        System.arraycopy(start.getBytes(StandardCharsets.US_ASCII), 0, m, 0, 4);
        System.arraycopy(end.getBytes(StandardCharsets.US_ASCII), 0, m, length + 4, 4);
        return m;
    }

    /** {@code count} ids as the wire packs them densest: 255 per block of 256, from block {@code fromBlock}. */
    private static long[] packedIds(int fromBlock, int count) {
        return LongStream.range(0, count).map(k -> (fromBlock + k / 255) * 256L + k % 255).toArray();
    }

    /** An announcement of holding every segment the test will ever ask for. */
    private static SegmentsAnnouncement holdingAll() {
        return new SegmentsAnnouncement(LongStream.rangeClosed(0, 200).toArray(), new long[0]);
    }

    // ---- the honest peers and the adversaries' shapes ----

    /** A peer whose hello is {@code hello}; it answers nothing. */
    private static WirePeer saying(Consumer<WirePeer> hello) {
        return new WirePeer() {
            @Override
            void connected() {
                hello.accept(this);
            }
        };
    }

    /** Announces every segment; answers requests as a subclass says (by default never). */
    private static class AnnouncesAll extends WirePeer {
        @Override
        void connected() {
            send(holdingAll());
        }
    }

    /**
     * Holds the even segments and serves each request whole at once: the odd ones only an adversary that announces
     * everything offers, so that the engine asks it too.
     */
    private static final class Holder extends WirePeer {
        int served;

        @Override
        void connected() {
            send(new SegmentsAnnouncement(LongStream.rangeClosed(0, 100).map(k -> 2 * k).toArray(), new long[0]));
        }

        @Override
        void requested(SegmentRequest r) {
            served++;
            serve(r, FakeLiveOrigin.bytes(r.segmentId()));
        }
    }

    /**
     * Holds nothing and asks the engine for the newest segment it announced and we lack, one at a time; checks that
     * each arrives whole.
     */
    private static final class Leecher extends WirePeer {
        final Set<Long> got = new HashSet<>();
        int completed;
        long asking = -1;
        long expected;
        long received;
        int nextRequest;

        @Override
        void connected() {
            send(new SegmentsAnnouncement(new long[0], new long[0]));
        }

        @Override
        void command(PeerCommand c) {
            super.command(c);
            switch (c) {
                case SegmentData d -> {
                    expected = d.totalBytes();
                    received = 0;
                }
                case SegmentDataSendingCompleted done -> {
                    if (received == expected && expected == FakeLiveOrigin.SEGMENT_BYTES) {
                        got.add(done.segmentId());
                        completed++;
                    }
                    asking = -1;
                }
                case SegmentAbsent a -> {
                    asking = -1;
                    engine.scheduler.schedule(Duration.ofMillis(300), this::askNext);
                    return;
                }
                default -> { }
            }
            askNext();
        }

        @Override
        void payload(byte[] bytes) {
            received += bytes.length;
        }

        private void askNext() {
            if (asking >= 0 || !open()) {
                return;
            }
            for (int k = engineHolds.length - 1; k >= 0; k--) {
                if (!got.contains(engineHolds[k])) {
                    asking = engineHolds[k];
                    send(new SegmentRequest(asking, nextRequest++, null));
                    return;
                }
            }
        }
    }

    /** Asks for the same segment a thousand times a second, never waiting for an answer. */
    private static final class Flooder extends WirePeer {
        int sent;

        @Override
        void connected() {
            flood();
        }

        private void flood() {
            if (open() && sent < 30_000) {
                long newest = engineHolds.length == 0 ? 0 : engineHolds[engineHolds.length - 1];
                send(new SegmentRequest(newest, sent++, null));
                engine.scheduler.schedule(Duration.ofMillis(1), this::flood);
            }
        }
    }
}
