package io.p2pviewer.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.scheduler.SegmentState.PeerTransfer;
import io.p2pviewer.engine.scheduler.SegmentState.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Scheduler decisions in fake time: state in, actions out. */
class DeliveryPlannerTest {
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    /** Fixed windows for these tests: high demand 4 s, P2P 60 s, stall 2 s, safety 1.5 s. */
    private static final SchedulerConfig CONFIG = new SchedulerConfig(java.time.Duration.ofMillis(4000),
            java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(2000), java.time.Duration.ofMillis(1500), 2, 1);
    private final DeliveryPlanner planner = new DeliveryPlanner(CONFIG, new Random(7));

    private SegmentState missing(long seq, long dueMs, Set<String> holders) {
        return new SegmentState(seq, 0, now.plusMillis(dueMs), Status.MISSING, null, holders, Set.of(), false);
    }

    @Test
    void highDemandGoesToTheCdnAtOnce() {
        List<Action> a = planner.plan(now, List.of(missing(10, 2000, Set.of("p1"))), List.of(new PeerState("p1", false, 0)), "me");
        assertThat(a).containsExactly(new Action.FetchCdn(10, false, "due in 2000 ms, no peer delivery planned"));
    }

    @Test
    void aSegmentAPeerHoldsIsRequestedFromItBeyondTheHighDemandWindow() {
        List<Action> a = planner.plan(now, List.of(missing(10, 8000, Set.of("p1"))), List.of(new PeerState("p1", false, 0)), "me");
        assertThat(a).containsExactly(new Action.RequestPeer(10, "p1"));
    }

    @Test
    void oneDownloadPerPeerAtATime() {
        List<Action> a = planner.plan(now, List.of(missing(10, 8000, Set.of("p1")), missing(11, 10000, Set.of("p1"))),
                List.of(new PeerState("p1", false, 0)), "me");
        assertThat(a).containsExactly(new Action.RequestPeer(10, "p1"));
        List<Action> busy = planner.plan(now, List.of(missing(11, 10000, Set.of("p1"))),
                List.of(new PeerState("p1", true, 0)), "me");
        assertThat(busy).isEmpty();
    }

    @Test
    void aBusyHolderIsNotAskedAndBusyPeersDoNotTakeDownloadSlots() {
        List<PeerState> peers = List.of(new PeerState("b1", false, true, 0), new PeerState("b2", false, true, 0),
                new PeerState("b3", false, true, 0), new PeerState("p1", false, 0));
        List<Action> a = planner.plan(now, List.of(missing(10, 8000, Set.of("b1", "b2", "b3")),
                missing(11, 10000, Set.of("b1", "p1"))), peers, "me");
        assertThat(a).containsExactly(new Action.RequestPeer(11, "p1"));
    }

    @Test
    void fasterPeersAreChosenMoreOften() {
        int fast = 0;
        for (int i = 0; i < 1000; i++) {
            List<Action> a = planner.plan(now, List.of(missing(10, 8000, Set.of("slow", "fast"))),
                    List.of(new PeerState("slow", false, 100_000), new PeerState("fast", false, 900_000)), "me");
            if (((Action.RequestPeer) a.get(0)).peer().equals("fast")) {
                fast++;
            }
        }
        assertThat(fast).isBetween(850, 950);
    }

    @Test
    void stalledPeerTransferIsAbandonedAndInHighDemandFallsBackToTheCdn() {
        PeerTransfer t = new PeerTransfer("p1", now.minusMillis(2500), now.minusMillis(2100), 1000, 500_000);
        SegmentState s = new SegmentState(10, 0, now.plusMillis(3000), Status.PEER_LOADING, t, Set.of("p1"), Set.of(), false);
        List<Action> a = planner.plan(now, List.of(s), List.of(new PeerState("p1", true, 0)), "me");
        assertThat(a).hasSize(2);
        assertThat(a.get(0)).isInstanceOf(Action.AbandonPeer.class);
        assertThat(a.get(1)).isEqualTo(new Action.FetchCdn(10, true, ((Action.AbandonPeer) a.get(0)).reason()));
        assertThat(((Action.AbandonPeer) a.get(0)).silent()).as("a strike against the peer").isTrue();
    }

    @Test
    void slowPeerTransferThatWouldMissItsDeadlineFallsBack() {
        // 100 kB of 1 MB in 1 s: 9 s to go, due in 3.5 s
        PeerTransfer t = new PeerTransfer("p1", now.minusMillis(1000), now.minusMillis(50), 100_000, 1_000_000);
        SegmentState s = new SegmentState(10, 0, now.plusMillis(3500), Status.PEER_LOADING, t, Set.of("p1"), Set.of(), false);
        List<Action> a = planner.plan(now, List.of(s), List.of(new PeerState("p1", true, 0)), "me");
        assertThat(a).extracting(x -> x.getClass().getSimpleName()).containsExactly("AbandonPeer", "FetchCdn");
        assertThat(((Action.AbandonPeer) a.get(0)).reason()).contains("too slow");
        assertThat(((Action.AbandonPeer) a.get(0)).silent()).as("slow is not dead: no strike").isFalse();
    }

    @Test
    void aSlowTransferIsJudgedOnlyAfterItHasRunAWhileOrOnceItsSegmentIsInHighDemand() {
        // 100 kB of 1 MB in 1 s: 9 s to go, due in 8 s (beyond the 4 s high-demand window): too young to judge;
        // after JUDGE_AFTER at that rate still too late for 8 s minus the 1.5 s safety margin
        PeerTransfer young = new PeerTransfer("p1", now.minusMillis(1000), now.minusMillis(50), 100_000, 1_000_000);
        SegmentState s = new SegmentState(10, 0, now.plusMillis(8000), Status.PEER_LOADING, young, Set.of("p1"),
                Set.of(), false);
        assertThat(planner.plan(now, List.of(s), List.of(new PeerState("p1", true, 0)), "me")).isEmpty();
        // the same rate once it has run JUDGE_AFTER (4 s): judged, abandoned (not in high demand: no CDN fetch yet)
        PeerTransfer older = new PeerTransfer("p1", now.minus(DeliveryPlanner.JUDGE_AFTER), now.minusMillis(50),
                300_000, 1_000_000);
        SegmentState later = new SegmentState(10, 0, now.plusMillis(8000), Status.PEER_LOADING, older, Set.of("p1"),
                Set.of(), false);
        assertThat(planner.plan(now, List.of(later), List.of(new PeerState("p1", true, 0)), "me"))
                .singleElement().isInstanceOf(Action.AbandonPeer.class);
    }

    @Test
    void aTransferIsJudgedASecondBeforeThePlayersWaitIsOwedAgainstFinishingHalfASecondAfterIt() {
        // Due in 4.8 s with a 4 s high-demand window: the player's patient request is owed in 0.8 s, and a transfer
        // must end by 0.5 s after that (1.3 s from now), though it has run only 1 s (before JUDGE_AFTER).
        PeerTransfer slow = new PeerTransfer("p1", now.minusMillis(1000), now.minusMillis(50), 300_000, 1_000_000);
        SegmentState s = new SegmentState(10, 0, now.plusMillis(4800), Status.PEER_LOADING, slow, Set.of("p1"),
                Set.of(), false);
        List<Action> a = planner.plan(now, List.of(s), List.of(new PeerState("p1", true, 0)), "me");
        assertThat(a).as("2.3 s to go: abandoned now, before the wait is owed (the player's wait takes the CDN)")
                .singleElement().isInstanceOf(Action.AbandonPeer.class);
        assertThat(((Action.AbandonPeer) a.get(0)).reason()).contains("too slow");

        PeerTransfer fast = new PeerTransfer("p1", now.minusMillis(1000), now.minusMillis(50), 500_000, 1_000_000);
        assertThat(planner.plan(now, List.of(new SegmentState(10, 0, now.plusMillis(4800), Status.PEER_LOADING, fast,
                Set.of("p1"), Set.of(), false)), List.of(new PeerState("p1", true, 0)), "me"))
                .as("1 s to go: on time").isEmpty();
        assertThat(planner.plan(now, List.of(new SegmentState(10, 0, now.plusMillis(6000), Status.PEER_LOADING, slow,
                Set.of("p1"), Set.of(), false)), List.of(new PeerState("p1", true, 0)), "me"))
                .as("owed in 2 s: not judged yet").isEmpty();
    }

    @Test
    void aSegmentOwedWithinASecondThatNoIdleHolderDeliversBeforeItIsOwedGoesToTheCdnAtOnce() {
        // Due in 4.8 s with a 4 s high-demand window: owed in 0.8 s, so a peer must end it by 1.3 s from now. The
        // holder needs 2 s for it: in time for the deadline minus the safety margin (3.3 s), not for the player's
        // wait, which would take the CDN a second later with a transfer of a later segment sharing the downlink.
        SegmentState s = new SegmentState(10, 625_000, now.plusMillis(4800), Status.MISSING, null, Set.of("p1"),
                Set.of(), true);
        List<PeerState> slow = List.of(new PeerState("p1", false, 312_500));
        assertThat(planner.plan(now, List.of(s), slow, "me"))
                .containsExactly(new Action.FetchCdn(10, true, "due in 4800 ms, no peer delivers it before it is owed"));
        assertThat(planner.plan(now, List.of(s), List.of(new PeerState("p1", false, 1_000_000)), "me"))
                .as("a holder that ends it within 0.6 s is asked").containsExactly(new Action.RequestPeer(10, "p1"));
        assertThat(planner.plan(now, List.of(new SegmentState(10, 625_000, now.plusMillis(6000), Status.MISSING, null,
                Set.of("p1"), Set.of(), true)), slow, "me"))
                .as("owed in 2 s: the slow holder still ends it 0.5 s before the deadline's margin")
                .containsExactly(new Action.RequestPeer(10, "p1"));
        assertThat(planner.plan(now, List.of(new SegmentState(10, 0, now.plusMillis(4800), Status.MISSING, null,
                Set.of(), Set.of(), false)), slow, "me"))
                .as("nobody holds it").containsExactly(new Action.FetchCdn(10, false,
                        "due in 4800 ms, no peer delivers it before it is owed"));
        // and while that fetch loads, nothing new shares the downlink with it (rule 5)
        SegmentState loading = new SegmentState(10, 625_000, now.plusMillis(4800), Status.CDN_LOADING, null,
                Set.of(), Set.of(), true);
        assertThat(planner.plan(now, List.of(loading, missing(11, 6800, Set.of("p2"))),
                List.of(new PeerState("p2", false, 0)), "me")).isEmpty();
    }

    @Test
    void aHolderMeasuredTooSlowForTheDeadlineIsNotAsked() {
        // 1 MB due in 8 s, 1.5 s safety margin: 6.5 s to deliver it
        SegmentState s = new SegmentState(10, 1_000_000, now.plusMillis(8000), Status.MISSING, null,
                Set.of("slow", "fast"), Set.of(), false);
        PeerState slow = new PeerState("slow", false, 125_000); // 8 s
        PeerState fast = new PeerState("fast", false, 600_000); // 1.7 s
        for (int i = 0; i < 50; i++) {
            assertThat(planner.plan(now, List.of(s), List.of(slow, fast), "me"))
                    .containsExactly(new Action.RequestPeer(10, "fast"));
        }
        assertThat(planner.plan(now, List.of(s), List.of(slow), "me")).as("nobody else holds it").isEmpty();
        assertThat(planner.plan(now, List.of(missing(10, 8000, Set.of("slow"))), List.of(slow), "me"))
                .as("size unknown: the slow holder is still asked")
                .containsExactly(new Action.RequestPeer(10, "slow"));
    }

    @Test
    void aTransferOnTimeIsLeftAlone() {
        PeerTransfer t = new PeerTransfer("p1", now.minusMillis(100), now.minusMillis(10), 500_000, 1_000_000);
        SegmentState s = new SegmentState(10, 0, now.plusMillis(9000), Status.PEER_LOADING, t, Set.of("p1"), Set.of(), false);
        assertThat(planner.plan(now, List.of(s), List.of(new PeerState("p1", true, 0)), "me")).isEmpty();
    }

    @Test
    void afterAPeerFailureTheCdnFetchIsAFallback() {
        SegmentState s = new SegmentState(10, 0, now.plusMillis(1000), Status.MISSING, null, Set.of(), Set.of(), true);
        assertThat(planner.plan(now, List.of(s), List.of(), "me")).singleElement()
                .satisfies(x -> assertThat(((Action.FetchCdn) x).fallback()).isTrue());
    }

    @Test
    void liveEdgeSegmentsNobodyHasAreSeededByAboutOnePeerOfTheSwarm() {
        List<String> swarm = IntStream.range(0, 10).mapToObj(i -> "-PV0100-peer" + i + "xxxxxxx".substring(0, 7)).toList();
        int seeders = 0;
        for (int seg = 0; seg < 200; seg++) {
            for (String self : swarm) {
                List<String> others = new ArrayList<>(swarm);
                others.remove(self);
                List<PeerState> peers = others.stream().map(o -> new PeerState(o, false, 0)).toList();
                List<Action> a = planner.plan(now, List.of(missing(seg, 12_000, Set.of())), peers, self);
                if (!a.isEmpty()) {
                    assertThat(a.get(0)).isInstanceOf(Action.FetchCdn.class);
                    assertThat(((Action.FetchCdn) a.get(0)).seed()).as("announced as loading over HTTP").isTrue();
                    seeders++;
                }
            }
        }
        assertThat(seeders).as("seeders over 200 segments").isEqualTo(200);
    }

    @Test
    void whileCancelledTailsStillComeInNoNewPeerTransferStartsButWhatIsDueGoesToTheCdn() {
        SegmentState held = missing(12, 14_000, Set.of("p1"));
        SegmentState due = missing(11, 3_000, Set.of("p1"));
        List<PeerState> peers = List.of(new PeerState("p1", false, 0));
        assertThat(planner.plan(now, List.of(due, held), peers, "me", true, false))
                .containsExactly(new Action.FetchCdn(11, false, "due in 3000 ms, no peer delivery planned"));
        assertThat(planner.plan(now, List.of(held), peers, "me", true, true))
                .containsExactly(new Action.RequestPeer(12, "p1"));
    }

    @Test
    void whileADueSegmentLoadsFromTheCdnNoLaterSegmentIsAskedOfAPeerOrSeeded() {
        List<PeerState> peers = List.of(new PeerState("p1", false, 0));
        SegmentState loading = new SegmentState(11, 0, now.plusMillis(3_000), Status.CDN_LOADING, null, Set.of(),
                Set.of(), true);
        SegmentState held = missing(12, 14_000, Set.of("p1"));
        SegmentState nobodyHasIt = missing(13, 16_000, Set.of());
        assertThat(planner.plan(now, List.of(loading, held, nobodyHasIt), peers, "me")).isEmpty();
        // sent to the CDN in this very plan: the same
        assertThat(planner.plan(now, List.of(missing(11, 3_000, Set.of()), held), peers, "me"))
                .containsExactly(new Action.FetchCdn(11, false, "due in 3000 ms, no peer delivery planned"));
        // a CDN fetch not yet due (a seed) leaves the downlink to peers
        SegmentState seeding = new SegmentState(11, 0, now.plusMillis(12_000), Status.CDN_LOADING, null, Set.of(),
                Set.of(), false);
        assertThat(planner.plan(now, List.of(seeding, held), peers, "me"))
                .containsExactly(new Action.RequestPeer(12, "p1"));
        // and once the due fetch is in, peers are asked again
        assertThat(planner.plan(now, List.of(held), peers, "me")).containsExactly(new Action.RequestPeer(12, "p1"));
    }

    @Test
    void anEngineThatSeesMorePeersCountsOneSeedPerTenOfThem() {
        List<String> swarm = IntStream.range(0, 40).mapToObj(i -> String.format("-PV0100-%012d", i)).toList();
        int seeders = 0;
        for (int seg = 0; seg < 50; seg++) {
            for (String self : swarm) {
                List<PeerState> peers = swarm.stream().filter(o -> !o.equals(self))
                        .map(o -> new PeerState(o, false, 0)).toList();
                seeders += planner.plan(now, List.of(missing(seg, 12_000, Set.of())), peers, self).size();
            }
        }
        assertThat(seeders).as("4 seeds per segment among 40 engines that all see each other").isEqualTo(200);
    }

    @Test
    void anEngineWhoseUplinkCarriesMoreCopiesTakesMoreSharesOfTheSeeding() {
        List<String> swarm = IntStream.range(0, 40).mapToObj(i -> String.format("-PV0100-%012d", i)).toList();
        String wide = swarm.get(0);
        List<PeerState> peers = swarm.stream().filter(o -> !o.equals(wide)).map(o -> new PeerState(o, false, 0))
                .toList();
        int[] seeded = new int[3];
        int[] shares = {1, 5, 0};
        for (int seg = 0; seg < 400; seg++) {
            for (int k = 0; k < shares.length; k++) {
                seeded[k] += planner.plan(now, List.of(missing(seg, 12_000, Set.of())), peers, wide, shares[k], true)
                        .size();
            }
        }
        // one share: about 4 seeds among 40, so about a tenth of the segments; five shares: about half
        assertThat(seeded[0]).isBetween(20, 60);
        assertThat(seeded[1]).isBetween(150, 250);
        assertThat(seeded[2]).as("no shares: never seeds").isZero();
    }

    @Test
    void seedSharesAreHowManyTimesWiderOurUplinkIsThanTheTypicalPeersInAViewOfTenOrMore() {
        List<PeerState> ten = IntStream.range(0, 10)
                .mapToObj(i -> new PeerState("p" + i, false, i < 3 ? 0 : 100_000 * i)).toList(); // median 600 k
        assertThat(DeliveryPlanner.seedShares(12_500_000, ten)).isEqualTo(20);
        assertThat(DeliveryPlanner.seedShares(500_000, ten)).as("narrower than the typical peer").isEqualTo(1);
        assertThat(DeliveryPlanner.seedShares(0, ten)).as("our uplink not measured yet").isEqualTo(1);
        assertThat(DeliveryPlanner.seedShares(12_500_000, ten.subList(0, 3))).as("no peer measured").isEqualTo(1);
        assertThat(DeliveryPlanner.seedShares(12_500_000, ten.subList(0, 9))).as("a view of 9").isEqualTo(1);
    }

    @Test
    void aNarrowSeederWaitsForAMuchWiderAnnouncedUplinkOnlyWhileBothAreKnown() {
        List<PeerState> wideInView = List.of(new PeerState("p1", false, false, 600_000, true, 0),
                new PeerState("p2", false, false, 0, true, 2_500_000));
        List<PeerState> narrower = List.of(new PeerState("p1", false, false, 600_000, true, 0),
                new PeerState("p2", false, false, 0, true, 2_400_000));
        assertThat(DeliveryPlanner.seedDelay(5, 625_000, wideInView)).isEqualTo(DeliveryPlanner.SEED_DEFERRAL);
        assertThat(DeliveryPlanner.seedDelay(5, 625_000, narrower)).as("under 4 times ours").isZero();
        assertThat(DeliveryPlanner.seedDelay(5, 0, wideInView)).as("our uplink not measured").isZero();
        assertThat(DeliveryPlanner.seedDelay(0, 625_000, wideInView)).as("we do not seed anyway").isZero();
        assertThat(DeliveryPlanner.seedDelay(DeliveryPlanner.WIDE_SEEDER_SHARES, 625_000, wideInView))
                .as("a wide seeder itself seeds at once").isZero();
    }

    @Test
    void aSeederGivenADelayWaitsItFromWhenItFirstPlannedTheSegment() {
        java.util.Map<String, PeerState> none = java.util.Map.of();
        java.time.Duration delay = java.time.Duration.ofMillis(500);
        SegmentState listedNow = new SegmentState(10, 0, now.plusMillis(12_000), Status.MISSING, null, Set.of(),
                Set.of(), false, now);
        Action seed = new Action.FetchCdn(10, false, "nobody has it; we seed it", true);
        assertThat(planner.plan(now, List.of(listedNow), none, "me", 1, delay, true)).isEmpty();
        assertThat(planner.plan(now.plusMillis(499), List.of(listedNow), none, "me", 1, delay, true)).isEmpty();
        assertThat(planner.plan(now.plusMillis(500), List.of(listedNow), none, "me", 1, delay, true))
                .containsExactly(seed);
        assertThat(planner.plan(now, List.of(listedNow), none, "me", 1, java.time.Duration.ZERO, true))
                .as("no delay: at once").containsExactly(seed);
        assertThat(planner.plan(now, List.of(missing(10, 12_000, Set.of())), none, "me", 1, delay, true))
                .as("first planning time unknown: at once").containsExactly(seed);
    }

    @Test
    void nonSeedersWaitForPeersUntilTheHighDemandWindow() {
        SegmentState s = missing(10, 12_000, Set.of());
        String self = "a";
        String other = IntStream.range(0, 100).mapToObj(i -> "peer" + i)
                .filter(o -> DeliveryPlanner.rank(o, 10) < DeliveryPlanner.rank(self, 10)).findFirst().orElseThrow();
        assertThat(planner.plan(now, List.of(s), List.of(new PeerState(other, false, 0)), self)).isEmpty();
        assertThat(planner.plan(now.plusMillis(8500), List.of(s), List.of(new PeerState(other, false, 0)), self))
                .containsExactly(new Action.FetchCdn(10, false, "due in 3500 ms, no peer delivery planned"));
    }

    @Test
    void aPeerThatHasJustJoinedItsSwarmSeedsNothingButStillFetchesWhatIsDueAndAsksPeers() {
        SegmentState nobodyHasIt = missing(10, 12_000, Set.of());
        SegmentState due = missing(11, 3_000, Set.of());
        SegmentState held = missing(12, 14_000, Set.of("p1"));
        assertThat(planner.plan(now, List.of(nobodyHasIt), List.of(), "me", true)).singleElement()
                .isInstanceOf(Action.FetchCdn.class); // alone and past the join grace: it seeds
        assertThat(planner.plan(now, List.of(nobodyHasIt, due), List.of(new PeerState("p1", false, 0)), "me",
                false)).containsExactly(new Action.FetchCdn(11, false, "due in 3000 ms, no peer delivery planned"));
        assertThat(planner.plan(now, List.of(nobodyHasIt, held), List.of(new PeerState("p1", false, 0)), "me",
                false)).containsExactly(new Action.RequestPeer(12, "p1"));
    }

    @Test
    void segmentsBeyondTheP2pWindowAreNotPlanned() {
        SegmentState far = missing(10, 120_000, Set.of("p1"));
        assertThat(planner.plan(now, List.of(far), List.of(new PeerState("p1", false, 0)), "me")).isEmpty();
    }

    @Test
    void prefetchFromTheCdnIsCapped() {
        List<SegmentState> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(missing(i, 10_000 + i * 2000, Set.of()));
        }
        List<Action> a = planner.plan(now, many, List.of(), "me");
        assertThat(a).hasSize(CONFIG.maxPrefetchCdn());
    }

    @Test
    void cappedAtThreePeerDownloads() {
        List<SegmentState> segs = new ArrayList<>();
        List<PeerState> peers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            segs.add(missing(i, 10_000 + i * 2000, Set.of("p" + i)));
            peers.add(new PeerState("p" + i, false, 0));
        }
        assertThat(planner.plan(now, segs, peers, "me")).hasSize(DeliveryPlanner.MAX_PEER_DOWNLOADS);
    }

    @Test
    void withoutAPlayheadNothingIsPlanned() {
        SegmentState s = new SegmentState(10, 0, null, Status.MISSING, null, Set.of("p1"), Set.of(), false);
        assertThat(planner.plan(now, List.of(s), List.of(new PeerState("p1", false, 0)), "me")).isEmpty();
    }
}
