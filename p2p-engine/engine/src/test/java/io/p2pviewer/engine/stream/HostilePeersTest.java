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
    private static final Duration SEGMENT = AttackRun.SEGMENT;
    private static long cdnOnlyMissed;

    @BeforeAll
    static void cdnOnlyBaseline() throws Exception {
        AttackRun run = new AttackRun(false);
        run.attack(e -> { });
        cdnOnlyMissed = run.missed;
        System.out.printf("HOSTILE cdn-only: missed deadlines %d%n", cdnOnlyMissed);
    }

    // ---- the adversaries ----

    @Test
    void aRequestFloodOfAThousandRequestsASecondIsDroppedWithinASegment() throws Exception {
        Flooder flooder = new Flooder();
        AttackRun run = attackedBy(flooder, "request flood");
        assertThat(run.dropAfter(flooder)).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(flooder.sent).as("requests it got in before the drop").isLessThan(100);
    }

    @Test
    void aPeerAnnouncingSegmentsItNeverSendsIsDroppedOnItsFirstSilenceWithinASegment() throws Exception {
        WirePeer liar = new AnnouncesAll();
        AttackRun run = attackedBy(liar, "silent, never answered a request");
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
        AttackRun run = attackedBy(trickler, null);
        assertThat(run.firstCancelAfter(trickler)).isLessThanOrEqualTo(SEGMENT.plusMillis(250));
        assertThat(run.peak.downloadCapacity()).as("a declared 64 MiB reserves nothing").isLessThan(300_000);
    }

    @Test
    void dataNeverAskedForDropsThePeerAtOnce() throws Exception {
        WirePeer pusher = saying(p -> {
            p.send(new SegmentData(5, 77, 1000));
            p.sendRaw(new byte[1000]);
        });
        AttackRun run = attackedBy(pusher, "did not request");
        assertThat(run.dropAfter(pusher)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aMalformedFrameDropsThePeerAtOnce() throws Exception {
        WirePeer garbler = saying(p -> p.sendRaw(framed("cstr", 20, (byte) 0xFF, "cend")));
        AttackRun run = attackedBy(garbler, "protocol violation");
        assertThat(run.dropAfter(garbler)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void anOversizedCommandIsRefusedBeforeItIsWholeAndDropsThePeer() throws Exception {
        WirePeer bloater = saying(p -> {
            for (int k = 0; k < 40; k++) { // 40 parts of 64 KiB: 2.5 MiB, the limit is 1 MiB
                p.sendRaw(framed(k == 0 ? "cstr" : "dstr", 65_527, (byte) 'x', "dend"));
            }
        });
        AttackRun run = attackedBy(bloater, "protocol violation");
        assertThat(run.dropAfter(bloater)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void anAnnouncementOfAHundredThousandIdsDropsThePeerAndIsNotIndexed() throws Exception {
        // both sets together: one set encodes at most 255 groups of 255 ids (65,025)
        WirePeer boaster = saying(p -> p.send(new SegmentsAnnouncement(packedIds(0, 65_025), packedIds(255, 34_975))));
        AttackRun run = attackedBy(boaster, "announced 100000 segment ids");
        assertThat(run.dropAfter(boaster)).isLessThanOrEqualTo(Duration.ofMillis(10));
        assertThat(run.peak.indexedIds()).as("the honest holder's ids, not the boaster's").isLessThan(1_000);
    }

    @Test
    void aSybilReconnectingUnderNewIdsGetsAtMostFourSlotsAndTheHonestPeersStay() throws Exception {
        List<WirePeer> identities = new ArrayList<>();
        int[] maxConnected = {0};
        AttackRun run = new AttackRun(true);
        run.attack(e -> sybil(e, identities, 0, maxConnected));
        run.assertHonestPeersServed(cdnOnlyMissed);
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
        AttackRun run = attackedBy(staller, "three silent transfers");
        assertThat(run.firstCancelAfter(staller)).isLessThanOrEqualTo(SEGMENT.plusMillis(250));
        assertThat(run.engine.events.ofType(DeliveryEvent.CdnRestFetchStarted.class))
                .as("the half it sent was kept, the CDN fetched the rest").isNotEmpty();
    }

    // ---- the run ----

    /** Runs the standard attack by one adversary and checks what every attack must leave intact. */
    private AttackRun attackedBy(WirePeer adversary, String dropReason) throws Exception {
        AttackRun run = new AttackRun(true);
        run.attack(e -> adversary.join(e, "mallory", "-PV0100-mallory00001"));
        run.assertHonestPeersServed(cdnOnlyMissed);
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
