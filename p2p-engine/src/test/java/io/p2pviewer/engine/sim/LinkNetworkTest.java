package io.p2pviewer.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.p2pviewer.engine.peer.transport.LinkModel;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The link model's arithmetic: capacity shared per link, latency per message, order kept, NAT pairs refused. */
class LinkNetworkTest {
    private static final double MBIT = 125_000;
    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
    private final LinkNetwork net = new LinkNetwork(scheduler, 1);

    private double arrivalSeconds(LinkNetwork.Flow flow, long bytes) {
        double[] at = {-1};
        flow.send(bytes, () -> at[0] = scheduler.nanos() / 1e9);
        scheduler.runUntilNanos(Long.MAX_VALUE / 2);
        return at[0];
    }

    @Test
    void aLonePieceTakesItsSizeOverTheUplinkThenItsSizeOverTheDownlinkPlusBothLatencies() {
        SimNode a = net.addNode("a", 8 * MBIT, 100 * MBIT, 10_000_000, false);
        SimNode b = net.addNode("b", 8 * MBIT, 80 * MBIT, 5_000_000, false);
        // 100 kB: 0.1 s up at 1 MB/s, 15 ms of latency, 0.01 s down at 10 MB/s
        assertThat(arrivalSeconds(net.flow(a, b), 100_000)).isCloseTo(0.125, within(1e-6));
    }

    @Test
    void twoFlowsFromOneUplinkShareIt() {
        SimNode a = net.addNode("a", 8 * MBIT, 1e12, 0, false);
        SimNode b = net.addNode("b", 1e12, 1e12, 0, false);
        SimNode c = net.addNode("c", 1e12, 1e12, 0, false);
        List<String> log = new ArrayList<>();
        LinkNetwork.Flow ab = net.flow(a, b);
        LinkNetwork.Flow ac = net.flow(a, c);
        ab.send(1_000_000, () -> log.add("b " + Math.round(scheduler.nanos() / 1e6)));
        ac.send(500_000, () -> log.add("c " + Math.round(scheduler.nanos() / 1e6)));
        scheduler.runUntilNanos(10_000_000_000L);
        // both at 0.5 MB/s until c's 0.5 MB are through (1 s), then b alone at 1 MB/s for its last 0.5 MB
        assertThat(log).containsExactly("c 1000", "b 1500");
        assertThat(a.uplink().carriedBytes()).isEqualTo(1_500_000);
    }

    @Test
    void aSlowDownlinkIsTheBottleneckAndKeepsTheOrderOfAFlow() {
        SimNode a = net.addNode("a", 80 * MBIT, 1e12, 0, false);
        SimNode b = net.addNode("b", 1e12, 8 * MBIT, 0, false);
        LinkNetwork.Flow ab = net.flow(a, b);
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            ab.send(250_000, () -> log.add(n + "@" + Math.round(scheduler.nanos() / 1e6)));
        }
        scheduler.runUntilNanos(10_000_000_000L);
        // 1 MB through a 1 MB/s downlink: the last piece lands after ~1 s (+ the first piece's 25 ms up)
        assertThat(log).containsExactly("0@275", "1@525", "2@775", "3@1025");
    }

    @Test
    void aSmallCommandOnAnIdleFlowPaysLatencyOnlyButWaitsBehindPayloadOnABusyOne() {
        SimNode a = net.addNode("a", 8 * MBIT, 1e12, 20_000_000, false);
        SimNode b = net.addNode("b", 1e12, 1e12, 30_000_000, false);
        LinkModel.Pipe pipe = net.open("a", "b");
        List<String> log = new ArrayList<>();
        pipe.carry("cstr..cend".getBytes(), m -> log.add("cmd@" + Math.round(scheduler.nanos() / 1e6)));
        scheduler.runUntilNanos(1_000_000_000L);
        pipe.carry(new byte[200_000], m -> log.add(m.length + "@" + Math.round(scheduler.nanos() / 1e6)));
        pipe.carry("cstr..cend".getBytes(), m -> log.add("cmd@" + Math.round(scheduler.nanos() / 1e6)));
        assertThat(pipe.buffered()).isGreaterThan(190_000);
        scheduler.runUntilNanos(10_000_000_000L);
        assertThat(log.get(0)).isEqualTo("cmd@50");
        assertThat(log.get(log.size() - 1)).isEqualTo("cmd@1250"); // after 200 kB at 1 MB/s + 50 ms
        assertThat(log.subList(1, log.size() - 1)).allMatch(s -> !s.startsWith("cmd"));
        assertThat(pipe.buffered()).isZero();
    }

    @Test
    void payloadIsDeliveredInPiecesThatEachStandFor64KibOfWire() {
        LinkNetwork scaled = new LinkNetwork(scheduler, 1024);
        scaled.addNode("a", 8 * MBIT, 1e12, 0, false);
        scaled.addNode("b", 1e12, 1e12, 0, false);
        LinkModel.Pipe pipe = scaled.open("a", "b");
        List<Integer> pieces = new ArrayList<>();
        byte[] segment = new byte[640];
        pipe.carry(segment, m -> pieces.add(m.length));
        scheduler.runUntilNanos(10_000_000_000L);
        assertThat(pieces).hasSize(10).allMatch(n -> n == 64);
        assertThat(pipe.payloadScale()).isEqualTo(1024);
        assertThat(scheduler.nanos()).isGreaterThan(0);
    }

    @Test
    void twoHostsBehindNatCannotConnectButOneBehindNatCan() {
        net.addNode("n1", 1, 1, 0, true);
        net.addNode("n2", 1, 1, 0, true);
        net.addNode("open", 1, 1, 0, false);
        assertThat(net.reachable("n1", "n2")).isFalse();
        assertThat(net.reachable("n1", "open")).isTrue();
        assertThat(net.reachable("open", "n2")).isTrue();
    }

    @Test
    void aClosedFlowDeliversNothingMoreAndFreesItsShare() {
        SimNode a = net.addNode("a", 8 * MBIT, 1e12, 0, false);
        SimNode b = net.addNode("b", 1e12, 1e12, 0, false);
        SimNode c = net.addNode("c", 1e12, 1e12, 0, false);
        LinkNetwork.Flow ab = net.flow(a, b);
        LinkNetwork.Flow ac = net.flow(a, c);
        List<String> log = new ArrayList<>();
        ab.send(1_000_000, () -> log.add("b"));
        ac.send(1_000_000, () -> log.add("c@" + Math.round(scheduler.nanos() / 1e6)));
        scheduler.runUntilNanos(500_000_000L);
        ab.close();
        scheduler.runUntilNanos(10_000_000_000L);
        // c had 0.25 MB after 0.5 s, then the whole 1 MB/s for its last 0.75 MB
        assertThat(log).containsExactly("c@1250");
    }
}
