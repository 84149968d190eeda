package io.p2pviewer.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.scheduler.SegmentState.PeerTransfer;
import io.p2pviewer.engine.scheduler.SegmentState.Status;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule 6 of the planner (multi-source) in fake time: slow holders that are in time together share a segment. */
class MultiSourcePlannerTest {
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    /** The defaults' windows: high demand 2.5 s, safety margin 500 ms. */
    private static final SchedulerConfig CONFIG = SchedulerConfig.DEFAULTS;
    /** A 2 s segment of a 2.5 Mbit/s stream. */
    private static final long SEGMENT = 625_000;
    /** A 1 Mbit/s uplink: the segment takes 5 s from it alone. */
    private static final double THIN = 125_000;

    private static SegmentState missing(Instant now, long seq, long dueMs, Set<String> holders) {
        return new SegmentState(seq, SEGMENT, now.plusMillis(dueMs), Status.MISSING, null, holders, Set.of(), false);
    }

    private static PeerState engine(String id, double speed) {
        return new PeerState(id, false, false, speed, true);
    }

    private List<Action> plan(int sources, List<SegmentState> segments, List<PeerState> peers) {
        return new DeliveryPlanner(CONFIG, new Random(7), sources).plan(now, segments, peers, "me", 0, true);
    }

    @Test
    void holdersTooSlowAloneButInTimeTogetherEachSendAPartSizedByTheirSpeed() {
        // due in 5 s: 4.5 s after the safety margin; one thin uplink needs 5 s, two need 2.5 s
        List<PeerState> peers = List.of(engine("a", THIN), engine("b", THIN), engine("c", THIN));
        List<Action> a = plan(3, List.of(missing(now, 10, 5000, Set.of("a", "b", "c"))), peers);
        assertThat(a).singleElement().isInstanceOf(Action.RequestParts.class);
        Action.RequestParts parts = (Action.RequestParts) a.get(0);
        assertThat(parts.parts()).as("the fewest that suffice").hasSize(2);
        assertThat(parts.parts().get(0).from()).isZero();
        assertThat(parts.parts().get(1).from()).isEqualTo(SEGMENT / 2);

        assertThat(plan(1, List.of(missing(now, 10, 5000, Set.of("a", "b", "c"))), peers))
                .as("multi-source off: the thin holders are skipped, as before").isEmpty();
    }

    @Test
    void threeHoldersShareASegmentTwoCannotDeliverInTime() {
        List<PeerState> peers = List.of(engine("a", 2 * THIN), engine("b", 2 * THIN), engine("c", 4 * THIN));
        // due in 2.9 s: owed in 0.4 s, so peers must end it within 0.9 s (rule 7); a + b need 1.25 s, with c 0.625 s
        List<Action> a = plan(3, List.of(missing(now, 10, 2900, Set.of("a", "b", "c"))), peers);
        Action.RequestParts parts = (Action.RequestParts) a.get(0);
        double sum = 0;
        for (Action.Part p : parts.parts()) {
            sum += peers.stream().filter(s -> s.id().equals(p.peer())).findFirst().orElseThrow().bytesPerSecond();
        }
        assertThat(SEGMENT / sum).as("seconds the chosen peers need together").isLessThanOrEqualTo(0.9);
        List<PeerState> two = List.of(engine("a", 2 * THIN), engine("b", 2 * THIN));
        assertThat(plan(3, List.of(missing(now, 10, 2900, Set.of("a", "b"))), two))
                .as("two are too slow together: the CDN, before the player's wait is owed")
                .singleElement().isInstanceOf(Action.FetchCdn.class);
    }

    @Test
    void browsersAndBusyPeersSendNoParts() {
        List<PeerState> peers = List.of(new PeerState("browser", false, false, THIN), engine("a", THIN),
                new PeerState("busy", false, true, THIN, true));
        assertThat(plan(3, List.of(missing(now, 10, 5000, Set.of("browser", "a", "busy"))), peers)).isEmpty();
    }

    @Test
    void aSegmentInPartsTakesOnePeerDownloadSlot() {
        // segment 9 comes in three parts (three peers downloading), segment 10 from one peer: two slots of three taken
        PeerTransfer parts = new PeerTransfer("x", now, now, 1000, SEGMENT, 3);
        SegmentState nine = new SegmentState(9, SEGMENT, now.plusMillis(5000), Status.PEER_LOADING, parts, Set.of(),
                Set.of(), false);
        PeerTransfer one = new PeerTransfer("w", now, now, 1000, SEGMENT);
        SegmentState ten = new SegmentState(10, SEGMENT, now.plusMillis(6000), Status.PEER_LOADING, one, Set.of(),
                Set.of(), false);
        List<PeerState> peers = List.of(new PeerState("x", true, false, THIN, true),
                new PeerState("y", true, false, THIN, true), new PeerState("z", true, false, THIN, true),
                new PeerState("w", true, false, 1e6, true), new PeerState("f", false, false, 1e6, true));
        List<Action> a = new DeliveryPlanner(CONFIG, new Random(7), 3).plan(now,
                List.of(nine, ten, missing(now, 11, 8000, Set.of("f"))), peers, "me", 0, true);
        assertThat(a).containsExactly(new Action.RequestPeer(11, "f"));
    }

    @Test
    void partsAreSizedByTheirPeersSpeeds() {
        List<Action.Part> parts = DeliveryPlanner.split(List.of(engine("fast", 300), engine("slow", 100)), 1000);
        assertThat(parts).containsExactly(new Action.Part("fast", 0), new Action.Part("slow", 750));
    }
}
