package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p2pviewer.engine.peer.tracker.FakeTrackerConnector.FakeSocket;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.net.URI;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackerSignallingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI ONE = URI.create("ws://one.test");
    private static final URI TWO = URI.create("wss://two.test/announce");
    private static final SwarmIdentity SWARM = new SwarmIdentity("hZisoZWahU48V1cUq5vx", "-PM0203-abcdefghijkl");
    private static final String REMOTE = "-PM0203-remote000001";
    private static final String REMOTE2 = "-PM0203-remote000002";

    private final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    private final FakeTrackerConnector connector = new FakeTrackerConnector();
    private final RecordingPeerTransport transport = new RecordingPeerTransport();
    private final RecordingTrackerListener listener = new RecordingTrackerListener();

    private TrackerSignalling signalling(List<URI> trackers) {
        return new TrackerSignalling(trackers, SWARM, transport, connector, scheduler,
                TrackerClientConfig.defaults(), listener, new Random(3));
    }

    private static String offer(String from, String offerId) {
        ObjectNode n = JSON.createObjectNode().put("action", "announce").put("offer_id", offerId)
                .put("peer_id", from).put("info_hash", SWARM.infoHash());
        n.putObject("offer").put("type", "offer").put("sdp", "sdp of " + offerId);
        return n.toString();
    }

    private FakeSocket socketOf(URI tracker) {
        return connector.sockets.stream().filter(s -> s.tracker.equals(tracker)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void announcesToEveryDistinctTracker() {
        TrackerSignalling signalling = signalling(List.of(ONE, TWO, ONE));
        signalling.start();
        scheduler.runUntilIdle();
        connector.sockets.forEach(FakeSocket::open);
        scheduler.runUntilIdle();

        assertThat(signalling.trackers()).containsExactly(ONE, TWO);
        assertThat(connector.sockets).extracting(s -> s.tracker).containsExactly(ONE, TWO);
        assertThat(connector.sockets).allSatisfy(s -> assertThat(s.sent).hasSize(1));
        assertThat(signalling.statuses()).containsEntry(ONE, new TrackerStatus.Connected(ONE))
                .containsEntry(TWO, new TrackerStatus.Connected(TWO));
    }

    @Test
    void aPeerFoundThroughTwoTrackersIsConnectedOnce() {
        TrackerSignalling signalling = signalling(List.of(ONE, TWO));
        signalling.start();
        scheduler.runUntilIdle();
        connector.sockets.forEach(FakeSocket::open);
        scheduler.runUntilIdle();

        socketOf(ONE).receive(offer(REMOTE, "offer-through-one-01"));
        socketOf(TWO).receive(offer(REMOTE, "offer-through-two-01"));
        socketOf(TWO).receive(offer(REMOTE2, "offer-through-two-02"));
        scheduler.runUntilIdle();

        assertThat(transport.answeredSdps).containsExactly("sdp of offer-through-one-01", "sdp of offer-through-two-02");
        assertThat(listener.peers).extracting(RecordingTrackerListener.PeerEvent::peerId)
                .containsExactly(REMOTE, REMOTE2);
        assertThat(signalling.connectedPeers()).containsExactlyInAnyOrder(REMOTE, REMOTE2);
    }

    @Test
    void stopStopsEveryClient() {
        TrackerSignalling signalling = signalling(List.of(ONE, TWO));
        signalling.start();
        scheduler.runUntilIdle();
        connector.sockets.forEach(FakeSocket::open);
        scheduler.runUntilIdle();

        signalling.close();
        scheduler.runUntilIdle();

        assertThat(connector.sockets).allSatisfy(s -> {
            assertThat(s.closed).isTrue();
            assertThat(s.lastSent()).contains("\"event\":\"stopped\"");
        });
        assertThat(signalling.statuses().values()).allSatisfy(s -> assertThat(s).isInstanceOf(TrackerStatus.Stopped.class));
    }

    @Test
    void needsAtLeastOneTracker() {
        assertThatThrownBy(() -> signalling(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
