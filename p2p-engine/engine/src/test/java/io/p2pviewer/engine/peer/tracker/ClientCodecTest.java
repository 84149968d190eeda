package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClientCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SwarmIdentity SWARM = new SwarmIdentity("hZisoZWahU48V1cUq5vx", "-PM0203-abcdefghijkl");
    private static final String OTHER = "-PM0203-ZYXWVUTSRQPO";

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    /** What the WebSocket does to a text message: UTF-8 on the wire, decoded on the other side. */
    private static String overTheWire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void announceCarriesTheFieldsBrowsersSend() throws Exception {
        String json = ClientCodec.announce(SWARM, AnnounceEvent.STARTED, 7, 9,
                List.of(new ClientCodec.OutgoingOffer("AAAAAAAAAAAAAAAAAAAA", "v=0 sdp-1"),
                        new ClientCodec.OutgoingOffer("BBBBBBBBBBBBBBBBBBBB", "v=0 sdp-2")));

        JsonNode n = tree(json);
        assertThat(n.get("action").asText()).isEqualTo("announce");
        assertThat(n.get("event").asText()).isEqualTo("started");
        assertThat(n.get("info_hash").asText()).isEqualTo(SWARM.infoHash());
        assertThat(n.get("peer_id").asText()).isEqualTo(SWARM.peerId());
        assertThat(n.get("numwant").asInt()).isEqualTo(2);
        assertThat(n.get("uploaded").asLong()).isEqualTo(7);
        assertThat(n.get("downloaded").asLong()).isEqualTo(9);
        assertThat(n.get("offers")).hasSize(2);
        JsonNode first = n.get("offers").get(0);
        assertThat(first.get("offer").get("type").asText()).isEqualTo("offer");
        assertThat(first.get("offer").get("sdp").asText()).isEqualTo("v=0 sdp-1");
        assertThat(first.get("offer_id").asText()).isEqualTo("AAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void periodicAnnounceHasNoEventAndStoppedHasNoOffers() throws Exception {
        JsonNode periodic = tree(ClientCodec.announce(SWARM, AnnounceEvent.NONE, 0, 0,
                List.of(new ClientCodec.OutgoingOffer("AAAAAAAAAAAAAAAAAAAA", "sdp"))));
        JsonNode stopped = tree(ClientCodec.announce(SWARM, AnnounceEvent.STOPPED, 0, 0, List.of()));

        assertThat(periodic.has("event")).isFalse();
        assertThat(periodic.get("offers")).hasSize(1);
        assertThat(stopped.get("event").asText()).isEqualTo("stopped");
        assertThat(stopped.has("offers")).isFalse();
    }

    @Test
    void offerIdsOfEveryByteValueSurviveTheWireByteForByte() throws Exception {
        List<byte[]> ids = new ArrayList<>();
        for (int start = 0; start < 256; start += BinaryString.ID_LENGTH) {
            byte[] id = new byte[BinaryString.ID_LENGTH];
            for (int i = 0; i < id.length; i++) {
                id[i] = (byte) ((start + i) & 0xFF);
            }
            ids.add(id);
        }
        List<ClientCodec.OutgoingOffer> offers = ids.stream()
                .map(id -> new ClientCodec.OutgoingOffer(BinaryString.fromBytes(id), "sdp")).toList();

        JsonNode n = tree(overTheWire(ClientCodec.announce(SWARM, AnnounceEvent.NONE, 0, 0, offers)));

        for (int i = 0; i < ids.size(); i++) {
            String received = n.get("offers").get(i).get("offer_id").asText();
            assertThat(BinaryString.toBytes(received)).isEqualTo(ids.get(i));
        }
    }

    @Test
    void aRelayedOfferIdIsEchoedInTheAnswerByteForByte() throws Exception {
        // As bittorrent-tracker relays it: JSON.stringify escapes controls, quotes and backslashes only.
        String relayed = "{\"action\":\"announce\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0\"},"
                + "\"offer_id\":\"\\u0000\\u0001\\\"\\\\\u007f\u0080\u00ff\u00e9abcdefghijkl\","
                + "\"peer_id\":\"" + OTHER + "\",\"info_hash\":\"" + SWARM.infoHash() + "\"}";
        byte[] expected = {0x00, 0x01, '"', '\\', 0x7F, (byte) 0x80, (byte) 0xFF, (byte) 0xE9,
            'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'};

        TrackerReply reply = ClientCodec.parse(overTheWire(relayed), SWARM);
        assertThat(reply).isInstanceOf(TrackerReply.RelayedOffer.class);
        TrackerReply.RelayedOffer offer = (TrackerReply.RelayedOffer) reply;
        assertThat(BinaryString.toBytes(offer.offerId())).isEqualTo(expected);

        JsonNode answer = tree(overTheWire(ClientCodec.answer(SWARM, offer.peerId(), offer.offerId(), "v=0 ans")));
        assertThat(answer.get("action").asText()).isEqualTo("announce");
        assertThat(answer.get("info_hash").asText()).isEqualTo(SWARM.infoHash());
        assertThat(answer.get("peer_id").asText()).isEqualTo(SWARM.peerId());
        assertThat(answer.get("to_peer_id").asText()).isEqualTo(OTHER);
        assertThat(answer.get("answer").get("type").asText()).isEqualTo("answer");
        assertThat(answer.get("answer").get("sdp").asText()).isEqualTo("v=0 ans");
        assertThat(BinaryString.toBytes(answer.get("offer_id").asText())).isEqualTo(expected);
    }

    @Test
    void parsesAnnounceReplies() {
        TrackerReply reply = ClientCodec.parse("{\"action\":\"announce\",\"interval\":120,\"info_hash\":\""
                + SWARM.infoHash() + "\",\"complete\":1,\"incomplete\":2}", SWARM);

        assertThat(reply).isEqualTo(new TrackerReply.AnnounceReply(Optional.of(Duration.ofSeconds(120)),
                OptionalInt.of(1), OptionalInt.of(2), Optional.empty()));
    }

    @Test
    void parsesWarningsAndFailures() {
        TrackerReply warning = ClientCodec.parse("{\"action\":\"announce\",\"info_hash\":\"" + SWARM.infoHash()
                + "\",\"warning message\":\"slow down\"}", SWARM);
        TrackerReply failure = ClientCodec.parse("{\"action\":\"announce\",\"info_hash\":\"" + SWARM.infoHash()
                + "\",\"failure reason\":\"swarm full\"}", SWARM);
        TrackerReply bareFailure = ClientCodec.parse("{\"failure reason\":\"invalid info_hash\"}", SWARM);

        assertThat(warning).isInstanceOfSatisfying(TrackerReply.AnnounceReply.class,
                a -> assertThat(a.warning()).contains("slow down"));
        assertThat(failure).isEqualTo(new TrackerReply.Failure("swarm full"));
        assertThat(bareFailure).isEqualTo(new TrackerReply.Failure("invalid info_hash"));
    }

    @Test
    void parsesRelayedAnswers() {
        TrackerReply reply = ClientCodec.parse("{\"action\":\"announce\",\"answer\":{\"type\":\"answer\","
                + "\"sdp\":\"v=0 a\"},\"offer_id\":\"XXXXXXXXXXXXXXXXXXXX\",\"peer_id\":\"" + OTHER
                + "\",\"info_hash\":\"" + SWARM.infoHash() + "\"}", SWARM);

        assertThat(reply).isEqualTo(new TrackerReply.RelayedAnswer(OTHER, "XXXXXXXXXXXXXXXXXXXX", "v=0 a"));
    }

    @Test
    void ignoresOtherSwarmsOurOwnEchoesAndScrapes() {
        String otherSwarm = "{\"action\":\"announce\",\"interval\":120,\"info_hash\":\"AAAAAAAAAAAAAAAAAAAA\"}";
        String ownOffer = "{\"action\":\"announce\",\"offer\":{\"type\":\"offer\",\"sdp\":\"x\"},\"offer_id\":\"o\","
                + "\"peer_id\":\"" + SWARM.peerId() + "\",\"info_hash\":\"" + SWARM.infoHash() + "\"}";
        String failureOfOtherSwarm = "{\"failure reason\":\"no\",\"info_hash\":\"AAAAAAAAAAAAAAAAAAAA\"}";

        assertThat(ClientCodec.parse(otherSwarm, SWARM)).isInstanceOf(TrackerReply.Ignored.class);
        assertThat(ClientCodec.parse(ownOffer, SWARM)).isInstanceOf(TrackerReply.Ignored.class);
        assertThat(ClientCodec.parse(failureOfOtherSwarm, SWARM)).isInstanceOf(TrackerReply.Ignored.class);
        assertThat(ClientCodec.parse("{\"action\":\"scrape\",\"files\":{}}", SWARM))
                .isInstanceOf(TrackerReply.Ignored.class);
    }

    @Test
    void garbageIsReportedNotThrown() {
        String ih = "\"info_hash\":\"" + SWARM.infoHash() + "\"";
        List<String> garbage = List.of(
                "", "not json", "{", "[1,2]", "42", "null", "\"text\"",
                "{\"action\":\"dance\"," + ih + "}",
                "{\"action\":\"announce\"}",
                "{\"action\":\"announce\",\"offer\":{\"type\":\"offer\"},\"offer_id\":\"o\",\"peer_id\":\"" + OTHER
                        + "\"," + ih + "}",
                "{\"action\":\"announce\",\"offer\":\"sdp\",\"offer_id\":\"o\",\"peer_id\":\"" + OTHER + "\"," + ih
                        + "}",
                "{\"action\":\"announce\",\"offer\":{\"sdp\":\"x\"},\"offer_id\":\"o\",\"peer_id\":\"short\"," + ih
                        + "}",
                "{\"action\":\"announce\",\"answer\":{\"sdp\":\"x\"},\"peer_id\":\"" + OTHER + "\"," + ih + "}",
                "{\"action\":\"announce\",\"answer\":{\"sdp\":\"x\"},\"offer_id\":7,\"peer_id\":\"" + OTHER + "\","
                        + ih + "}");

        for (String text : garbage) {
            assertThat(ClientCodec.parse(text, SWARM)).as(text).isInstanceOf(TrackerReply.Garbage.class);
        }
    }

    @Test
    void odditiesInAnAnnounceReplyAreTolerated() {
        TrackerReply reply = ClientCodec.parse("{\"action\":\"announce\",\"interval\":-5,\"complete\":\"x\","
                + "\"incomplete\":3," + "\"info_hash\":\"" + SWARM.infoHash() + "\"}", SWARM);

        assertThat(reply).isEqualTo(new TrackerReply.AnnounceReply(Optional.empty(), OptionalInt.empty(),
                OptionalInt.of(3), Optional.empty()));
    }

    /** What the tree model (the codec's reading before the streaming parser) made of these, kept. */
    @Test
    void readsEdgeCasesAsJacksonsTreeModelDid() {
        String ih = "\"info_hash\":\"" + SWARM.infoHash() + "\"";
        String relayedTo = ",\"offer_id\":\"o\",\"peer_id\":\"" + OTHER + "\"," + ih + "}";

        // a repeated name: the last counts, at the top and inside the offer
        assertThat(ClientCodec.parse("{\"action\":\"scrape\",\"action\":\"announce\",\"interval\":5,"
                + "\"interval\":7," + ih + "}", SWARM)).isEqualTo(new TrackerReply.AnnounceReply(
                Optional.of(Duration.ofSeconds(7)), OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
        assertThat(ClientCodec.parse("{\"action\":\"announce\",\"offer\":{\"sdp\":\"a\",\"sdp\":\"b\","
                + "\"x\":{\"sdp\":\"c\"}}" + relayedTo, SWARM))
                .isEqualTo(new TrackerReply.RelayedOffer(OTHER, "o", "b"));
        assertThat(ClientCodec.parse("{\"action\":\"announce\",\"offer\":{\"sdp\":\"a\",\"sdp\":1}"
                + relayedTo, SWARM)).isInstanceOf(TrackerReply.Garbage.class);
        assertThat(ClientCodec.parse("{\"action\":\"announce\",\"offer\":null" + relayedTo, SWARM))
                .isInstanceOf(TrackerReply.Garbage.class);
        // numbers: fractions truncated, "min interval" only without "interval", counts only within int range
        assertThat(ClientCodec.parse("{\"action\":\"announce\",\"interval\":90.9,\"min interval\":30,"
                + "\"complete\":2.5,\"incomplete\":99999999999," + ih + "}", SWARM))
                .isEqualTo(new TrackerReply.AnnounceReply(Optional.of(Duration.ofSeconds(90)), OptionalInt.of(2),
                        OptionalInt.empty(), Optional.empty()));
        assertThat(ClientCodec.parse("{\"action\":\"announce\",\"min interval\":1e30,"
                + "\"complete\":123456789012345678901234567890," + ih + "}", SWARM))
                .isEqualTo(new TrackerReply.AnnounceReply(Optional.of(Duration.ofDays(1)), OptionalInt.empty(),
                        OptionalInt.empty(), Optional.empty()));
        // a failure reason that is not a string is shown as its JSON
        assertThat(ClientCodec.parse("{\"failure reason\":{\"code\":7}}", SWARM))
                .isEqualTo(new TrackerReply.Failure("{\"code\":7}"));
        assertThat(ClientCodec.parse("{\"failure reason\":404}", SWARM)).isEqualTo(new TrackerReply.Failure("404"));
        // what follows the object is not read; nesting beyond Jackson's limit is garbage
        assertThat(ClientCodec.parse("{\"failure reason\":\"full\"} trailing", SWARM))
                .isEqualTo(new TrackerReply.Failure("full"));
        assertThat(ClientCodec.parse("{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", SWARM))
                .isInstanceOf(TrackerReply.Garbage.class);
    }
}
