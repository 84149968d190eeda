package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.swarm.SwarmFootprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        Adversaries.Flooder flooder = new Adversaries.Flooder();
        AttackRun run = attackedBy(flooder, "request flood");
        assertThat(run.dropAfter(flooder)).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(flooder.sent).as("requests it got in before the drop").isLessThan(100);
    }

    @Test
    void aPeerAnnouncingSegmentsItNeverSendsIsDroppedOnItsFirstSilenceWithinASegment() throws Exception {
        WirePeer liar = Adversaries.liar();
        AttackRun run = attackedBy(liar, "silent, never answered a request");
        assertThat(run.firstCancelAfter(liar)).isLessThanOrEqualTo(SEGMENT.plusMillis(250));
        assertThat(run.dropAfter(liar)).as("connection to drop (it was asked at once)").isLessThanOrEqualTo(SEGMENT);
        assertThat(liar.requestTimes).as("asked once, not three times").hasSize(1);
    }

    @Test
    void aTrickleOfOneByteASecondIsAbandonedAndReservesNoMemory() throws Exception {
        WirePeer trickler = Adversaries.trickler();
        AttackRun run = attackedBy(trickler, null);
        assertThat(run.firstCancelAfter(trickler)).isLessThanOrEqualTo(SEGMENT.plusMillis(250));
        assertThat(run.peak.downloadCapacity()).as("a declared 64 MiB reserves nothing").isLessThan(300_000);
    }

    @Test
    void dataNeverAskedForDropsThePeerAtOnce() throws Exception {
        WirePeer pusher = Adversaries.pusher();
        AttackRun run = attackedBy(pusher, "did not request");
        assertThat(run.dropAfter(pusher)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aMalformedFrameDropsThePeerAtOnce() throws Exception {
        WirePeer garbler = Adversaries.garbler();
        AttackRun run = attackedBy(garbler, "protocol violation");
        assertThat(run.dropAfter(garbler)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void anOversizedCommandIsRefusedBeforeItIsWholeAndDropsThePeer() throws Exception {
        WirePeer bloater = Adversaries.bloater();
        AttackRun run = attackedBy(bloater, "protocol violation");
        assertThat(run.dropAfter(bloater)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void anAnnouncementOfAHundredThousandIdsDropsThePeerAndIsNotIndexed() throws Exception {
        WirePeer boaster = Adversaries.boaster();
        AttackRun run = attackedBy(boaster, "announced 100000 segment ids");
        assertThat(run.dropAfter(boaster)).isLessThanOrEqualTo(Duration.ofMillis(10));
        assertThat(run.peak.indexedIds()).as("the honest holder's ids, not the boaster's").isLessThan(1_000);
    }

    @Test
    void aSybilReconnectingUnderNewIdsGetsAtMostFourSlotsAndTheHonestPeersStay() throws Exception {
        List<WirePeer> identities = new ArrayList<>();
        int[] maxConnected = {0};
        AttackRun run = new AttackRun(true);
        run.attack(e -> Adversaries.sybil(e, identities, 0, maxConnected));
        run.assertHonestPeersServed(cdnOnlyMissed);
        assertThat(identities).hasSizeGreaterThan(50);
        assertThat(maxConnected[0]).as("Sybil identities connected at once").isEqualTo(4);
        System.out.printf("HOSTILE sybil: %d identities tried, at most %d connected at once%n", identities.size(),
                maxConnected[0]);
    }

    @Test
    void aPeerThatSendsHalfASegmentThenStallsIsAbandonedWithinASegmentAndTheRestComesFromTheCdn() throws Exception {
        WirePeer staller = Adversaries.staller();
        AttackRun run = attackedBy(staller, "three silent transfers");
        assertThat(run.firstCancelAfter(staller)).isLessThanOrEqualTo(SEGMENT.plusMillis(250));
        assertThat(run.engine.events.ofType(DeliveryEvent.CdnRestFetchStarted.class))
                .as("the half it sent was kept, the CDN fetched the rest").isNotEmpty();
    }

    // ---- the run ----

    /** Runs the standard attack by one adversary and checks what every attack must leave intact. */
    private AttackRun attackedBy(WirePeer adversary, String dropReason) throws Exception {
        AttackRun run = new AttackRun(true);
        run.attack(e -> adversary.join(e, "mallory", Adversaries.MALLORY));
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
}
