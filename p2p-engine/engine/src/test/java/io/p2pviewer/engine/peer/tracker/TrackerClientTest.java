package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p2pviewer.engine.peer.tracker.FakeTrackerConnector.FakeSocket;
import io.p2pviewer.engine.peer.tracker.RecordingPeerTransport.RecordingChannel;
import io.p2pviewer.engine.peer.tracker.RecordingPeerTransport.RecordingOffer;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackerClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI TRACKER = URI.create("ws://tracker.test:8000");
    private static final SwarmIdentity SWARM = new SwarmIdentity("hZisoZWahU48V1cUq5vx", "-PM0203-abcdefghijkl");
    private static final String REMOTE = "-PM0203-remote000001";
    private static final String REMOTE2 = "-PM0203-remote000002";

    private final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    private final FakeTrackerConnector connector = new FakeTrackerConnector();
    private final RecordingPeerTransport transport = new RecordingPeerTransport();
    private final RecordingTrackerListener listener = new RecordingTrackerListener();
    private final ConnectedPeers peers = new ConnectedPeers();

    private TrackerClient client(TrackerClientConfig config) {
        return new TrackerClient(TRACKER, SWARM, transport, connector, scheduler, config, listener, new Random(1),
                peers);
    }

    private TrackerClient client() {
        return client(TrackerClientConfig.defaults());
    }

    private FakeSocket connected(TrackerClient client) {
        client.start();
        scheduler.runUntilIdle();
        FakeSocket socket = connector.last();
        socket.open();
        scheduler.runUntilIdle();
        return socket;
    }

    private void receive(FakeSocket socket, String text) {
        socket.receive(text);
        scheduler.runUntilIdle();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> announces(FakeSocket socket) {
        return socket.sent.stream().map(TrackerClientTest::json).filter(n -> !n.has("answer")).toList();
    }

    private static List<String> offerIds(JsonNode announce) {
        List<String> ids = new ArrayList<>();
        announce.path("offers").forEach(o -> ids.add(o.get("offer_id").asText()));
        return ids;
    }

    /** An announce reply counting a swarm of 50 (room for every offer). */
    private static String reply(Integer interval) {
        return reply(interval, 50);
    }

    private static String reply(Integer interval, int members) {
        ObjectNode n = JSON.createObjectNode().put("action", "announce").put("info_hash", SWARM.infoHash())
                .put("complete", 1).put("incomplete", members - 1);
        if (interval != null) {
            n.put("interval", interval);
        }
        return n.toString();
    }

    private static String answer(String from, String offerId, String sdp) {
        ObjectNode n = JSON.createObjectNode().put("action", "announce").put("offer_id", offerId)
                .put("peer_id", from).put("info_hash", SWARM.infoHash());
        n.putObject("answer").put("type", "answer").put("sdp", sdp);
        return n.toString();
    }

    private static String offer(String from, String offerId, String sdp) {
        ObjectNode n = JSON.createObjectNode().put("action", "announce").put("offer_id", offerId)
                .put("peer_id", from).put("info_hash", SWARM.infoHash());
        n.putObject("offer").put("type", "offer").put("sdp", sdp);
        return n.toString();
    }

    @Test
    void connectsAndAnnouncesStartedWithFiveOffers() {
        FakeSocket socket = connected(client());

        assertThat(listener.statuses).containsExactly(new TrackerStatus.Connecting(TRACKER, 1),
                new TrackerStatus.Connected(TRACKER));
        List<JsonNode> sent = announces(socket);
        assertThat(sent).hasSize(1);
        JsonNode a = sent.get(0);
        assertThat(a.get("event").asText()).isEqualTo("started");
        assertThat(a.get("info_hash").asText()).isEqualTo(SWARM.infoHash());
        assertThat(a.get("peer_id").asText()).isEqualTo(SWARM.peerId());
        assertThat(a.get("numwant").asInt()).isEqualTo(5);
        assertThat(offerIds(a)).hasSize(5).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).hasSize(20));
        assertThat(a.get("offers").get(0).get("offer").get("sdp").asText()).isEqualTo("offer-sdp-1");
    }

    @Test
    void anAnswerToOurOfferOpensAChannelWeOffered() {
        FakeSocket socket = connected(client());
        String offerId = offerIds(announces(socket).get(0)).get(2);

        receive(socket, answer(REMOTE, offerId, "answer-sdp"));

        RecordingOffer third = transport.offers.get(2);
        assertThat(third.acceptedWith).isEqualTo("answer-sdp");
        assertThat(listener.peers).hasSize(1);
        assertThat(listener.peers.get(0).peerId()).isEqualTo(REMOTE);
        assertThat(listener.peers.get(0).weOffered()).isTrue();
        assertThat(peers.isConnected(REMOTE)).isTrue();
    }

    @Test
    void aRelayedOfferIsAnsweredWithItsOfferIdAndOpensAChannel() {
        FakeSocket socket = connected(client());
        String offerId = BinaryString.fromBytes(new byte[] {0, (byte) 0xFF, '"', 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
            14, 15, 16, 17, 18, (byte) 0x80});

        receive(socket, offer(REMOTE, offerId, "remote-offer-sdp"));

        assertThat(transport.answeredSdps).containsExactly("remote-offer-sdp");
        JsonNode sent = json(socket.lastSent());
        assertThat(sent.get("action").asText()).isEqualTo("announce");
        assertThat(sent.get("to_peer_id").asText()).isEqualTo(REMOTE);
        assertThat(sent.get("peer_id").asText()).isEqualTo(SWARM.peerId());
        assertThat(sent.get("info_hash").asText()).isEqualTo(SWARM.infoHash());
        assertThat(sent.get("offer_id").asText()).isEqualTo(offerId);
        assertThat(sent.get("answer").get("type").asText()).isEqualTo("answer");
        assertThat(sent.get("answer").get("sdp").asText()).isEqualTo("answer-to remote-offer-sdp");
        assertThat(listener.peers).singleElement().satisfies(p -> {
            assertThat(p.peerId()).isEqualTo(REMOTE);
            assertThat(p.weOffered()).isFalse();
        });
    }

    @Test
    void unansweredOffersAreCancelledAfterFiftySecondsAndLateAnswersIgnored() {
        TrackerClient client = client();
        FakeSocket socket = connected(client);
        String offerId = offerIds(announces(socket).get(0)).get(0);

        scheduler.advance(Duration.ofSeconds(49));
        assertThat(transport.cancelledOffers()).isZero();
        assertThat(client.pendingOffers()).isEqualTo(5);

        scheduler.advance(Duration.ofSeconds(1));
        assertThat(transport.cancelledOffers()).isEqualTo(5);
        assertThat(client.pendingOffers()).isZero();

        receive(socket, answer(REMOTE, offerId, "late"));
        assertThat(transport.offers.get(0).acceptedWith).isNull();
        assertThat(listener.peers).isEmpty();
    }

    @Test
    void reAnnouncesAtTheTrackersIntervalWithFreshOffers() {
        FakeSocket socket = connected(client());
        receive(socket, reply(30));

        scheduler.advance(Duration.ofSeconds(29));
        assertThat(announces(socket)).hasSize(1);
        scheduler.advance(Duration.ofSeconds(1));

        List<JsonNode> sent = announces(socket);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).has("event")).isFalse();
        assertThat(offerIds(sent.get(1))).hasSize(5).doesNotContainAnyElementsOf(offerIds(sent.get(0)));
        assertThat(sent.get(1).get("offers").get(0).get("offer").get("sdp").asText()).isEqualTo("offer-sdp-6");
    }

    @Test
    void reAnnouncesOfferOnlyToMembersTheTrackerCountsThatWeAreNotConnectedTo() {
        FakeSocket socket = connected(client());
        receive(socket, reply(60, 4)); // us and three others
        String offerId = offerIds(announces(socket).get(0)).get(0);
        receive(socket, answer(REMOTE, offerId, "answer-sdp"));
        assertThat(listener.peers).hasSize(1);
        scheduler.advance(Duration.ofSeconds(50)); // the four unanswered offers expire

        scheduler.advance(Duration.ofSeconds(10));
        List<JsonNode> sent = announces(socket);
        assertThat(sent).hasSize(2);
        assertThat(offerIds(sent.get(1))).hasSize(2); // three others, one connected
        assertThat(sent.get(1).get("numwant").asInt()).isEqualTo(2);
    }

    @Test
    void aSwarmWeAreConnectedToWhollyGetsAnnouncesWithoutOffers() {
        TrackerClient client = client();
        FakeSocket socket = connected(client);
        receive(socket, reply(60, 1)); // only us
        int made = transport.offers.size();

        scheduler.advance(Duration.ofSeconds(60));
        scheduler.advance(Duration.ofSeconds(60));

        List<JsonNode> sent = announces(socket);
        assertThat(sent).hasSize(3); // still announced: newcomers' offers reach us through it
        assertThat(offerIds(sent.get(1))).isEmpty();
        assertThat(offerIds(sent.get(2))).isEmpty();
        assertThat(transport.offers).hasSize(made);
        assertThat(client.offersWanted()).isZero();
    }

    @Test
    void reconnectingOffersAgainEvenToASwarmWeWereWhollyConnectedTo() {
        TrackerClient client = client();
        FakeSocket first = connected(client);
        receive(first, reply(60, 2)); // us and one other
        receive(first, answer(REMOTE, offerIds(announces(first).get(0)).get(0), "answer-sdp"));
        assertThat(client.offersWanted()).isZero();

        first.drop("tracker restarted");
        scheduler.advance(Duration.ofSeconds(1));
        FakeSocket second = connector.last();
        second.open();
        scheduler.runUntilIdle();

        // A restarted tracker lost its swarm; a member that joined meanwhile offered to nobody and counts only
        // itself, so only our offers can reach it.
        assertThat(announces(second)).singleElement().satisfies(a -> assertThat(offerIds(a)).hasSize(5));
    }

    @Test
    void reAnnouncesEvery120SecondsWhenTheTrackerNamesNoInterval() {
        FakeSocket socket = connected(client());
        receive(socket, reply(null));

        scheduler.advance(Duration.ofSeconds(119));
        assertThat(announces(socket)).hasSize(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(announces(socket)).hasSize(2);
        scheduler.advance(Duration.ofSeconds(120));
        assertThat(announces(socket)).hasSize(3);
    }

    @Test
    void aTinyIntervalIsRaisedToTheMinimum() {
        TrackerClient client = client();
        FakeSocket socket = connected(client);

        receive(socket, reply(0));
        receive(socket, reply(1));

        assertThat(client.interval()).isEqualTo(Duration.ofSeconds(5));
        scheduler.advance(Duration.ofSeconds(4));
        assertThat(announces(socket)).hasSize(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(announces(socket)).hasSize(2);
    }

    @Test
    void outstandingOffersStayBoundedOldestCancelledFirst() {
        TrackerClient client = client(TrackerClientConfig.builder().maxPendingOffers(8).build());
        FakeSocket socket = connected(client);
        receive(socket, reply(10));

        for (int i = 0; i < 4; i++) {
            scheduler.advance(Duration.ofSeconds(10));
            assertThat(client.pendingOffers()).isLessThanOrEqualTo(8);
        }

        assertThat(announces(socket)).hasSize(5);
        assertThat(transport.offers).hasSize(25);
        // The newest 8 live on, everything older was cancelled (the first by the bound, none yet by age).
        assertThat(transport.offers.subList(0, 17)).allSatisfy(o -> assertThat(o.cancelled).isTrue());
        assertThat(transport.offers.subList(17, 25)).allSatisfy(o -> assertThat(o.cancelled).isFalse());
    }

    @Test
    void reconnectsWithGrowingJitteredBackoff() {
        TrackerClient client = client();
        client.start();
        scheduler.runUntilIdle();

        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            connector.last().drop("connection refused");
            scheduler.runUntilIdle();
            TrackerStatus.Disconnected d = (TrackerStatus.Disconnected) listener.lastStatus();
            assertThat(d.reason()).isEqualTo("connection refused");
            delays.add(d.retryIn());
            int sockets = connector.sockets.size();
            scheduler.advance(d.retryIn().minusMillis(1));
            assertThat(connector.sockets).hasSize(sockets);
            scheduler.advance(Duration.ofMillis(1));
            assertThat(connector.sockets).hasSize(sockets + 1);
        }

        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        for (int i = 0; i < delays.size(); i++) {
            assertThat(delays.get(i)).isBetween(backoff.ceiling(i).dividedBy(2), backoff.ceiling(i));
        }
        assertThat(delays.get(8)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(listener.statusesOf(TrackerStatus.Connecting.class)).extracting(TrackerStatus.Connecting::attempt)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aTrackerReplyResetsTheBackoff() {
        TrackerClient client = client();
        client.start();
        scheduler.runUntilIdle();
        for (int i = 0; i < 5; i++) {
            connector.last().drop("refused");
            scheduler.advance(Duration.ofSeconds(60));
        }
        FakeSocket socket = connector.last();
        socket.open();
        scheduler.runUntilIdle();
        receive(socket, reply(120));

        socket.drop("tracker restarted");
        scheduler.runUntilIdle();

        TrackerStatus.Disconnected d = (TrackerStatus.Disconnected) listener.lastStatus();
        assertThat(d.retryIn()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void reconnectingAnnouncesStartedAgainAndKeepsPendingOffersAnswerable() {
        TrackerClient client = client();
        FakeSocket first = connected(client);
        String offerId = offerIds(announces(first).get(0)).get(0);

        first.drop("gone");
        scheduler.advance(Duration.ofSeconds(1));
        FakeSocket second = connector.last();
        assertThat(second).isNotSameAs(first);
        second.open();
        scheduler.runUntilIdle();

        assertThat(announces(second)).singleElement()
                .satisfies(a -> assertThat(a.get("event").asText()).isEqualTo("started"));
        receive(second, answer(REMOTE, offerId, "answer-after-reconnect"));
        assertThat(listener.peers).hasSize(1);
    }

    @Test
    void stopSendsStoppedClosesTheSocketAndNeverReconnects() {
        TrackerClient client = client();
        FakeSocket socket = connected(client);

        client.stop();
        scheduler.runUntilIdle();

        JsonNode last = json(socket.lastSent());
        assertThat(last.get("event").asText()).isEqualTo("stopped");
        assertThat(last.has("offers")).isFalse();
        assertThat(socket.closed).isTrue();
        assertThat(transport.cancelledOffers()).isEqualTo(5);
        assertThat(listener.lastStatus()).isEqualTo(new TrackerStatus.Stopped(TRACKER));

        socket.drop("closed");
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(connector.sockets).hasSize(1);
        assertThat(listener.lastStatus()).isEqualTo(new TrackerStatus.Stopped(TRACKER));
    }

    @Test
    void aSecondChannelToAConnectedPeerIsClosed() {
        FakeSocket socket = connected(client());
        List<String> ids = offerIds(announces(socket).get(0));

        receive(socket, answer(REMOTE, ids.get(0), "a1"));
        receive(socket, answer(REMOTE, ids.get(1), "a2"));
        receive(socket, offer(REMOTE, "remote-offer-id-0001", "o1"));

        assertThat(listener.peers).hasSize(1);
        assertThat(transport.offers.get(1).cancelled).isTrue();
        assertThat(transport.offers.get(1).acceptedWith).isNull();
        assertThat(transport.answeredSdps).isEmpty();
    }

    @Test
    void aPeerWhoseChannelClosedCanConnectAgain() {
        FakeSocket socket = connected(client());
        receive(socket, offer(REMOTE, "remote-offer-id-0001", "o1"));
        RecordingChannel channel = transport.channels.get(0);
        listener.peers.get(0).channel().setListener(new PeerChannelListener() {
            @Override
            public void onMessage(byte[] message) {
            }

            @Override
            public void onClose(String reason) {
            }
        });

        channel.closeFromRemote();
        receive(socket, offer(REMOTE, "remote-offer-id-0002", "o2"));

        assertThat(listener.peers).hasSize(2);
        assertThat(transport.answeredSdps).containsExactly("o1", "o2");
    }

    @Test
    void duplicateChannelsAreClosedWhenTheyOpenAtTheSameTime() {
        FakeSocket socket = connected(client());
        String ourOffer = offerIds(announces(socket).get(0)).get(0);

        // Their offer reached us while our offer reached them: both connections open.
        receive(socket, offer(REMOTE, "remote-offer-id-0001", "o1"));
        receive(socket, answer(REMOTE, ourOffer, "a1"));

        assertThat(listener.peers).hasSize(1);
        assertThat(transport.offers.get(0).cancelled).isTrue();
    }

    @Test
    void failuresAndWarningsAreReportedAndTheClientCarriesOn() {
        FakeSocket socket = connected(client());

        receive(socket, "{\"failure reason\":\"swarm full\",\"info_hash\":\"" + SWARM.infoHash() + "\"}");
        receive(socket, "{\"action\":\"announce\",\"warning message\":\"be nice\",\"interval\":60,\"info_hash\":\""
                + SWARM.infoHash() + "\",\"complete\":3,\"incomplete\":4}");

        assertThat(listener.messages).containsExactly(
                new RecordingTrackerListener.TrackerMessage(TRACKER, "swarm full", true),
                new RecordingTrackerListener.TrackerMessage(TRACKER, "be nice", false));
        assertThat(listener.counts).singleElement().satisfies(c -> assertThat(c).containsExactly(3, 4));
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(announces(socket)).hasSize(2);
    }

    @Test
    void garbageOversizedAndForeignMessagesAreDropped() {
        TrackerClient client = client(TrackerClientConfig.builder().maxMessageChars(1000).build());
        FakeSocket socket = connected(client);
        String ourOffer = offerIds(announces(socket).get(0)).get(0);

        for (String garbage : List.of("", "{", "[]", "null", "{\"action\":7}", "\u0000\u0001",
                "{\"action\":\"announce\",\"offer\":{},\"peer_id\":\"x\",\"info_hash\":\"" + SWARM.infoHash() + "\"}")) {
            receive(socket, garbage);
        }
        receive(socket, offer(REMOTE, "remote-offer-id-0001", "x".repeat(1000)));
        receive(socket, answer(REMOTE, ourOffer, "a").replace(SWARM.infoHash(), "AAAAAAAAAAAAAAAAAAAA"));

        assertThat(transport.answeredSdps).isEmpty();
        assertThat(listener.peers).isEmpty();
        assertThat(socket.closed).isFalse();
        receive(socket, answer(REMOTE, ourOffer, "a"));
        assertThat(listener.peers).hasSize(1);
    }

    @Test
    void offersNotReadyInTimeAreLeftOutAndCancelledWhenTheyArrive() {
        transport.holdOffers = true;
        FakeSocket socket = connected(client());
        transport.releaseHeld(3);
        scheduler.runUntilIdle();
        assertThat(announces(socket)).isEmpty();

        scheduler.advance(Duration.ofSeconds(15));
        assertThat(announces(socket)).singleElement().satisfies(a -> assertThat(offerIds(a)).hasSize(3));

        transport.releaseHeld(2);
        scheduler.runUntilIdle();
        assertThat(transport.offers.subList(3, 5)).allSatisfy(o -> assertThat(o.cancelled).isTrue());
        assertThat(transport.offers.subList(0, 3)).allSatisfy(o -> assertThat(o.cancelled).isFalse());
    }

    @Test
    void offersMadeForALostConnectionAreCancelled() {
        transport.holdOffers = true;
        FakeSocket socket = connected(client());

        socket.drop("lost");
        scheduler.runUntilIdle();
        transport.releaseHeld(5);
        scheduler.runUntilIdle();

        assertThat(socket.sent).isEmpty();
        assertThat(transport.cancelledOffers()).isEqualTo(5);
        transport.holdOffers = false;
        scheduler.advance(Duration.ofSeconds(1));
        FakeSocket next = connector.last();
        next.open();
        scheduler.runUntilIdle();
        assertThat(announces(next)).singleElement().satisfies(a -> assertThat(offerIds(a)).hasSize(5));
    }

    @Test
    void answersInProgressAreCappedAndOnePerPeer() {
        transport.holdAnswers = true;
        TrackerClient client = client(TrackerClientConfig.builder().maxPendingAnswers(1).build());
        FakeSocket socket = connected(client);

        receive(socket, offer(REMOTE, "remote-offer-id-0001", "o1"));
        receive(socket, offer(REMOTE, "remote-offer-id-0002", "o1-again"));
        receive(socket, offer(REMOTE2, "remote-offer-id-0003", "o2"));
        assertThat(transport.answeredSdps).containsExactly("o1");

        // An answer that never leads to a connection stops counting after the offer timeout.
        scheduler.advance(Duration.ofSeconds(50));
        receive(socket, offer(REMOTE2, "remote-offer-id-0004", "o2-later"));
        assertThat(transport.answeredSdps).containsExactly("o1", "o2-later");
    }

    @Test
    void listenerExceptionsDoNotBreakTheClient() {
        TrackerListener throwing = new TrackerListener() {
            @Override
            public void onPeer(String remotePeerId, io.p2pviewer.engine.peer.transport.PeerChannel channel,
                               boolean weOffered) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onStatus(TrackerStatus status) {
                throw new IllegalStateException("boom");
            }
        };
        TrackerClient client = new TrackerClient(TRACKER, SWARM, transport, connector, scheduler,
                TrackerClientConfig.defaults(), throwing, new Random(1), peers);
        FakeSocket socket = connected(client);

        receive(socket, offer(REMOTE, "remote-offer-id-0001", "o1"));

        assertThat(announces(socket)).hasSize(1);
        assertThat(peers.isConnected(REMOTE)).isTrue();
    }

    @Test
    void rejectsNonWebSocketTrackers() {
        assertThatThrownBy(() -> new TrackerClient(URI.create("http://tracker.test/announce"), SWARM, transport,
                connector, scheduler, TrackerClientConfig.defaults(), listener))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ws://");
    }

    @Test
    void offerIdsAreRandomTwentyByteStrings() {
        FakeSocket socket = connected(client(TrackerClientConfig.builder().maxPendingOffers(100).build()));
        for (int i = 0; i < 10; i++) {
            scheduler.advance(Duration.ofSeconds(120));
        }

        Set<String> ids = new HashSet<>();
        announces(socket).forEach(a -> ids.addAll(offerIds(a)));
        assertThat(ids).hasSize(55).allSatisfy(id -> assertThat(BinaryString.isId(id)).isTrue());
        assertThat(ids.stream().flatMapToInt(String::chars).filter(c -> c > 0x7F).count()).isGreaterThan(0);
    }

    // ---- a hostile tracker (issue 24): the client stays bounded ----

    @Test
    void anOfferFloodIsAnsweredOnlyUpToThePendingAnswersAndTheClientCarriesOn() {
        transport.holdAnswers = true;
        TrackerClientConfig config = TrackerClientConfig.defaults();
        FakeSocket socket = connected(client(config));

        for (int i = 0; i < 10_000; i++) {
            receive(socket, offer(String.format("-PM0203-flood%07d", i), String.format("flood-offer-%08d", i), "o" + i));
        }

        assertThat(transport.answeredSdps).as("answers started for 10,000 offered peers")
                .hasSize(config.maxPendingAnswers());
        scheduler.advance(config.offerTimeout().plusSeconds(1));
        receive(socket, offer(REMOTE, "remote-offer-id-0001", "honest"));
        assertThat(transport.answeredSdps).as("once the flood's answers timed out, an honest offer is answered")
                .contains("honest");
        assertThat(socket.closed).isFalse();
    }

    @Test
    void aPeerReconnectingUnderNewIdsIsAnsweredOnlyAtTheAnswerRate() {
        TrackerClientConfig config = TrackerClientConfig.defaults();
        TrackerClient client = client(config);
        FakeSocket socket = connected(client);

        // Each connection opens at once (the fake transport) and the peer comes back under a new id 10 times a
        // second for two minutes: without a rate that is 1,200 peer connections.
        for (int i = 0; i < 1_200; i++) {
            receive(socket, offer(String.format("-PM0203-sybil%07d", i), String.format("sybil-offer-%08d", i),
                    "s" + i));
            listener.peers.forEach(p -> p.channel().close());
            scheduler.advance(Duration.ofMillis(100));
        }

        int burst = config.maxPendingAnswers();
        int rated = 2 * config.answersPerMinute();
        assertThat(transport.answeredSdps.size()).as("answers in two minutes")
                .isBetween(burst + rated - 2, burst + rated + 1);
        assertThat(client.answersRefused()).isEqualTo(1_200 - transport.answeredSdps.size());
        assertThat(socket.closed).isFalse();
    }

    @Test
    void answersForOffersNeverMadeOpenNothing() {
        FakeSocket socket = connected(client());

        for (int i = 0; i < 1_000; i++) {
            receive(socket, answer(String.format("-PM0203-liar0%07d", i), String.format("never-made-%08d", i), "a"));
        }

        assertThat(listener.peers).isEmpty();
        assertThat(transport.channels).isEmpty();
        assertThat(socket.closed).isFalse();
    }

    @Test
    void giantAndDeeplyNestedJsonIsDroppedWithoutHarm() {
        FakeSocket socket = connected(client());
        String ourOffer = offerIds(announces(socket).get(0)).get(0);

        receive(socket, "{\"action\":\"announce\",\"x\":\"" + "A".repeat(16 << 20) + "\"}"); // 16 Mi chars
        receive(socket, "[".repeat(200_000) + "]".repeat(200_000)); // far deeper than any parser's stack
        receive(socket, "{\"a\":".repeat(100_000));

        assertThat(socket.closed).isFalse();
        receive(socket, answer(REMOTE, ourOffer, "a"));
        assertThat(listener.peers).as("still working").hasSize(1);
    }

    @Test
    void aTrackerThatAcceptsAndNeverAnswersKeepsOurPendingOffersBounded() {
        TrackerClientConfig config = TrackerClientConfig.defaults();
        TrackerClient client = client(config);
        connected(client);

        int most = 0;
        for (int minute = 0; minute < 60; minute++) {
            scheduler.advance(Duration.ofMinutes(1));
            most = Math.max(most, client.pendingOffers());
        }

        assertThat(most).as("unanswered offers at most").isLessThanOrEqualTo(config.maxPendingOffers());
        assertThat(transport.offers.size() - transport.cancelledOffers())
                .as("offers made and not cancelled after an hour of silence").isLessThanOrEqualTo(config.maxPendingOffers());
    }
}
