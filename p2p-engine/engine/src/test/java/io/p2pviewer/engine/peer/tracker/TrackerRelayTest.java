package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackerRelayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SWARM = "hZisoZWahU48V1cUq5vx";
    private static final String OTHER_SWARM = "AAAAAAAAAAAAAAAAAAAA";

    private final FakeTaskScheduler time = new FakeTaskScheduler();
    private EmbeddedTrackerConfig config = EmbeddedTrackerConfig.defaults();
    private TrackerRelay relay = new TrackerRelay(config, time.clock(), new Random(5));

    /** A connection that records what the relay sends it. */
    static final class RecordingConnection implements RelayConnection {
        final String name;
        final List<JsonNode> received = new ArrayList<>();
        Integer closeCode;

        String token;

        RecordingConnection(String name) {
            this.name = name;
        }

        @Override
        public String joinToken() {
            return token;
        }

        @Override
        public void send(String text) {
            try {
                received.add(JSON.readTree(text));
            } catch (Exception e) {
                throw new AssertionError("relay sent invalid JSON: " + text, e);
            }
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
        }

        JsonNode last() {
            return received.get(received.size() - 1);
        }

        List<JsonNode> withField(String field) {
            return received.stream().filter(n -> n.has(field)).toList();
        }
    }

    private static String peerId(int n) {
        return String.format("-PM0203-peer%08d", n);
    }

    private RecordingConnection connect(String name) {
        RecordingConnection c = new RecordingConnection(name);
        relay.opened(c);
        return c;
    }

    private static ObjectNode announce(String infoHash, String peerId, String event, int offers) {
        ObjectNode n = JSON.createObjectNode().put("action", "announce").put("info_hash", infoHash)
                .put("peer_id", peerId).put("numwant", offers).put("uploaded", 0).put("downloaded", 0);
        if (event != null) {
            n.put("event", event);
        }
        ArrayNode array = n.putArray("offers");
        for (int i = 0; i < offers; i++) {
            ObjectNode o = array.addObject();
            o.putObject("offer").put("type", "offer").put("sdp", peerId + " sdp " + i);
            o.put("offer_id", String.format("offer-%s-%05d", peerId.substring(12), i));
        }
        return n;
    }

    private RecordingConnection join(String name, int peer) {
        RecordingConnection c = connect(name);
        relay.received(c, announce(SWARM, peerId(peer), "started", 0).toString());
        return c;
    }

    @Test
    void announceRegistersThePeerAndRepliesWithIntervalAndCounts() {
        RecordingConnection a = join("a", 1);
        RecordingConnection b = join("b", 2);

        JsonNode reply = b.last();
        assertThat(reply.get("action").asText()).isEqualTo("announce");
        assertThat(reply.get("interval").asInt()).isEqualTo(120);
        assertThat(reply.get("info_hash").asText()).isEqualTo(SWARM);
        assertThat(reply.get("complete").asInt()).isZero();
        assertThat(reply.get("incomplete").asInt()).isEqualTo(2);
        assertThat(a.received).hasSize(1);
        assertThat(relay.counters()).satisfies(c -> {
            assertThat(c.swarms()).isEqualTo(1);
            assertThat(c.peers()).isEqualTo(2);
            assertThat(c.connections()).isEqualTo(2);
            assertThat(c.announces()).isEqualTo(2);
        });
    }

    @Test
    void eachOfferGoesToADifferentRandomPeerNeverToTheOfferer() {
        List<RecordingConnection> others = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            others.add(join("p" + i, i));
        }
        RecordingConnection offerer = join("offerer", 99);
        Map<String, Integer> hits = new HashMap<>();

        for (int round = 0; round < 200; round++) {
            time.advance(Duration.ofMillis(100)); // within the message rate limit
            others.forEach(c -> c.received.clear());
            relay.received(offerer, announce(SWARM, peerId(99), null, 5).toString());

            List<JsonNode> forwarded = new ArrayList<>();
            for (RecordingConnection c : others) {
                List<JsonNode> offers = c.withField("offer");
                assertThat(offers).as("one offer per peer").hasSizeLessThanOrEqualTo(1);
                offers.forEach(o -> hits.merge(c.name, 1, Integer::sum));
                forwarded.addAll(offers);
            }
            assertThat(forwarded).hasSize(5);
            assertThat(forwarded).extracting(o -> o.get("offer_id").asText()).doesNotHaveDuplicates();
            assertThat(forwarded).allSatisfy(o -> {
                assertThat(o.get("action").asText()).isEqualTo("announce");
                assertThat(o.get("peer_id").asText()).isEqualTo(peerId(99));
                assertThat(o.get("info_hash").asText()).isEqualTo(SWARM);
                assertThat(o.get("offer").get("type").asText()).isEqualTo("offer");
            });
            assertThat(offerer.withField("offer")).isEmpty();
        }
        assertThat(hits).hasSize(8);
        assertThat(hits.values()).allSatisfy(n -> assertThat(n).isBetween(60, 190));
        assertThat(relay.counters().offersRelayed()).isEqualTo(1000);
    }

    @Test
    void offersAreLimitedByTheOtherPeersAndByNumwant() {
        RecordingConnection a = join("a", 1);
        RecordingConnection b = join("b", 2);
        RecordingConnection lone = connect("lone");

        relay.received(lone, announce(OTHER_SWARM, peerId(3), "started", 5).toString());
        relay.received(a, announce(SWARM, peerId(1), null, 5).toString());
        ObjectNode fewer = announce(SWARM, peerId(2), null, 5).put("numwant", 0);
        relay.received(b, fewer.toString());

        assertThat(lone.withField("offer")).isEmpty();
        assertThat(b.withField("offer")).hasSize(1);
        assertThat(a.withField("offer")).isEmpty();
        assertThat(relay.counters().offersRelayed()).isEqualTo(1);
    }

    @Test
    void answersGoToTheOffererWithTheAnswerersPeerId() {
        RecordingConnection a = join("a", 1);
        RecordingConnection b = join("b", 2);
        relay.received(a, announce(SWARM, peerId(1), null, 1).toString());
        JsonNode forwarded = b.withField("offer").get(0);
        String offerId = forwarded.get("offer_id").asText();

        ObjectNode answer = JSON.createObjectNode().put("action", "announce").put("info_hash", SWARM)
                .put("peer_id", peerId(2)).put("to_peer_id", peerId(1)).put("offer_id", offerId);
        answer.putObject("answer").put("type", "answer").put("sdp", "answer sdp");
        int before = b.received.size();
        relay.received(b, answer.toString());

        JsonNode relayed = a.last();
        assertThat(relayed.get("action").asText()).isEqualTo("announce");
        assertThat(relayed.get("answer").get("sdp").asText()).isEqualTo("answer sdp");
        assertThat(relayed.get("offer_id").asText()).isEqualTo(offerId);
        assertThat(relayed.get("peer_id").asText()).isEqualTo(peerId(2));
        assertThat(relayed.get("info_hash").asText()).isEqualTo(SWARM);
        assertThat(b.received).as("no reply to an answer").hasSize(before);
        assertThat(relay.counters().answersRelayed()).isEqualTo(1);
    }

    @Test
    void anAnswerToAnAbsentPeerIsCountedNotDelivered() {
        RecordingConnection b = join("b", 2);
        ObjectNode answer = JSON.createObjectNode().put("action", "announce").put("info_hash", SWARM)
                .put("peer_id", peerId(2)).put("to_peer_id", peerId(7)).put("offer_id", "x");
        answer.putObject("answer").put("type", "answer").put("sdp", "s");

        relay.received(b, answer.toString());

        assertThat(relay.counters().answersUndeliverable()).isEqualTo(1);
        assertThat(relay.counters().answersRelayed()).isZero();
    }

    @Test
    void binaryIdsAreRelayedUnchanged() {
        String binaryPeer = BinaryString.fromBytes(new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0x80, '"', '\\', 7, 8, 9,
            10, 11, 12, 13, 14, 15, 16, 17, 18, 19});
        String binaryOffer = BinaryString.fromBytes(new byte[] {(byte) 0xFE, 0, '"', 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
            13, 14, 15, 16, 17, 18, (byte) 0xC3});
        RecordingConnection a = join("a", 1);
        RecordingConnection b = connect("b");
        ObjectNode offer = announce(SWARM, binaryPeer, "started", 1);
        ((ObjectNode) offer.get("offers").get(0)).put("offer_id", binaryOffer);

        relay.received(b, offer.toString());

        JsonNode forwarded = a.withField("offer").get(0);
        assertThat(BinaryString.toBytes(forwarded.get("peer_id").asText())).isEqualTo(BinaryString.toBytes(binaryPeer));
        assertThat(BinaryString.toBytes(forwarded.get("offer_id").asText()))
                .isEqualTo(BinaryString.toBytes(binaryOffer));
    }

    @Test
    void stoppedRemovesThePeerAndEmptySwarms() {
        RecordingConnection a = join("a", 1);
        join("b", 2);

        relay.received(a, announce(SWARM, peerId(1), "stopped", 0).toString());
        assertThat(a.last().get("incomplete").asInt()).isEqualTo(1);
        assertThat(relay.counters().peers()).isEqualTo(1);

        relay.received(a, announce(SWARM, peerId(1), "stopped", 0).toString());
        assertThat(relay.counters().peers()).isEqualTo(1);
    }

    @Test
    void closingAConnectionRemovesItsPeersFromEverySwarm() {
        RecordingConnection a = join("a", 1);
        relay.received(a, announce(OTHER_SWARM, peerId(11), "started", 0).toString());
        join("b", 2);
        assertThat(relay.counters().swarms()).isEqualTo(2);

        relay.closed(a);

        assertThat(relay.counters()).satisfies(c -> {
            assertThat(c.swarms()).isEqualTo(1);
            assertThat(c.peers()).isEqualTo(1);
            assertThat(c.connections()).isEqualTo(1);
        });
    }

    @Test
    void aPeerThatReconnectsIsBoundToItsNewConnection() {
        RecordingConnection old = join("old", 1);
        RecordingConnection fresh = join("fresh", 1);
        RecordingConnection b = join("b", 2);

        relay.closed(old);
        relay.received(b, announce(SWARM, peerId(2), null, 1).toString());

        assertThat(relay.counters().peers()).isEqualTo(2);
        assertThat(fresh.withField("offer")).hasSize(1);
        assertThat(old.withField("offer")).isEmpty();
    }

    @Test
    void idlePeersExpire() {
        relay = new TrackerRelay(config.newBuilder().peerTimeout(Duration.ofMinutes(20)).build(), time.clock(),
                new Random(1));
        RecordingConnection a = join("a", 1);
        join("b", 2);

        time.advance(Duration.ofMinutes(10));
        relay.received(a, announce(SWARM, peerId(1), null, 0).toString());
        time.advance(Duration.ofMinutes(10));
        assertThat(relay.expireIdle()).isEqualTo(1);
        assertThat(relay.counters().peers()).isEqualTo(1);

        time.advance(Duration.ofMinutes(10));
        assertThat(relay.expireIdle()).isEqualTo(1);
        assertThat(relay.counters()).satisfies(c -> {
            assertThat(c.swarms()).isZero();
            assertThat(c.expiredPeers()).isEqualTo(2);
        });
    }

    @Test
    void aFullSwarmRefusesNewPeers() {
        relay = new TrackerRelay(config.newBuilder().maxSwarmPeers(2).build(), time.clock(), new Random(1));
        RecordingConnection a = join("a", 1);
        join("b", 2);
        RecordingConnection c = join("c", 3);

        assertThat(c.last().get("failure reason").asText()).isEqualTo("swarm full");
        assertThat(c.last().get("info_hash").asText()).isEqualTo(SWARM);
        relay.received(a, announce(SWARM, peerId(1), null, 0).toString());
        assertThat(a.last().has("failure reason")).isFalse();
        assertThat(relay.counters().peers()).isEqualTo(2);
    }

    @Test
    void theNumberOfSwarmsIsBounded() {
        relay = new TrackerRelay(config.newBuilder().maxSwarms(1).build(), time.clock(), new Random(1));
        RecordingConnection a = join("a", 1);

        relay.received(a, announce(OTHER_SWARM, peerId(1), "started", 0).toString());

        assertThat(a.last().get("failure reason").asText()).isEqualTo("too many swarms");
        assertThat(relay.counters().swarms()).isEqualTo(1);
    }

    /**
     * Closing a socket takes its lock, and the socket's selector thread, holding that lock, tells the relay the
     * connection closed. The relay closed an oversized or flooding connection while holding its own lock, so the two
     * threads waited on each other for ever (the tracker stopped serving; seen in a CI run of EmbeddedTrackerIT).
     * Here the connection's close does what the selector does, on another thread, and waits for it.
     */
    @Test
    void aConnectionIsClosedOutsideTheRelaysLockSoTheSocketsCloseCallbackCanRun() throws Exception {
        relay = new TrackerRelay(config.newBuilder().maxMessageChars(1000).maxMessagesPerSecond(2).build(),
                time.clock(), new Random(1));
        List<String> outcomes = new ArrayList<>();
        for (String message : new String[] {"x".repeat(1001), "flood"}) {
            RelayConnection c = new RelayConnection() {
                @Override
                public void send(String text) {
                }

                @Override
                public void close(int code, String reason) {
                    Thread selector = new Thread(() -> relay.closed(this));
                    selector.start();
                    try {
                        selector.join(2000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    outcomes.add(reason + (selector.isAlive() ? ": the close callback is blocked" : ": closed"));
                }
            };
            relay.opened(c);
            for (int i = 0; i < 100 && outcomes.size() < (message.equals("flood") ? 2 : 1); i++) {
                relay.received(c, message);
            }
        }
        assertThat(outcomes).containsExactly("message too large: closed", "message flood: closed");
        assertThat(relay.counters().connections()).isZero();
    }

    @Test
    void anOversizedMessageGetsAFailureAndClosesTheSocket() {
        relay = new TrackerRelay(config.newBuilder().maxMessageChars(1000).build(), time.clock(), new Random(1));
        RecordingConnection a = connect("a");
        ObjectNode big = announce(SWARM, peerId(1), "started", 1);
        ((ObjectNode) big.get("offers").get(0).get("offer")).put("sdp", "x".repeat(1000));

        relay.received(a, big.toString());

        assertThat(a.last().get("failure reason").asText()).isEqualTo("message too large");
        assertThat(a.closeCode).isEqualTo(1009);
        assertThat(relay.counters().peers()).isZero();
    }

    @Test
    void badIdsAndUnknownActionsGetFailureReasons() {
        RecordingConnection a = connect("a");

        relay.received(a, announce("short", peerId(1), "started", 0).toString());
        assertThat(a.last().get("failure reason").asText()).isEqualTo("invalid info_hash");
        relay.received(a, announce(SWARM, "-PM0203-toolong-peer-id", "started", 0).toString());
        assertThat(a.last().get("failure reason").asText()).isEqualTo("invalid peer_id");
        assertThat(a.last().get("info_hash").asText()).isEqualTo(SWARM);
        ObjectNode answerWithoutTarget = announce(SWARM, peerId(1), null, 0);
        answerWithoutTarget.putObject("answer").put("sdp", "x");
        relay.received(a, answerWithoutTarget.toString());
        assertThat(a.last().get("failure reason").asText()).contains("to_peer_id");
        relay.received(a, "{\"action\":\"dance\"}");
        assertThat(a.last().get("failure reason").asText()).contains("invalid action");

        assertThat(relay.counters().failures()).isEqualTo(4);
        assertThat(relay.counters().peers()).isZero();
    }

    @Test
    void garbageNeverThrowsAndLeavesTheSwarmWorking() {
        RecordingConnection a = join("a", 1);
        RecordingConnection b = join("b", 2);
        List<String> garbage = List.of("", "{", "[]", "null", "42", "\"s\"", "{\"action\":null}",
                "{\"action\":\"announce\",\"info_hash\":7,\"peer_id\":[]}",
                "{\"action\":\"announce\",\"info_hash\":\"" + SWARM + "\",\"peer_id\":\"" + peerId(2)
                        + "\",\"offers\":\"nope\"}",
                "{\"action\":\"announce\",\"info_hash\":\"" + SWARM + "\",\"peer_id\":\"" + peerId(2)
                        + "\",\"offers\":[1,null,{\"offer\":1},{\"offer\":{},\"offer_id\":5}]}",
                "{\"action\":\"announce\",\"info_hash\":\"" + SWARM + "\",\"peer_id\":\"" + peerId(2)
                        + "\",\"to_peer_id\":\"" + peerId(1) + "\",\"answer\":\"x\"}",
                "{\"action\":\"scrape\",\"info_hash\":[1,2]}",
                "{\"action\":\"announce\",\"info_hash\":\"" + SWARM + "\",\"peer_id\":\"" + peerId(2)
                        + "\",\"numwant\":\"many\",\"left\":\"x\",\"event\":{}}");

        for (String g : garbage) {
            relay.received(b, g);
        }

        assertThat(a.withField("offer")).isEmpty();
        assertThat(a.withField("answer")).isEmpty();
        relay.received(b, announce(SWARM, peerId(2), null, 1).toString());
        assertThat(a.withField("offer")).hasSize(1);
        assertThat(relay.counters().peers()).isEqualTo(2);
        assertThat(relay.counters().failures()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void aMessageFloodIsRefusedThenClosedWhileOthersAreStillServed() {
        RecordingConnection a = join("a", 1);
        RecordingConnection flooder = join("flooder", 2);
        int perSecond = config.maxMessagesPerSecond();

        int offersBefore = a.withField("offer").size();
        for (int i = 0; i < 10_000 && flooder.closeCode == null; i++) {
            relay.received(flooder, announce(SWARM, peerId(2), null, 1).toString());
        }

        assertThat(flooder.closeCode).as("a sustained flood closes the socket").isEqualTo(TrackerRelay.CLOSE_POLICY);
        assertThat(flooder.withField("failure reason")).as("one failure told, the rest dropped quietly")
                .hasSize(1).first().satisfies(f -> assertThat(f.get("failure reason").asText()).contains("rate limit"));
        assertThat(relay.counters().rateLimitReplies()).as("the tracker counts the failure it told").isEqualTo(1);
        assertThat(a.withField("offer").size() - offersBefore).as("offers relayed: the burst only")
                .isLessThanOrEqualTo(2 * perSecond);
        time.advance(Duration.ofSeconds(1));
        relay.received(a, announce(SWARM, peerId(1), null, 0).toString());
        assertThat(a.last().has("failure reason")).as("another connection is still served").isFalse();
    }

    @Test
    void aClientWithinTheRateIsNeverLimited() {
        RecordingConnection a = join("a", 1);
        for (int i = 0; i < 600; i++) { // a minute at 10 messages a second
            time.advance(Duration.ofMillis(100));
            relay.received(a, announce(SWARM, peerId(1), null, 0).toString());
            assertThat(a.last().has("failure reason")).isFalse();
        }
    }

    @Test
    void scrapeReportsSwarmCounts() {
        RecordingConnection a = join("a", 1);

        relay.received(a, "{\"action\":\"scrape\",\"info_hash\":[\"" + SWARM + "\",\"" + OTHER_SWARM + "\"]}");

        JsonNode files = a.last().get("files");
        assertThat(a.last().get("action").asText()).isEqualTo("scrape");
        assertThat(files.get(SWARM).get("incomplete").asInt()).isEqualTo(1);
        assertThat(files.get(OTHER_SWARM).get("incomplete").asInt()).isZero();
    }

    private final io.p2pviewer.testing.FakeClock clock = new io.p2pviewer.testing.FakeClock();

    /** Restarts the relay so that it requires join tokens checked against {@link #clock}. */
    private JoinTokens requireTokens() {
        JoinTokens tokens = new JoinTokens(JoinTokensTest.SECRET, clock);
        relay = new TrackerRelay(config, clock, new Random(5), tokens);
        return tokens;
    }

    @Test
    void withTokensOnlyAdmittedPeersJoinAndRefusedOnesGetTheReasonAndForwardNoOffers() {
        JoinTokens tokens = requireTokens();
        RecordingConnection good = connect("good");
        good.token = tokens.issue(List.of(SWARM), Duration.ofMinutes(10));
        relay.received(good, announce(SWARM, peerId(1), "started", 0).toString());

        java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put(null, "join token required");
        bad.put("garbage", "join token invalid");
        bad.put(new JoinTokens(new byte[32], clock).issue(List.of(SWARM), Duration.ofMinutes(10)),
                "join token invalid");
        bad.put(tokens.issue(List.of(OTHER_SWARM), Duration.ofMinutes(10)), "join token not valid for this swarm");
        int n = 2;
        for (var e : bad.entrySet()) {
            RecordingConnection c = connect("bad" + n);
            c.token = e.getKey();
            relay.received(c, announce(SWARM, peerId(n), "started", 3).toString());
            assertThat(c.last().get("failure reason").asText()).isEqualTo(e.getValue());
            assertThat(c.last().get("info_hash").asText()).isEqualTo(SWARM);
            n++;
        }

        assertThat(good.withField("offer")).as("no offer of a refused peer is forwarded").isEmpty();
        assertThat(relay.counters().peers()).isEqualTo(1);
        assertThat(relay.counters().refusedTokens()).isEqualTo(4);
        assertThat(relay.counters().offersRelayed()).isZero();
    }

    @Test
    void aPeerWhoseTokenExpiresLeavesTheSwarmAtItsNextAnnounce() {
        JoinTokens tokens = requireTokens();
        RecordingConnection a = connect("a");
        a.token = tokens.issue(List.of(SWARM), Duration.ofMinutes(1));
        RecordingConnection b = connect("b");
        b.token = tokens.issue(List.of("*"), Duration.ofHours(1));
        relay.received(a, announce(SWARM, peerId(1), "started", 0).toString());
        relay.received(b, announce(SWARM, peerId(2), "started", 0).toString());
        assertThat(relay.counters().peers()).isEqualTo(2);

        clock.elapse(Duration.ofMinutes(1));
        relay.received(a, announce(SWARM, peerId(1), null, 2).toString());

        assertThat(a.last().get("failure reason").asText()).isEqualTo("join token expired");
        assertThat(relay.counters().peers()).isEqualTo(1);
        assertThat(b.withField("offer")).isEmpty();
        relay.received(b, announce(SWARM, peerId(2), null, 2).toString());
        assertThat(a.withField("offer")).as("offers go only to admitted peers").isEmpty();
    }

    @Test
    void scrapeNeedsATokenForTheSwarmsAsked() {
        JoinTokens tokens = requireTokens();
        RecordingConnection c = connect("c");
        relay.received(c, "{\"action\":\"scrape\"}");
        assertThat(c.last().get("failure reason").asText()).isEqualTo("join token required");
        c.token = tokens.issue(List.of(SWARM), Duration.ofMinutes(1));
        relay.received(c, "{\"action\":\"scrape\",\"info_hash\":\"" + SWARM + "\"}");
        assertThat(c.last().get("action").asText()).isEqualTo("scrape");
        relay.received(c, "{\"action\":\"scrape\"}");
        assertThat(c.last().get("failure reason").asText()).isEqualTo("join token not valid for this swarm");
    }

    @Test
    void theTokenIsReadFromTheRequestQuery() {
        assertThat(EmbeddedTracker.queryToken("/announce?token=abc.def")).isEqualTo("abc.def");
        assertThat(EmbeddedTracker.queryToken("/?a=1&token=x%2Dy")).isEqualTo("x-y");
        assertThat(EmbeddedTracker.queryToken("/announce")).isNull();
        assertThat(EmbeddedTracker.queryToken("/?token=%zz")).isEmpty();
        assertThat(EmbeddedTracker.queryToken(null)).isNull();
    }
}
