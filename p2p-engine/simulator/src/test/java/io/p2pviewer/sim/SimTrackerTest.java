package io.p2pviewer.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.swarm.SwarmSignalling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated tracker: peers per announce, connect delay (tracker hops included), re-announce, NAT. */
class SimTrackerTest {
    private static final String HASH = "01234567890123456789";
    private static final long HOP = 10_000_000;
    private final Partitions one = new Partitions(1, 0, 1);
    private final LinkNetwork net = new LinkNetwork(one, 1);
    private final List<String> connections = new ArrayList<>();

    private static Scenario.Tracker tracker(int perAnnounce, Duration connectDelay) {
        return new Scenario.Tracker(perAnnounce, Duration.ofSeconds(120), connectDelay, connectDelay);
    }

    /** Members 0..n-1 join at time 0; {@code nat} of them (the first ones) behind NAT. */
    private List<SwarmSignalling> join(SimTracker tracker, int members, int nat) {
        List<SwarmSignalling> out = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String id = String.format("-PV0100-%012d", i);
            SimNode node = net.addNode("v" + i, 1e6, 1e6, 1_000_000, i < nat, 0);
            SwarmSignalling s = tracker.factory(node).create(HASH, id, (remote, channel) -> {
                connections.add(id.substring(14) + "<-" + remote.substring(14));
                assertThat(channel.describe()).startsWith("sim:v" + Integer.parseInt(id.substring(8)) + "->");
            });
            s.start();
            out.add(s);
        }
        return out;
    }

    private void runUntilMillis(long ms) {
        one.runUntil(ms * 1_000_000);
    }

    @Test
    void eachAnnounceConnectsToAFewRandomPeersAfterTheConnectDelayAndAgainAtTheNextInterval() {
        join(new SimTracker(net, one, tracker(2, Duration.ofSeconds(1)), 7, HOP), 10, 0);
        runUntilMillis(999);
        assertThat(connections).isEmpty();
        runUntilMillis(1000);
        // member k pairs with min(k, 2) earlier members (the first finds nobody); each pair gives two channels
        int firstRound = connections.size();
        assertThat(firstRound).isEqualTo(2 * (1 + 2 * 8));
        runUntilMillis(121_000);
        assertThat(connections.size()).isGreaterThan(firstRound).isLessThanOrEqualTo(firstRound + 2 * 2 * 10);
    }

    @Test
    void askingForMorePeersAnnouncesAtOnceToPeersNotPairedRecently() {
        List<SwarmSignalling> members = join(new SimTracker(net, one, tracker(2, Duration.ofSeconds(1)), 7, HOP),
                10, 0);
        runUntilMillis(5000);
        int firstRound = connections.size();
        one.scheduler(0).scheduleNanos(0, () -> members.get(0).morePeers(9));
        runUntilMillis(6000);
        assertThat(connections).as("connected to all 9 others already: no announce").hasSize(firstRound);
        one.scheduler(0).scheduleNanos(0, () -> members.get(0).morePeers(2)); // the first found nobody on joining
        runUntilMillis(7000);
        assertThat(connections.size() - firstRound).as("two new pairs, two channels each").isEqualTo(4);
        assertThat(connections.subList(firstRound, connections.size()))
                .filteredOn(c -> c.startsWith("000000<-")).hasSize(2);
    }

    @Test
    void twoPeersBehindNatNeverConnectButOneBehindNatDoes() {
        join(new SimTracker(net, one, tracker(5, Duration.ofMillis(100)), 1, HOP), 3, 2);
        runUntilMillis(100_000);
        // v0 and v1 are behind NAT: only the pairs with v2 connect (v1 with v0 at once, v2 with both)
        assertThat(connections).containsExactlyInAnyOrder("000000<-000002", "000002<-000000", "000001<-000002",
                "000002<-000001");
    }

    @Test
    void aMemberThatLeftIsNotConnectedAndOneLeavingWhileItsConnectionOpensClosesIt() {
        List<SwarmSignalling> members = join(new SimTracker(net, one, tracker(5, Duration.ofSeconds(1)), 1, HOP),
                2, 0);
        one.scheduler(0).scheduleNanos(500_000_000L, () -> members.get(1).close());
        runUntilMillis(5000);
        assertThat(connections).as("the tracker heard of the leave before the connect").isEmpty();

        List<SwarmSignalling> late = join(new SimTracker(net, one, tracker(5, Duration.ofSeconds(1)), 1, HOP), 2, 0);
        // announced at 5 s + one hop; the tracker connects one hop before the channels open at 6 s
        one.scheduler(0).scheduleNanos(995_000_000L, () -> late.get(1).close());
        runUntilMillis(10_000);
        assertThat(connections).as("only the member still there gets its end").containsExactly("000000<-000001");
    }

    @Test
    void aHopLongerThanHalfTheShortestConnectDelayIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SimTracker(net, one,
                tracker(5, Duration.ofMillis(10)), 1, HOP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("half the shortest connect delay");
    }
}
