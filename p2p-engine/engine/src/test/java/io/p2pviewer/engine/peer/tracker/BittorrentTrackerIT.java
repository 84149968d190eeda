package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.testing.NodeTrackerProcess;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our tracker client against the reference server, npm bittorrent-tracker 11.2.3 run with node (the tracker
 * browsers' p2p-media-loader is built for): peers find each other, talk both ways, and survive a tracker crash.
 */
class BittorrentTrackerIT {
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

    private TestPeer peer(String name, URI tracker) {
        TestPeer peer = new TestPeer(name, tracker, INFO_HASH, network, connector, CONFIG);
        peers.add(peer);
        return peer;
    }

    @Test
    void twoClientsFindEachOtherThroughBittorrentTrackerAndTalkBothWays() throws Exception {
        NodeTrackerProcess tracker = closeLater(NodeTrackerProcess.start(0));

        TestPeer a = peer("a", tracker.uri()).startAndAwaitReply();
        TestPeer b = peer("b", tracker.uri()).startAndAwaitReply();

        TestPeer.exchangeMessages(a.awaitPeer(b.peerId), b.awaitPeer(a.peerId));
        assertThat(a.listener.peers).singleElement().satisfies(p -> assertThat(p.weOffered()).isFalse());
        assertThat(b.listener.peers).singleElement().satisfies(p -> assertThat(p.weOffered()).isTrue());
        assertThat(a.client.status()).isEqualTo(new TrackerStatus.Connected(tracker.uri()));
        assertThat(a.listener.messages).isEmpty();
    }

    @Test
    void aClientReportsATrackerCrashAndReconnectsWhenItComesBack() throws Exception {
        NodeTrackerProcess first = closeLater(NodeTrackerProcess.start(0));
        int port = first.port();
        TestPeer a = peer("a", first.uri()).startAndAwaitReply();

        first.kill();
        TrackerStatus.Disconnected down = a.awaitStatus(TrackerStatus.Disconnected.class);
        assertThat(down.reason()).isNotBlank();
        assertThat(down.retryIn()).isLessThanOrEqualTo(Duration.ofSeconds(1));

        NodeTrackerProcess second = closeLater(NodeTrackerProcess.start(port));
        assertThat(second.port()).isEqualTo(port);
        a.awaitStatus(TrackerStatus.Connected.class);

        // The reconnected client announced itself again: a newcomer reaches it through the new tracker.
        TestPeer c = peer("c", second.uri()).startAndAwaitReply();
        TestPeer.exchangeMessages(a.awaitPeer(c.peerId), c.awaitPeer(a.peerId));
    }
}
