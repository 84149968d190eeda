package io.p2pviewer.engine.peer.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.testing.NetnsFixture;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Connection churn over real webrtc-java leaves nothing of ours behind: {@link ConnectionChurnProbe} opens, uses
 * and closes 30 connections (with an unanswered offer each: 90 peer connections) between two transports in a
 * test-made namespace, with a new factory every 40 peer connections. Closed connections must become collectable
 * (webrtc-java 0.14.0 keeps every data channel observer it was given reachable forever;
 * {@link DetachableChannelObserver} keeps that to a shell), and a retired factory must be disposed once its last
 * connection closed (which is what frees webrtc-java's leaked per-message JNI references), and every closed peer
 * connection must be destroyed natively (webrtc-java's close() keeps it; {@link NativePeerConnectionRelease} gives it
 * back). Memory figures are printed, not asserted: {@code bench/connection-churn.sh} measures them
 * (docs/BENCHMARKS.md, Connection churn).
 */
class ConnectionChurnIT {
    private static final Pattern ROUND = Pattern.compile(
            "ROUND (\\d+) heapUsedKiB=\\d+ liveChannels=(\\d+) factories=(\\d+) disposed=(\\d+) .* "
                    + "destroyedPeerConnections=(\\d+)");

    @Test
    void closedConnectionsAreCollectedAndRetiredFactoriesDisposed() throws Exception {
        try (NetnsFixture ns = NetnsFixture.create()) {
            Process p = ns.exec(NetnsFixture.javaCommand(ConnectionChurnProbe.class.getName(),
                    List.of("-Xmx256m"), List.of("30", "20", "1", "30", "40")),
                    Map.of());
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("probe finishes; log %s", ns.logFile(p)).isTrue();
            List<String> rounds;
            try (Stream<String> lines = Files.lines(ns.logFile(p))) {
                rounds = lines.filter(l -> l.startsWith("ROUND ")).toList();
            }
            rounds.forEach(r -> System.out.println(ns.name() + ": " + r));
            assertThat(rounds).as("log %s", ns.logFile(p)).hasSize(2);
            Matcher last = ROUND.matcher(rounds.get(1));
            assertThat(last.matches()).as(rounds.get(1)).isTrue();
            // 30 rounds of 2 connections (4 counting the unanswered offers' and the answer's): 120 connections
            assertThat(Integer.parseInt(last.group(2))).as("channels of closed rounds still reachable")
                    .isLessThanOrEqualTo(2);
            int factories = Integer.parseInt(last.group(3));
            assertThat(factories).as("factories made for 90 connections at 40 each").isEqualTo(3);
            assertThat(Integer.parseInt(last.group(4))).as("retired factories disposed").isEqualTo(factories - 1);
            assertThat(Integer.parseInt(last.group(5))).as("closed peer connections libwebrtc destroyed "
                    + "(webrtc-java's close() keeps them: NativePeerConnectionRelease)").isEqualTo(90);
        }
    }
}
