package io.p2pviewer.engine.peer.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.testing.NetnsFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The worst adversary of {@code HostilePeersTest} over real webrtc-java between two processes in a test-made network
 * namespace: a peer flooding segment requests as fast as its data channel takes them against a real {@code Swarm}
 * holding the segments. The swarm drops it within one segment duration and keeps running.
 */
class HostilePeerWebRtcIT {
    @Test
    void aRequestFloodOverRealWebRtcIsDroppedWithinASegment() {
        try (NetnsFixture ns = NetnsFixture.create()) {
            TestPeerProcess engine = TestPeerProcess.start(ns, "engine", "transport");
            TestPeerProcess flooder = TestPeerProcess.start(ns, "flooder", "transport");
            engine.command("swarm");
            engine.await("swarm", Duration.ofSeconds(10));
            TestPeerProcess.connect(flooder, engine);

            long start = System.nanoTime();
            flooder.command("flood 5000");
            String closed = flooder.await("closed", Duration.ofSeconds(10));
            long ms = (System.nanoTime() - start) / 1_000_000;
            engine.command("swarm-peers");
            String peer = engine.await("peer", Duration.ofSeconds(10));

            assertThat(closed).as("the flooder's channel is closed by the engine").isIn("closed by remote",
                    "connection closed");
            assertThat(peer).as("connected, close reason").startsWith("false ").contains("request_flood");
            assertThat(ms).as("ms from the flood's start to the drop (one segment: 2,000)").isLessThan(2_000);
            engine.command("ping");
            assertThat(engine.await("pong", Duration.ofSeconds(10))).as("the engine side carries on").isNotNull();
            System.out.printf("HOSTILE webrtc request flood: dropped %d ms after the flood started (%s)%n", ms, peer);
            engine.command("exit");
            flooder.command("exit");
            assertThat(engine.awaitExit(Duration.ofSeconds(30))).as("engine exit code").isZero();
            assertThat(engine.events("error")).isEmpty();
        }
    }
}
