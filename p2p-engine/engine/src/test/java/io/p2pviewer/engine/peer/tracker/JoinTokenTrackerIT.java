package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.engine.peer.swarm.SwarmSignalling;
import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.engine.time.ExecutorTaskScheduler;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
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

    /** A CA and a server certificate for 127.0.0.1 signed by it, made with the JDK's keytool. */
    record TestCa(Path caPem, Path serverStore) {
        private static final String PASSWORD = "test-only";

        static TestCa create(Path dir) throws Exception {
            Path ca = dir.resolve("ca.p12");
            Path server = dir.resolve("server.p12");
            Path caPem = dir.resolve("ca.pem");
            Path csr = dir.resolve("server.csr");
            Path serverPem = dir.resolve("server.pem");
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test CA",
                    "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString());
            keytool("-exportcert", "-rfc", "-alias", "ca", "-file", caPem.toString(), "-keystore", ca.toString());
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-validity", "2", "-keystore", server.toString());
            keytool("-certreq", "-alias", "server", "-file", csr.toString(), "-keystore", server.toString());
            keytool("-gencert", "-alias", "ca", "-rfc", "-infile", csr.toString(), "-outfile", serverPem.toString(),
                    "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", ca.toString());
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(),
                    "-keystore", server.toString());
            keytool("-importcert", "-alias", "server", "-file", serverPem.toString(), "-keystore", server.toString());
            return new TestCa(caPem, server);
        }

        SSLContext serverContext() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(serverStore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return tls;
        }

        private static void keytool(String... args) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(List.of(args));
            command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + out);
            }
        }
    }
}
