package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our tracker client against our {@link EmbeddedTracker} over real WebSockets on the loopback interface. */
class EmbeddedTrackerIT {
    private static final String INFO_HASH = "hZisoZWahU48V1cUq5vx";
    private static final TrackerClientConfig CONFIG = TrackerClientConfig.builder()
            .backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build();

    private final ExecutorService delivery = Executors.newSingleThreadExecutor();
    private final InMemoryNetwork network = new InMemoryNetwork(delivery);
    private final OkHttpClient http = new OkHttpClient();
    private final TrackerConnector connector = OkHttpTrackerConnector.derivedFrom(http);
    private final List<AutoCloseable> resources = new ArrayList<>();

    private final List<TestPeer> peers = new ArrayList<>();

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(0, resource);
        return resource;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (TestPeer p : peers) {
            p.close();
        }
        for (AutoCloseable r : resources) {
            r.close();
        }
        delivery.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private EmbeddedTracker tracker(int port) throws Exception {
        EmbeddedTracker tracker = closeLater(new EmbeddedTracker());
        tracker.start(InetAddress.getLoopbackAddress(), port);
        return tracker;
    }

    private TestPeer peer(String name, URI tracker) {
        TestPeer peer = new TestPeer(name, tracker, INFO_HASH, network, connector, CONFIG);
        peers.add(peer);
        return peer;
    }

    @Test
    void twoClientsFindEachOtherAndTalkBothWays() throws Exception {
        EmbeddedTracker tracker = tracker(0);
        assertThat(tracker.uri()).isEqualTo(URI.create("ws://127.0.0.1:" + tracker.port()));

        TestPeer a = peer("a", tracker.uri()).startAndAwaitReply();
        TestPeer b = peer("b", tracker.uri()).startAndAwaitReply();
        PeerChannel aToB = a.awaitPeer(b.peerId);
        PeerChannel bToA = b.awaitPeer(a.peerId);

        TestPeer.exchangeMessages(aToB, bToA);
        assertThat(a.listener.peers.get(0).weOffered()).isFalse();
        assertThat(b.listener.peers.get(0).weOffered()).isTrue();
        TrackerCounters counters = tracker.counters();
        assertThat(counters.peers()).isEqualTo(2);
        assertThat(counters.offersRelayed()).isEqualTo(1);
        assertThat(counters.answersRelayed()).isEqualTo(1);
        assertThat(counters.failures()).isZero();
    }

    @Test
    void stoppingAClientRemovesItFromTheSwarm() throws Exception {
        EmbeddedTracker tracker = tracker(0);
        TestPeer a = peer("a", tracker.uri()).startAndAwaitReply();

        assertThat(tracker.counters().peers()).isEqualTo(1);
        a.client.stop();

        await().atMost(TestPeer.WAIT).until(() -> tracker.counters().peers() == 0);
        assertThat(tracker.counters().swarms()).isZero();
    }

    @Test
    void aClientReconnectsWhenTheTrackerComesBackOnTheSamePort() throws Exception {
        EmbeddedTracker first = tracker(0);
        int port = first.port();
        TestPeer a = peer("a", first.uri()).startAndAwaitReply();

        first.close();
        TrackerStatus.Disconnected down = a.awaitStatus(TrackerStatus.Disconnected.class);
        assertThat(down.retryIn()).isLessThanOrEqualTo(Duration.ofSeconds(1));

        EmbeddedTracker second = tracker(port);
        a.awaitStatus(TrackerStatus.Connected.class);
        await().atMost(TestPeer.WAIT).until(() -> second.counters().peers() == 1);

        TestPeer c = peer("c", second.uri()).startAndAwaitReply();
        TestPeer.exchangeMessages(a.awaitPeer(c.peerId), c.awaitPeer(a.peerId));
    }

    @Test
    void aBusyPortIsAnIOExceptionAndAStartedTrackerCannotStartTwice() throws Exception {
        EmbeddedTracker first = tracker(0);
        EmbeddedTracker second = closeLater(new EmbeddedTracker());

        assertThatThrownBy(() -> second.start(InetAddress.getLoopbackAddress(), first.port()))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining(Integer.toString(first.port()));
        assertThatThrownBy(() -> first.start(InetAddress.getLoopbackAddress(), 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void garbageAndOversizedMessagesGetFailuresOverARealSocket() throws Exception {
        EmbeddedTracker tracker = closeLater(new EmbeddedTracker(
                EmbeddedTrackerConfig.builder().maxMessageChars(4096).build(), Clock.systemUTC()));
        URI uri = tracker.start(InetAddress.getLoopbackAddress(), 0);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        WebSocket ws = socket(uri, events);
        ObjectMapper json = new ObjectMapper();

        ws.send("garbage");
        JsonNode first = json.readTree(events.poll(10, TimeUnit.SECONDS));
        ws.send("{\"action\":\"announce\",\"info_hash\":\"short\",\"peer_id\":\"x\"}");
        JsonNode second = json.readTree(events.poll(10, TimeUnit.SECONDS));
        ws.send("{\"pad\":\"" + "x".repeat(5000) + "\"}");
        JsonNode third = json.readTree(events.poll(10, TimeUnit.SECONDS));
        String closing = events.poll(10, TimeUnit.SECONDS);

        assertThat(first.get("failure reason").asText()).isEqualTo("invalid JSON");
        assertThat(second.get("failure reason").asText()).isEqualTo("invalid info_hash");
        assertThat(third.get("failure reason").asText()).isEqualTo("message too large");
        assertThat(closing).isEqualTo("closing 1009");
        assertThat(tracker.counters().failures()).isEqualTo(3);
        ws.cancel();
    }

    /** Opens a WebSocket to the tracker whose texts, "closing CODE" and "failure ..." events go to the queue. */
    private WebSocket socket(URI uri, BlockingQueue<String> events) {
        return http.newWebSocket(new Request.Builder().url(uri.toString()).build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                events.add(text);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                events.add("closing " + code);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                events.add("failure " + t);
            }
        });
    }

    @Test
    void aFloodOfGarbageAndAnnouncesIsRateLimitedThenClosedAndTheTrackerServesOthers() throws Exception {
        EmbeddedTracker tracker = closeLater(new EmbeddedTracker());
        URI uri = tracker.start(InetAddress.getLoopbackAddress(), 0);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        WebSocket flooder = socket(uri, events);
        String announce = "{\"action\":\"announce\",\"info_hash\":\"" + INFO_HASH
                + "\",\"peer_id\":\"-PM0203-flood0000001\",\"numwant\":0}";

        long start = System.nanoTime();
        for (int i = 0; i < 5_000; i++) {
            flooder.send(switch (i % 3) {
                case 0 -> "garbage " + i;
                case 1 -> "[".repeat(2_000);
                default -> announce;
            });
        }
        List<String> got = new ArrayList<>();
        String e;
        while ((e = events.poll(10, TimeUnit.SECONDS)) != null && !e.startsWith("closing") && !e.startsWith("failure")) {
            got.add(e);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;

        // the tracker closes with 1008; a client still writing may see its pipe break before the close frame
        assertThat(e).as("the flood ends in the tracker closing the socket").matches("closing 1008|failure .*");
        await().atMost(TestPeer.WAIT).untilAsserted(() ->
                assertThat(tracker.counters().connections()).as("the tracker let the flooder go").isZero());
        assertThat(tracker.counters().rateLimitReplies()).as("rate-limit failures sent: one a second at most")
                .isBetween(1L, 1L + ms / 1000);
        assertThat(got).as("replies to the flood: its burst, then a rate-limit failure a second at most")
                .hasSizeLessThan(60 + (int) (ms / 50));
        if (e.equals("closing 1008")) {
            // a reset (the client still writing into a closed socket) may discard replies the client had not read
            assertThat(got).as("the rate-limit failures the client read")
                    .filteredOn(t -> t.contains("rate limit")).hasSizeBetween(1, 1 + (int) (ms / 1000));
        }
        BlockingQueue<String> honest = new LinkedBlockingQueue<>();
        WebSocket other = socket(uri, honest);
        other.send(announce.replace("flood", "hones"));
        assertThat(honest.poll(10, TimeUnit.SECONDS)).as("another client is served").contains("\"interval\"");
        System.out.printf("HOSTILE tracker flood: 5000 messages, %d replies read, ended by %s after %d ms%n",
                got.size(), e.startsWith("closing") ? e : "a reset", ms);
        other.close(1000, null);
    }
}
