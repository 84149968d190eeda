package io.p2pviewer.engine.peer.tracker;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds the JSON messages a tracker client sends and parses the ones it receives, as browsers do
 * (bittorrent-tracker's websocket client). Binary fields are strings of chars 0..255 and pass through
 * unchanged: Jackson writes them as such (escaping only control characters), and the WebSocket carries the
 * text as UTF-8, exactly like {@code JSON.stringify} in a browser. Stateless and thread-safe.
 */
final class ClientCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An offer in an announce: its id (20-char binary string) and its SDP. */
    record OutgoingOffer(String offerId, String sdp) {
    }

    private ClientCodec() {
    }

    /** An announce, with offers unless the event is "stopped". */
    static String announce(SwarmIdentity swarm, AnnounceEvent event, long uploaded, long downloaded,
                           List<OutgoingOffer> offers) {
        ObjectNode n = JSON.createObjectNode();
        n.put("action", "announce");
        event.wireName().ifPresent(e -> n.put("event", e));
        n.put("info_hash", swarm.infoHash());
        n.put("peer_id", swarm.peerId());
        n.put("numwant", offers.size());
        n.put("uploaded", uploaded);
        n.put("downloaded", downloaded);
        if (event != AnnounceEvent.STOPPED) {
            ArrayNode array = n.putArray("offers");
            for (OutgoingOffer o : offers) {
                ObjectNode entry = array.addObject();
                ObjectNode offer = entry.putObject("offer");
                offer.put("type", "offer");
                offer.put("sdp", o.sdp());
                entry.put("offer_id", o.offerId());
            }
        }
        return n.toString();
    }

    /** Our answer to a relayed offer, addressed to the offerer, echoing its offer id unchanged. */
    static String answer(SwarmIdentity swarm, String toPeerId, String offerId, String sdp) {
        ObjectNode n = JSON.createObjectNode();
        n.put("action", "announce");
        n.put("info_hash", swarm.infoHash());
        n.put("peer_id", swarm.peerId());
        n.put("to_peer_id", toPeerId);
        ObjectNode answer = n.putObject("answer");
        answer.put("type", "answer");
        answer.put("sdp", sdp);
        n.put("offer_id", offerId);
        return n.toString();
    }

    /** Parses one incoming message; never throws. */
    static TrackerReply parse(String text, SwarmIdentity swarm) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JacksonException e) {
            return new TrackerReply.Garbage("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            return new TrackerReply.Garbage("not a JSON object");
        }
        JsonNode infoHash = n.get("info_hash");
        if (infoHash != null && !swarm.infoHash().equals(infoHash.asText(null))) {
            return new TrackerReply.Ignored("another info_hash");
        }
        JsonNode failure = n.get("failure reason");
        if (failure != null) {
            return new TrackerReply.Failure(failure.isTextual() ? failure.asText() : failure.toString());
        }
        String action = text(n, "action");
        if (!"announce".equals(action)) {
            return "scrape".equals(action)
                    ? new TrackerReply.Ignored("scrape reply")
                    : new TrackerReply.Garbage("unknown action " + action);
        }
        if (infoHash == null) {
            return new TrackerReply.Garbage("announce without info_hash");
        }
        String peerId = text(n, "peer_id");
        if (peerId != null && peerId.equals(swarm.peerId())) {
            return new TrackerReply.Ignored("our own message");
        }
        if (n.has("offer") || n.has("answer")) {
            return relayed(n, peerId);
        }
        return new TrackerReply.AnnounceReply(interval(n), count(n, "complete"), count(n, "incomplete"),
                Optional.ofNullable(text(n, "warning message")));
    }

    private static TrackerReply relayed(JsonNode n, String peerId) {
        boolean offer = n.has("offer");
        if (!BinaryString.isId(peerId)) {
            return new TrackerReply.Garbage((offer ? "offer" : "answer") + " without a valid peer_id");
        }
        String offerId = text(n, "offer_id");
        if (offerId == null || offerId.isEmpty() || offerId.length() > 64) {
            return new TrackerReply.Garbage((offer ? "offer" : "answer") + " without a valid offer_id");
        }
        JsonNode description = n.get(offer ? "offer" : "answer");
        String sdp = description.isObject() ? text(description, "sdp") : null;
        if (sdp == null || sdp.isEmpty()) {
            return new TrackerReply.Garbage((offer ? "offer" : "answer") + " without sdp");
        }
        return offer ? new TrackerReply.RelayedOffer(peerId, offerId, sdp)
                : new TrackerReply.RelayedAnswer(peerId, offerId, sdp);
    }

    private static Optional<Duration> interval(JsonNode n) {
        JsonNode v = n.has("interval") ? n.get("interval") : n.get("min interval");
        if (v == null || !v.isNumber() || v.asLong() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.min(v.asLong(), Duration.ofDays(1).toSeconds())));
    }

    private static OptionalInt count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.canConvertToInt() && v.asInt() >= 0 ? OptionalInt.of(v.asInt()) : OptionalInt.empty();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
