package io.p2pviewer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The link model's arithmetic: capacity shared per link, latency per message, order kept; the simulated peer
 * channels over it, within one partition and across two; and the wire model (a peer connection's overhead, the
 * host's one uplink queue that its requests wait in).
 */
class LinkNetworkTest {
    private static final double MBIT = 125_000;
    private final Partitions one = new Partitions(1, 0, 1);
    private final VirtualTimeScheduler scheduler = one.scheduler(0);
    private final LinkNetwork net = new LinkNetwork(one, 1);

    /** A listener logging each message's length (commands as "cmd") and arrival time in ms. */
    private static PeerChannelListener logging(List<String> log, VirtualTimeScheduler clock) {
        return new PeerChannelListener() {
            @Override
            public void onMessage(byte[] m) {
                log.add((m[0] == 'c' ? "cmd" : String.valueOf(m.length)) + "@" + Math.round(clock.nanos() / 1e6));
            }

            @Override
            public void onClose(String reason) {
                log.add("closed: " + reason + "@" + Math.round(clock.nanos() / 1e6));
            }
        };
    }

    private double arrivalSeconds(LinkNetwork.Flow flow, long bytes) {
        double[] at = {-1};
        flow.send(bytes, () -> at[0] = scheduler.nanos() / 1e9);
        scheduler.runUntilNanos(Long.MAX_VALUE / 2);
        return at[0];
    }

    @Test
    void aLonePieceTakesItsSizeOverTheUplinkThenItsSizeOverTheDownlinkPlusBothLatencies() {
        SimNode a = net.addNode("a", 8 * MBIT, 100 * MBIT, 10_000_000, false, 0);
        SimNode b = net.addNode("b", 8 * MBIT, 80 * MBIT, 5_000_000, false, 0);
        // 100 kB: 0.1 s up at 1 MB/s, 15 ms of latency, 0.01 s down at 10 MB/s
        assertThat(arrivalSeconds(net.flow(a, b), 100_000)).isCloseTo(0.125, within(1e-6));
    }

    @Test
    void twoFlowsFromOneUplinkShareIt() {
        SimNode a = net.addNode("a", 8 * MBIT, 1e12, 0, false, 0);
        SimNode b = net.addNode("b", 1e12, 1e12, 0, false, 0);
        SimNode c = net.addNode("c", 1e12, 1e12, 0, false, 0);
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
        SimNode a = net.addNode("a", 80 * MBIT, 1e12, 0, false, 0);
        SimNode b = net.addNode("b", 1e12, 8 * MBIT, 0, false, 0);
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
        SimNode a = net.addNode("a", 8 * MBIT, 1e12, 20_000_000, false, 0);
        SimNode b = net.addNode("b", 1e12, 1e12, 30_000_000, false, 0);
        SimChannel[] ends = SimChannel.pair(net, a, b);
        List<String> log = new ArrayList<>();
        ends[1].setListener(logging(log, scheduler));
        ends[0].send("cstr..cend".getBytes());
        scheduler.runUntilNanos(1_000_000_000L);
        ends[0].send(new byte[60_000]);
        ends[0].send(new byte[60_000]);
        ends[0].send("cstr..cend".getBytes());
        assertThat(ends[0].bufferedAmount()).isGreaterThan(110_000);
        scheduler.runUntilNanos(10_000_000_000L);
        // the first command at 50 ms; the last after 120 kB at 1 MB/s + 50 ms, behind the payload
        assertThat(log).containsExactly("cmd@50", "60000@1110", "60000@1170", "cmd@1170");
        assertThat(ends[0].bufferedAmount()).isZero();
    }

    /** A channel at payload scale 1024 from a host with a 1 MB/s uplink; what arrives is logged. */
    private SimChannel[] scaledPairThroughA1MBpsUplink(List<String> log) {
        LinkNetwork scaled = new LinkNetwork(one, 1024);
        SimNode a = scaled.addNode("a", 8 * MBIT, 1e12, 0, false, 0);
        SimNode b = scaled.addNode("b", 1e12, 1e12, 0, false, 0);
        SimChannel[] ends = SimChannel.pair(scaled, a, b);
        ends[1].setListener(logging(log, scheduler));
        return ends;
    }

    @Test
    void aSmallPayloadMessageOnAnIdleFlowStillPaysItsWireBytes() {
        List<String> log = new ArrayList<>();
        SimChannel[] ends = scaledPairThroughA1MBpsUplink(log);
        ends[0].send(new byte[1]); // a paced upload's last byte: 1 KiB of wire, under the size of a command
        scheduler.runUntilNanos(1_000_000_000L);
        // 1,024 wire bytes through a 1 MB/s uplink: about 1 ms, not free as a command would be
        assertThat(log).containsExactly("1@1");
    }

    @Test
    void payloadIsDeliveredInPiecesThatEachStandFor64KibOfWire() {
        List<String> log = new ArrayList<>();
        SimChannel[] ends = scaledPairThroughA1MBpsUplink(log);
        ends[0].send(new byte[640]);
        scheduler.runUntilNanos(10_000_000_000L);
        // ten pieces of 64 B, each 64 KiB of wire through a 1 MB/s uplink
        assertThat(log).hasSize(10).allMatch(s -> s.startsWith("64@"));
        assertThat(log.get(9)).isEqualTo("64@655");
        assertThat(ends[0].payloadScale()).isEqualTo(1024);
    }

    @Test
    void aChannelBetweenTwoPartitionsDeliversAtTheSameTimesAndItsCloseArrivesOneLatencyLater() {
        try (Partitions two = new Partitions(2, 20_000_000, 2)) {
            LinkNetwork split = new LinkNetwork(two, 1);
            SimNode a = split.addNode("a", 8 * MBIT, 1e12, 10_000_000, false, 0);
            SimNode b = split.addNode("b", 1e12, 8 * MBIT, 15_000_000, false, 1);
            SimChannel[] ends = SimChannel.pair(split, a, b);
            List<String> atB = new ArrayList<>();
            List<String> atA = new ArrayList<>();
            two.scheduler(0).scheduleNanos(0, () -> {
                ends[0].setListener(logging(atA, two.scheduler(0)));
                ends[0].send("cstr..cend".getBytes());
                ends[0].send(new byte[50_000]);
            });
            two.scheduler(1).scheduleNanos(0, () -> ends[1].setListener(logging(atB, two.scheduler(1))));
            two.scheduler(0).scheduleNanos(200_000_000L, ends[0]::close);
            two.runUntil(1_000_000_000L);
            // command: 25 ms of latency; 50 kB: 50 ms up, 25 ms, 50 ms down
            assertThat(atB).containsExactly("cmd@25", "50000@125", "closed: closed by remote@225");
            assertThat(atA).containsExactly("closed: closed locally@200");
            assertThat(two.nanos()).isEqualTo(1_000_000_000L);
        }
    }

    @Test
    void aPostAcrossPartitionsWithinTheLookaheadIsRefused() {
        try (Partitions two = new Partitions(2, 20_000_000, 1)) {
            two.scheduler(0).scheduleNanos(5_000_000, () -> two.post(0, 1, 10_000_000, () -> { }));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> two.runUntil(100_000_000))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("lookahead");
        }
    }

    @Test
    void aClosedFlowDeliversNothingMoreAndFreesItsShare() {
        SimNode a = net.addNode("a", 8 * MBIT, 1e12, 0, false, 0);
        SimNode b = net.addNode("b", 1e12, 1e12, 0, false, 0);
        SimNode c = net.addNode("c", 1e12, 1e12, 0, false, 0);
        LinkNetwork.Flow ab = net.flow(a, b);
        LinkNetwork.Flow ac = net.flow(a, c);
        List<String> log = new ArrayList<>();
        ab.send(1_000_000, () -> log.add("b"));
        ac.send(1_000_000, () -> log.add("c@" + Math.round(scheduler.nanos() / 1e6)));
        scheduler.runUntilNanos(500_000_000L);
        ab.closeSending();
        scheduler.runUntilNanos(10_000_000_000L);
        // c had 0.25 MB after 0.5 s, then the whole 1 MB/s for its last 0.75 MB
        assertThat(log).containsExactly("c@1250");
    }

    /** A network at payload scale 1 with the wire model {@code overhead} and {@code queueMillis}. */
    private LinkNetwork wired(double overhead, long queueMillis) {
        return new LinkNetwork(one, 1, new Scenario.Wire(overhead, Duration.ofMillis(queueMillis)));
    }

    @Test
    void aPeerConnectionWeighsTheWireOverheadOnBothLinksWhileACdnDownloadWeighsItsBytes() {
        LinkNetwork w = wired(1.2, 0);
        SimNode a = w.addNode("a", 8 * MBIT, 1e12, 0, false, 0);
        SimNode b = w.addNode("b", 1e12, 16 * MBIT, 0, false, 0);
        LinkNetwork.Flow peer = w.channelFlow(a, b);
        double[] at = {-1};
        peer.send(100_000, () -> at[0] = scheduler.nanos() / 1e9);
        // what the engine sees buffered is what it sent; the links carry 120 kB
        assertThat(peer.buffered()).isEqualTo(100_000);
        scheduler.runUntilNanos(10_000_000_000L);
        // 120 kB: 120 ms up at 1 MB/s, 60 ms down at 2 MB/s
        assertThat(at[0]).isCloseTo(0.180, within(1e-6));
        assertThat(a.uplink().carriedBytes()).isEqualTo(120_000);
        // an HTTP response: 100 ms up, 50 ms down
        double sent = scheduler.nanos() / 1e9;
        assertThat(arrivalSeconds(w.flow(a, b), 100_000) - sent).isCloseTo(0.150, within(1e-6));
    }

    @Test
    void aCommandOnAnIdleFlowWaitsBehindTheHostsOtherUploadsUpToTheQueueAndPayloadAfterItNeverOvertakesIt() {
        LinkNetwork w = wired(1, 200);
        SimNode a = w.addNode("a", 8 * MBIT, 1e12, 10_000_000, false, 0);
        SimNode b = w.addNode("b", 1e12, 1e12, 0, false, 0);
        SimNode c = w.addNode("c", 1e12, 1e12, 0, false, 0);
        w.flow(a, b).send(500_000, () -> { }); // a's upload to b: 500 ms alone at 1 MB/s
        SimChannel[] ac = SimChannel.pair(w, a, c);
        List<String> log = new ArrayList<>();
        ac[1].setListener(logging(log, scheduler));
        scheduler.runUntilNanos(100_000_000L);
        // 400 kB still queued: the command waits the queue's 200 ms (+10 ms of latency); the 1 kB after it would
        // leave a shared uplink in 2 ms, but leaves behind the command
        ac[0].send("cstr..cend".getBytes());
        ac[0].send(new byte[1_000]);
        scheduler.runUntilNanos(400_000_000L);
        // at 400 ms, 101 kB of the upload are left (it shared the uplink with the 1 kB for 2 ms): a 101 ms wait
        ac[0].send("cstr..cend".getBytes());
        scheduler.runUntilNanos(600_000_000L);
        ac[0].send("cstr..cend".getBytes()); // nothing queued: latency only
        scheduler.runUntilNanos(10_000_000_000L);
        assertThat(log).containsExactly("cmd@310", "1000@310", "cmd@511", "cmd@610");
    }

    @Test
    void aCdnRequestWaitsInTheViewersUplinkQueueBehindItsUploads() throws Exception {
        LinkNetwork w = wired(1, 200);
        Scenario scenario = ScenarioReader.parse("{\"viewers\": 1, \"cdn\": {\"latencyMs\": 0}}", "o");
        SimOrigin origin = new SimOrigin(scheduler, w, scenario, 0, 1);
        SimNode viewer = w.addNode("v", 8 * MBIT, 1e12, 5_000_000, false, 0);
        SimNode other = w.addNode("o", 1e12, 1e12, 0, false, 0);
        w.flow(viewer, other).send(150_000, () -> { }); // 150 ms of upload queued
        double[] segmentAt = {-1};
        double[] playlistAt = {-1};
        var cdn = origin.client(viewer);
        cdn.fetchBytes(URI.create("http://cdn.sim/stream/v0/seg-0.ts"), 0, -1, new SegmentListener() {
            @Override
            public void onBytes(int count) {
            }

            @Override
            public void onComplete(byte[] data) {
                segmentAt[0] = scheduler.nanos() / 1e9;
            }

            @Override
            public void onFailure(String reason, boolean retryable) {
            }
        });
        cdn.fetchText(SimOrigin.MASTER).thenRun(() -> playlistAt[0] = scheduler.nanos() / 1e9);
        scheduler.runUntilNanos(10_000_000_000L);
        // 150 ms in the uplink queue, then 5 ms each way (the CDN's capacity and the downlink are near infinite)
        assertThat(segmentAt[0]).isCloseTo(0.160, within(1e-3));
        assertThat(playlistAt[0]).isCloseTo(0.160, within(1e-3));
    }
}
