package io.p2pviewer.engine.peer.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.testing.NetnsFixture;
import java.time.Duration;
import java.util.Map.Entry;
import org.junit.jupiter.api.Test;

/**
 * {@link WebRtcPeerTransport} with real webrtc-java: two peer JVMs in a network namespace made by the test
 * (libwebrtc ignores loopback, and this JVM's namespace must not be used), connected by exchanging complete SDP
 * through the test. See {@link TestPeerMain} for the commands.
 */
class WebRtcPeerTransportIT {
    /** 32 MiB in messages of the largest size a channel carries (64 KiB less one byte): 512 + 1 messages. */
    private static final long TOTAL = 32L << 20;
    private static final int MESSAGE_SIZE = 65535;
    private static final int MESSAGES = TestPayload.count(TOTAL, MESSAGE_SIZE);

    @Test
    void carries32MiBInOrderOneWayWhileTheOtherWayTalks() {
        try (NetnsFixture ns = NetnsFixture.create()) {
            TestPeerProcess a = TestPeerProcess.start(ns, "a", "transport");
            TestPeerProcess b = TestPeerProcess.start(ns, "b", "transport");
            Entry<String, String> labels = TestPeerProcess.connect(a, b);
            assertThat(labels.getKey()).as("masked address of b").startsWith("webrtc#1 ")
                    .endsWith(maskOf(ns.nsAddress()));
            assertThat(labels.getValue()).as("masked address of a").endsWith(maskOf(ns.nsAddress()));

            b.command("expect " + MESSAGES);
            a.command("expect 5");
            a.command("send " + TOTAL + " " + MESSAGE_SIZE);
            b.command("send 5000 1000");

            String sentAtoB = a.await("queued", Duration.ofSeconds(60));
            String receivedByB = b.await("received", Duration.ofSeconds(120));
            String sentBtoA = b.await("queued", Duration.ofSeconds(30));
            String receivedByA = a.await("received", Duration.ofSeconds(30));
            assertThat(sentAtoB).startsWith(MESSAGES + " " + TOTAL + " ");
            assertThat(received(receivedByB)).as("a->b: messages bytes crc").isEqualTo(sentAtoB);
            assertThat(ordered(receivedByB)).as("a->b in order").isTrue();
            assertThat(received(receivedByA)).as("b->a: messages bytes crc").isEqualTo(sentBtoA);
            assertThat(ordered(receivedByA)).as("b->a in order").isTrue();
            assertThat(a.await("drained", Duration.ofSeconds(30))).isEqualTo("0");
            assertThat(a.events("closed")).as("a closed nothing").isEmpty();
            assertThat(b.events("closed")).as("b closed nothing").isEmpty();

            a.command("exit");
            assertThat(a.awaitExit(Duration.ofSeconds(30))).as("a's exit code").isZero();
            assertThat(a.events("closed")).containsExactly("transport closed");
            assertThat(b.await("closed", Duration.ofSeconds(20))).as("b sees a leave")
                    .isIn("closed by remote", "connection closed");
            b.command("exit");
            assertThat(b.awaitExit(Duration.ofSeconds(30))).as("b's exit code").isZero();
        }
    }

    @Test
    void aKilledRemoteClosesTheChannelAndTheSurvivorCarriesOn() {
        try (NetnsFixture ns = NetnsFixture.create()) {
            TestPeerProcess a = TestPeerProcess.start(ns, "a", "transport");
            TestPeerProcess b = TestPeerProcess.start(ns, "b", "transport");
            TestPeerProcess.connect(a, b);
            a.command("ping");
            assertThat(a.await("pong", Duration.ofSeconds(5))).as("a's connections").isEqualTo("1");

            b.process().destroyForcibly();
            long killed = System.nanoTime();
            String reason = a.await("closed", Duration.ofSeconds(20));
            long seconds = Duration.ofNanos(System.nanoTime() - killed).toSeconds();
            System.out.printf("onClose %d s after kill -9: %s%n", seconds, reason);
            assertThat(reason).containsAnyOf("disconnected", "failed");

            // onClose is delivered first; the transport forgets the connection just after (native teardown runs
            // on its own thread), so give it a moment.
            String count = "";
            for (int i = 0; i < 25 && !count.equals("0"); i++) {
                a.command("ping");
                count = a.await("pong", Duration.ofSeconds(5));
                if (!count.equals("0")) {
                    sleep(200);
                }
            }
            assertThat(count).as("a's connections after the loss").isEqualTo("0");
            a.command("offer");
            assertThat(a.await("offer", Duration.ofSeconds(20))).as("a can still make offers").isNotEmpty();
            a.command("exit");
            assertThat(a.awaitExit(Duration.ofSeconds(30))).as("a's exit code").isZero();
            assertThat(a.events("closed")).as("onClose once").hasSize(1);
            assertThat(a.events("error")).isEmpty();
        }
    }

    @Test
    void sigtermClosesOpenTransportsThroughTheShutdownHook() {
        try (NetnsFixture ns = NetnsFixture.create()) {
            TestPeerProcess a = TestPeerProcess.start(ns, "a", "transport");
            TestPeerProcess b = TestPeerProcess.start(ns, "b", "transport");
            TestPeerProcess.connect(a, b);

            // ProcessHandle.destroy sends SIGTERM only; Process.destroy would also close b's stdin, and b ends on EOF.
            b.process().toHandle().destroy();
            assertThat(b.awaitExit(Duration.ofSeconds(20))).as("b's exit code after SIGTERM").isEqualTo(143);
            assertThat(b.tail()).as("b's log").contains("closing 1 WebRTC transport(s) left open at exit");
            assertThat(b.events("closed")).as("b's channel closed by the hook").containsExactly("transport closed");
            assertThat(a.await("closed", Duration.ofSeconds(3))).as("a hears of it at once, not after ~10 s")
                    .isIn("closed by remote", "connection closed");
            a.command("exit");
            assertThat(a.awaitExit(Duration.ofSeconds(30))).as("a's exit code").isZero();
        }
    }

    @Test
    void rejectsOversizedMessagesClosesIdempotentlyAndExitsCleanly() {
        try (NetnsFixture ns = NetnsFixture.create()) {
            TestPeerProcess a = TestPeerProcess.start(ns, "a", "transport");
            TestPeerProcess b = TestPeerProcess.start(ns, "b", "transport");
            TestPeerProcess.connect(a, b);

            a.command("oversize");
            assertThat(a.await("rejected", Duration.ofSeconds(5))).startsWith("IllegalArgumentException");
            b.command("expect 3");
            a.command("send 300 100");
            assertThat(received(b.await("received", Duration.ofSeconds(10))))
                    .as("the channel still works after a rejected send")
                    .isEqualTo(a.await("queued", Duration.ofSeconds(10)));

            a.command("close");
            a.await("closecalled", Duration.ofSeconds(5));
            assertThat(a.await("closed", Duration.ofSeconds(10))).isEqualTo("closed locally");
            assertThat(b.await("closed", Duration.ofSeconds(20))).isIn("closed by remote", "connection closed");

            a.command("cancelled-offer");
            assertThat(a.await("cancelled", Duration.ofSeconds(30))).as("connections before/after cancel")
                    .isEqualTo("1 0");
            a.command("gathering-timeout");
            assertThat(a.await("offerfailed", Duration.ofSeconds(30)))
                    .isEqualTo("WebRtcTransportException ICE gathering did not complete within 1 ns");
            a.command("answer " + TestPeerMain.encode("not sdp"));
            assertThat(a.await("failed", Duration.ofSeconds(10))).startsWith("IllegalArgumentException");

            a.command("exit");
            b.command("exit");
            assertThat(a.awaitExit(Duration.ofSeconds(30))).as("a's exit code").isZero();
            assertThat(b.awaitExit(Duration.ofSeconds(30))).as("b's exit code").isZero();
            assertThat(a.events("closed")).as("a: onClose exactly once").hasSize(1);
            assertThat(b.events("closed")).as("b: onClose exactly once").hasSize(1);
            assertThat(a.events("error")).isEmpty();
            assertThat(b.events("error")).isEmpty();
        }
    }

    private static String maskOf(String address) {
        String[] o = address.split("\\.");
        return o[0] + "." + o[1] + ".x.x";
    }

    /** "messages bytes crc" of a "received" event. */
    private static String received(String event) {
        String[] w = event.split(" ");
        return w[0] + " " + w[1] + " " + w[2];
    }

    private static boolean ordered(String event) {
        return Boolean.parseBoolean(event.split(" ")[3]);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
