package io.p2pviewer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed small scenarios (N = 10 and 50) run with the real engine code in virtual time: results respect the
 * offload bound, add up, and are the same for the same seed.
 */
class SimulationTest {
    private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static SimReport run(Scenario s) {
        return new Simulation(s, FROZEN).run(Duration.ofDays(1), p -> { });
    }

    private static Scenario scenario(String name) throws ScenarioException {
        return ScenarioReader.read(ScenarioReaderTest.SCENARIOS.resolve(name + ".json"));
    }

    @Test
    void tenViewersShareSegmentsWithinTheBoundWithoutStalling() throws Exception {
        Scenario s = scenario("n10");
        SimReport r = run(s);
        assertThat(r.bound()).isCloseTo(Math.min(1 - 1.0 / 10, s.uplinkMbps().mean() / 2.5), within(1e-9));
        assertThat(r.offload()).isPositive().isLessThanOrEqualTo(r.bound());
        assertThat(r.viewersTotal()).isEqualTo(10);
        assertThat(r.viewersNeverStarted()).isZero();
        assertThat(r.stallsTotal()).isZero();
        assertThat(r.startupSeconds().count()).isEqualTo(10);
        // every segment a player got came from the CDN at least once; peers never send more than players take
        assertThat(r.cdn().fetchesPerSegment().p50()).isGreaterThanOrEqualTo(1);
        assertThat(r.cdn().bytes() + r.fairness().uploadedBytes()).isGreaterThanOrEqualTo(r.cdn().playerBytes());
        assertThat(r.overTime()).hasSize(12);
        assertThat(r.overTime().get(r.overTime().size() - 1).cumulativeOffload()).isCloseTo(r.offload(), within(1e-9));
    }

    @Test
    void fiftyViewersStayWithinTheBoundAndTheSameSeedGivesTheSameRun() throws Exception {
        Scenario s = scenario("n50");
        SimReport a = run(s);
        SimReport b = run(s);
        assertThat(a.offload()).isPositive().isLessThanOrEqualTo(a.bound());
        assertThat(a.bound()).isCloseTo(1 - 1.0 / 50, within(1e-9));
        assertThat(withoutCost(b)).isEqualTo(withoutCost(a));
        SimReport other = run(new Scenario(s.name(), 2, s.duration(), s.viewers(), s.ramp(), s.churnPerMinute(),
                s.uplinkMbps(), s.downlinkMbps(), s.latencyMs(), s.natShare(), s.stream(), s.cdn(), s.tracker(),
                s.player(), s.p2p(), s.payloadScale(), s.sampleEvery(), s.partitions(), s.relay(), s.wire()));
        assertThat(withoutCost(other)).isNotEqualTo(withoutCost(a));
    }

    @Test
    void fourPartitionsGiveTheSameRunOnOneThreadAsOnTwoAndAgreeWithOnePartition() throws Exception {
        Scenario s = scenario("n50");
        Scenario split = new Scenario(s.name(), s.seed(), s.duration(), s.viewers(), s.ramp(), s.churnPerMinute(),
                s.uplinkMbps(), s.downlinkMbps(), s.latencyMs(), s.natShare(), s.stream(), s.cdn(), s.tracker(),
                s.player(), s.p2p(), s.payloadScale(), s.sampleEvery(), 4, s.relay(), s.wire());
        SimReport onTwo = new Simulation(split, FROZEN, 2).run(Duration.ofDays(1), p -> { });
        SimReport onOne = new Simulation(split, FROZEN, 1).run(Duration.ofDays(1), p -> { });
        assertThat(onTwo.cost().partitions()).isEqualTo(4);
        assertThat(onTwo.cost().threads()).isEqualTo(2);
        assertThat(onOne.cost().threads()).isEqualTo(1);
        assertThat(withoutCost(onOne)).isEqualTo(withoutCost(onTwo));
        // another split of the same audience: another draw of the run, with peers
        // connected across the partitions as within one
        SimReport whole = run(s);
        assertThat(whole.cost().partitions()).isEqualTo(1);
        assertThat(onTwo.offload()).isLessThanOrEqualTo(onTwo.bound()).isCloseTo(whole.offload(), within(0.10));
        assertThat(onTwo.peersPerViewer().p50()).isGreaterThanOrEqualTo(whole.peersPerViewer().p50() - 3);
        assertThat(onTwo.stallsTotal()).isZero();
        assertThat(onTwo.viewersTotal()).isEqualTo(whole.viewersTotal());
    }

    @Test
    void uplinkUseIsReportedPerUplinkSpeedSlowestFirst() throws Exception {
        Scenario s = scenario("n50");
        SimReport r = run(s);
        List<SimReport.UplinkUse> uses = r.fairness().byUplink();
        assertThat(uses).extracting(SimReport.UplinkUse::uplinkMbps).isSorted().doesNotHaveDuplicates();
        assertThat(uses.stream().mapToInt(SimReport.UplinkUse::viewers).sum()).isEqualTo(r.viewersTotal());
        double weighted = uses.stream().mapToDouble(u -> u.meanUtilisation() * u.viewers()).sum() / r.viewersTotal();
        assertThat(weighted).isCloseTo(r.fairness().meanUtilisation(), within(1e-9));
        // the wire use counts the connection's overhead beside the payload: busy time, at most the whole uplink
        double overhead = s.wire().overhead();
        assertThat(uses).allSatisfy(u -> assertThat(u.meanWireUse())
                .isCloseTo(u.meanUtilisation() * overhead, within(0.02 + 0.05 * u.meanUtilisation()))
                .isLessThanOrEqualTo(1.0));
        assertThat(uses).anySatisfy(u -> assertThat(u.meanWireUse()).isGreaterThan(u.meanUtilisation() * 1.1));
        assertThat(Simulation.useByUplink(new double[] {0.5, 0.25, 1.0}, new double[] {0.6, 0.3, 1.0},
                new double[] {5, 1, 1})).containsExactly(new SimReport.UplinkUse(1, 2, 0.625, 0.65),
                new SimReport.UplinkUse(5, 1, 0.5, 0.6));
    }

    @Test
    void withoutPeersEverySegmentEveryViewerPlaysComesFromTheCdn() throws Exception {
        SimReport r = run(scenario("n10").withP2p(false));
        assertThat(r.offload()).isZero();
        assertThat(r.fairness().uploadedBytes()).isZero();
        assertThat(r.fairness().byUplink()).allSatisfy(u -> assertThat(u.meanUtilisation()).isZero());
        assertThat(r.cdn().bytes()).isGreaterThanOrEqualTo(r.cdn().playerBytes());
        assertThat(r.cdn().fetchesPerSegment().max()).isLessThanOrEqualTo(10);
    }

    @Test
    void churnReplacesLeaversAndNatPairsNeverConnect() throws Exception {
        Scenario base = scenario("n10");
        Scenario churned = new Scenario("churn", base.seed(), base.duration(), base.viewers(), base.ramp(), 0.5,
                base.uplinkMbps(), base.downlinkMbps(), base.latencyMs(), 1.0, base.stream(), base.cdn(),
                base.tracker(), base.player(), true, base.payloadScale(), base.sampleEvery(), base.partitions(),
                base.relay(), base.wire());
        SimReport r = run(churned);
        assertThat(r.viewersTotal()).isGreaterThan(10);
        assertThat(r.overTime()).allMatch(sample -> sample.viewers() == 10 || sample.atSeconds() <= 20);
        assertThat(r.offload()).isZero(); // everyone behind NAT: no peer connection at all
    }

    @Test
    void aVodWithTwoVariantsMakesTwoSwarmsAndStaysWithinItsBound() throws Exception {
        Scenario s = ScenarioReader.parse("""
                {"viewers": 30, "durationSeconds": 120, "arrival": {"rampSeconds": 30},
                 "uplinkMbps": [{"value": 5}, {"value": 20}],
                 "stream": {"type": "vod", "vodSegments": 60,
                            "variants": [{"bitrateMbps": 1.2, "weight": 1}, {"bitrateMbps": 3, "weight": 2}]},
                 "player": {"bufferSeconds": 20}}""", "vod");
        SimReport r = run(s);
        assertThat(r.bound()).isCloseTo(1.0 / 3 * (1 - 1.0 / 10) + 2.0 / 3 * (1 - 1.0 / 20), within(1e-9));
        assertThat(r.offload()).isPositive().isLessThanOrEqualTo(r.bound());
        assertThat(r.cdn().fetchesPerSegment().count()).isGreaterThan(60); // segments of both variants
        assertThat(r.stallsTotal()).isZero();
        assertThat(r.viewersNeverStarted()).isZero();
    }

    private static SimReport withoutCost(SimReport r) {
        return new SimReport(r.scenario(), r.p2p(), r.viewers(), r.durationSeconds(), r.seed(), r.offload(), r.bound(),
                r.uplinkOverBitrate(), r.offloadOfBound(), r.payloadBound(), r.offloadOfPayloadBound(), r.viewersTotal(), r.peakViewers(), r.overTime(), r.cdn(),
                r.viewersWithStalls(), r.stallsTotal(), r.stallsPerViewer(), r.stallSecondsPerViewer(),
                r.missedDeadlinesTotal(), r.missedDeadlinesPerViewer(), r.startupSeconds(), r.viewersNeverStarted(),
                r.failedSegments(), r.fairness(), r.peersPerViewer(), null);
    }
}
