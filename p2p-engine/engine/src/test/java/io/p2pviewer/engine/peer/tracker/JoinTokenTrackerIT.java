package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.engine.peer.swarm.SwarmSignalling;
import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.engine.time.ExecutorTaskScheduler;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.testing.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Join tokens end to end: our tracker clients against our {@link EmbeddedTracker} requiring tokens, over real
 * WebSockets (plain and TLS with a CA made by the test) on the loopback interface, peers over the in-memory
 * transport.
 */
class JoinTokenTrackerIT {
    private static final String INFO_HASH = TestPeer.INFO_HASH;
    private final JoinTokens tokens = new JoinTokens(JoinTokensTest.SECRET, Clock.systemUTC());
    private final List<TestPeer> peers = new ArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor();
    private final InMemoryNetwork network = new InMemoryNetwork(delivery);
    private final OkHttpClient http = new OkHttpClient();
    private EmbeddedTracker tracker;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        peers.forEach(TestPeer::close);
        if (tracker != null) {
            tracker.close();
        }
        delivery.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private URI start(SSLContext tls) throws IOException {
        tracker = new EmbeddedTracker(EmbeddedTrackerConfig.defaults(), Clock.systemUTC(), tokens, tls);
        return tracker.start(InetAddress.getLoopbackAddress(), 0);
    }

    private TestPeer peer(String name, URI tracker, String token, OkHttpClient client) {
        URI withToken = token == null ? tracker : URI.create(tracker + "/announce?token=" + token);
        TestPeer peer = new TestPeer(name, withToken, INFO_HASH, network, OkHttpTrackerConnector.derivedFrom(client),
                TestPeer.FAST_RECONNECT);
        peers.add(peer);
        return peer;
    }

    @Test
    void peersWithValidTokensFindEachOther() throws Exception {
        URI uri = start(null);
        String token = tokens.issue(List.of(INFO_HASH), Duration.ofHours(6));

        TestPeer a = peer("a", uri, token, http).startAndAwaitReply();
        TestPeer b = peer("b", uri, tokens.issue(List.of("*"), Duration.ofMinutes(5)), http).startAndAwaitReply();
        PeerChannel aToB = a.awaitPeer(b.peerId);
        PeerChannel bToA = b.awaitPeer(a.peerId);

        TestPeer.exchangeMessages(aToB, bToA);
        assertThat(tracker.counters().refusedTokens()).isZero();
        assertThat(tracker.counters().offersRelayed()).isEqualTo(1);
    }

    @Test
    void refusedPeersGetTheFailureReasonAndNoOfferOfTheirsIsForwarded() throws Exception {
        URI uri = start(null);
        TestPeer admitted = peer("admitted", uri, tokens.issue(List.of(INFO_HASH), Duration.ofHours(1)), http)
                .startAndAwaitReply();

        byte[] otherSecret = JoinTokensTest.SECRET.clone();
        otherSecret[3] ^= 1;
        String forged = new JoinTokens(otherSecret, Clock.systemUTC()).issue(List.of(INFO_HASH), Duration.ofHours(1));
        String expired = new JoinTokens(JoinTokensTest.SECRET, Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
                .issue(List.of(INFO_HASH), Duration.ofHours(1));
        String wrongSwarm = tokens.issue(List.of("AAAAAAAAAAAAAAAAAAAA"), Duration.ofHours(1));
        List<String> badTokens = java.util.Arrays.asList(null, forged, expired, wrongSwarm);
        List<TestPeer> refused = new ArrayList<>();
        for (String t : badTokens) {
            refused.add(peer("bad" + refused.size(), uri, t, http));
        }
        List<String> reasons = List.of("join token required", "join token invalid", "join token expired",
                "join token not valid for this swarm");

        for (int i = 0; i < refused.size(); i++) {
            TestPeer p = refused.get(i);
            p.client.start();
            String reason = reasons.get(i);
            TrackerStatus.Refused status = p.awaitStatus(TrackerStatus.Refused.class);
            assertThat(status.reason()).isEqualTo(reason);
            if (badTokens.get(i) != null) {
                assertThat(status.toString()).doesNotContain(badTokens.get(i)).contains("token=***");
            }
            assertThat(p.listener.messages).anySatisfy(m -> {
                assertThat(m.failure()).isTrue();
                assertThat(m.message()).isEqualTo(reason);
            });
        }
        await().atMost(TestPeer.WAIT).until(() -> tracker.counters().refusedTokens() >= 4);
        TimeUnit.MILLISECONDS.sleep(300); // let any (wrongly) forwarded offer arrive

        assertThat(tracker.counters().offersRelayed()).isZero();
        assertThat(tracker.counters().peers()).isEqualTo(1);
        assertThat(admitted.listener.peers).isEmpty();
        refused.forEach(p -> assertThat(p.listener.peers).isEmpty());
    }

    @Test
    void theEnginesSignallingKeepsARefusalAsANoticeAfterItStops() throws Exception {
        URI uri = start(null);
        URI withBadToken = URI.create(uri + "/announce?token=" + tokens.issue(List.of("AAAAAAAAAAAAAAAAAAAA"),
                Duration.ofHours(1)));
        try (ExecutorTaskScheduler thread = new ExecutorTaskScheduler("signalling", Clock.systemUTC())) {
            TrackerSwarmSignalling signalling = new TrackerSwarmSignalling(List.of(withBadToken),
                    network.transport("engine"), thread, OkHttpTrackerConnector.derivedFrom(http),
                    TestPeer.FAST_RECONNECT);
            SwarmSignalling swarm = signalling.create(INFO_HASH, "-PV0100-abcdefghijkl",
                    (id, channel) -> channel.close());
            swarm.start();
            String notice = "tracker 127.0.0.1:" + uri.getPort() + " refused: join token not valid for this swarm";
            await().atMost(TestPeer.WAIT).until(() -> signalling.notices().contains(notice));

            swarm.close();
            await().atMost(TestPeer.WAIT).until(() -> signalling.statuses().values().stream()
                    .allMatch(s -> s instanceof TrackerStatus.Stopped));
            assertThat(signalling.notices()).containsExactly(notice);
        }
    }

    @Test
    void wssWorksWithTheCaTheUserNamesAndFailsWithoutIt() throws Exception {
        TestCa ca = TestCa.create(dir);
        URI uri = start(ca.serverContext());
        assertThat(uri.getScheme()).isEqualTo("wss");
        String token = tokens.issue(List.of(INFO_HASH), Duration.ofHours(1));

        TestPeer trusting = peer("trusting", uri, token, TrackerTrust.trustingAlso(http, ca.caPem()))
                .startAndAwaitReply();
        assertThat(trusting.listener.lastStatus()).isInstanceOf(TrackerStatus.Connected.class);

        TestPeer system = peer("system", uri, token, http);
        system.client.start();
        TrackerStatus.Disconnected down = system.awaitStatus(TrackerStatus.Disconnected.class);
        assertThat(down.reason()).containsIgnoringCase("certification path");
        assertThat(tracker.counters().peers()).isEqualTo(1);
    }
}
