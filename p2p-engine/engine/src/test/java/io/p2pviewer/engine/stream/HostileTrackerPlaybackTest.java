package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.tracker.TrackerClientConfig;
import io.p2pviewer.engine.peer.tracker.TrackerConnector;
import io.p2pviewer.engine.peer.tracker.TrackerSocket;
import io.p2pviewer.engine.peer.tracker.TrackerSocketListener;
import io.p2pviewer.engine.peer.tracker.TrackerSwarmSignalling;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A hostile tracker (issue 24) against a real engine playing a live stream in virtual time: it accepts the
 * WebSocket and never answers an announce, and floods the client with offers it cannot connect to, answers for
 * offers never made, garbage and a giant message. The engine plays every segment from the CDN, misses no deadline,
 * and sends the tracker no more than its announces.
 */
class HostileTrackerPlaybackTest {
    private final LiveEngineFixture engine = new LiveEngineFixture();

    /** Accepts every connection, answers nothing, and lets the test push messages at the client. */
    private final class HostileTracker implements TrackerConnector {
        TrackerSocketListener client;
        int received;

        @Override
        public TrackerSocket open(URI tracker, TrackerSocketListener listener) {
            client = listener;
            engine.scheduler.execute(listener::onOpen);
            return new TrackerSocket() {
                @Override
                public boolean send(String text) {
                    received++;
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }

        /** A message of the flood: a relayed offer, an answer to nothing, garbage or a giant message, in turn. */
        void flood(String infoHash, int n) {
            String from = String.format("-PM0203-host%08d", n);
            String message = switch (n % 4) {
                case 0 -> "{\"action\":\"announce\",\"info_hash\":\"" + infoHash + "\",\"peer_id\":\"" + from
                        + "\",\"offer_id\":\"o" + n + "\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0 junk\"}}";
                case 1 -> "{\"action\":\"announce\",\"info_hash\":\"" + infoHash + "\",\"peer_id\":\"" + from
                        + "\",\"offer_id\":\"never-made-" + n + "\",\"answer\":{\"type\":\"answer\",\"sdp\":\"x\"}}";
                case 2 -> "{\"action\":" + "[".repeat(5_000);
                default -> n % 1000 == 3 ? "{\"x\":\"" + "A".repeat(1 << 20) + "\"}" : "\u0000garbage";
            };
            client.onMessage(message);
        }
    }

    @Test
    void aSilentFloodingTrackerLeavesPlaybackToTheCdnWithNoMissedDeadline() throws Exception {
        HostileTracker tracker = new HostileTracker();
        var signalling = new TrackerSwarmSignalling(List.of(URI.create("ws://tracker.test/announce")),
                engine.network.transport("desktop"), engine.scheduler, tracker, TrackerClientConfig.defaults());
        StreamController controller = engine.open(signalling);
        String infoHash = engine.infoHashes.get(0);

        Set<Long> played = new HashSet<>();
        long next = engine.origin.edge() - 3;
        int asked = 0;
        int messages = 0;
        for (int tick = 0; tick < 300; tick++) { // 30 s in steps of 100 ms
            for (int k = 0; k < 100; k++) { // 1,000 tracker messages a second
                tracker.flood(infoHash, messages++);
            }
            engine.scheduler.advance(Duration.ofMillis(100));
            if (tick % 20 == 0) {
                long seq = next++;
                asked++;
                controller.segment(0, seq).thenAccept(c -> {
                    if (Arrays.equals(c.data(), FakeLiveOrigin.bytes(seq))) {
                        played.add(seq);
                    }
                });
            }
        }
        engine.scheduler.advance(Duration.ofSeconds(5));

        assertThat(played).as("every segment played, from the CDN").hasSize(asked);
        assertThat(controller.snapshot().missedDeadlines()).isZero();
        assertThat(controller.snapshot().peers()).isEmpty();
        assertThat(tracker.received).as("messages we sent the tracker: announces (and answers) only")
                .isLessThan(200);
        System.out.printf("HOSTILE tracker: %d hostile messages in 30 s; we sent %d; played %d of %d, "
                + "missed deadlines %d%n", messages, tracker.received, played.size(), asked,
                controller.snapshot().missedDeadlines());
    }
}
