package io.p2pviewer.engine.peer.tracker;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds the JSON messages a tracker client sends and parses the ones it receives, as browsers do
 * (bittorrent-tracker's websocket client). Binary fields are strings of chars 0..255 and pass through
 * unchanged: Jackson writes them as such (escaping only control characters), and the WebSocket carries the
 * text as UTF-8, exactly like {@code JSON.stringify} in a browser. Stateless and thread-safe.
 *
 * <p>It uses jackson-core's streaming generator and parser, not an {@code ObjectMapper}: a P2P engine's first
 * swarm join loaded jackson-databind for this alone, 0.3-0.4 s of class loading in a cold JVM while the player
 * starts (docs/BENCHMARKS.md, startup against CDN-only).
 */
final class ClientCodec {
    private static final JsonFactory JSON = new JsonFactory();

    /** An offer in an announce: its id (20-char binary string) and its SDP. */
    record OutgoingOffer(String offerId, String sdp) {
    }

    private ClientCodec() {
    }

    /** An announce, with offers unless the event is "stopped". */
    static String announce(SwarmIdentity swarm, AnnounceEvent event, long uploaded, long downloaded,
                           List<OutgoingOffer> offers) {
        return write(g -> {
            g.writeStringField("action", "announce");
            if (event.wireName().isPresent()) {
                g.writeStringField("event", event.wireName().get());
            }
            g.writeStringField("info_hash", swarm.infoHash());
            g.writeStringField("peer_id", swarm.peerId());
            g.writeNumberField("numwant", offers.size());
            g.writeNumberField("uploaded", uploaded);
            g.writeNumberField("downloaded", downloaded);
            if (event != AnnounceEvent.STOPPED) {
                g.writeArrayFieldStart("offers");
                for (OutgoingOffer o : offers) {
                    g.writeStartObject();
                    g.writeObjectFieldStart("offer");
                    g.writeStringField("type", "offer");
                    g.writeStringField("sdp", o.sdp());
                    g.writeEndObject();
                    g.writeStringField("offer_id", o.offerId());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        });
    }

    /** Our answer to a relayed offer, addressed to the offerer, echoing its offer id unchanged. */
    static String answer(SwarmIdentity swarm, String toPeerId, String offerId, String sdp) {
        return write(g -> {
            g.writeStringField("action", "announce");
            g.writeStringField("info_hash", swarm.infoHash());
            g.writeStringField("peer_id", swarm.peerId());
            g.writeStringField("to_peer_id", toPeerId);
            g.writeObjectFieldStart("answer");
            g.writeStringField("type", "answer");
            g.writeStringField("sdp", sdp);
            g.writeEndObject();
            g.writeStringField("offer_id", offerId);
        });
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON object with the fields {@code fields} writes. */
    private static String write(Fields fields) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Parses one incoming message; never throws. */
    static TrackerReply parse(String text, SwarmIdentity swarm) {
        Map<String, Value> n;
        try {
            n = readObject(text);
        } catch (JacksonException e) {
            return new TrackerReply.Garbage("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new TrackerReply.Garbage("not JSON: " + e.getMessage());
        }
        if (n == null) {
            return new TrackerReply.Garbage("not a JSON object");
        }
        Value infoHash = n.get("info_hash");
        if (infoHash != null && !swarm.infoHash().equals(infoHash.text())) {
            return new TrackerReply.Ignored("another info_hash");
        }
        Value failure = n.get("failure reason");
        if (failure != null) {
            return new TrackerReply.Failure(failure.text() != null ? failure.text() : failure.raw());
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
        if (n.containsKey("offer") || n.containsKey("answer")) {
            return relayed(n, peerId);
        }
        return new TrackerReply.AnnounceReply(interval(n), count(n, "complete"), count(n, "incomplete"),
                Optional.ofNullable(text(n, "warning message")));
    }

    private static TrackerReply relayed(Map<String, Value> n, String peerId) {
        boolean offer = n.containsKey("offer");
        if (!BinaryString.isId(peerId)) {
            return new TrackerReply.Garbage((offer ? "offer" : "answer") + " without a valid peer_id");
        }
        String offerId = text(n, "offer_id");
        if (offerId == null || offerId.isEmpty() || offerId.length() > 64) {
            return new TrackerReply.Garbage((offer ? "offer" : "answer") + " without a valid offer_id");
        }
        String sdp = n.get(offer ? "offer" : "answer").sdp();
        if (sdp == null || sdp.isEmpty()) {
            return new TrackerReply.Garbage((offer ? "offer" : "answer") + " without sdp");
        }
        return offer ? new TrackerReply.RelayedOffer(peerId, offerId, sdp)
                : new TrackerReply.RelayedAnswer(peerId, offerId, sdp);
    }

    private static Optional<Duration> interval(Map<String, Value> n) {
        Value v = n.containsKey("interval") ? n.get("interval") : n.get("min interval");
        if (v == null || v.number() == null || v.number().longValue() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.min(v.number().longValue(), Duration.ofDays(1).toSeconds())));
    }

    private static OptionalInt count(Map<String, Value> n, String field) {
        Value v = n.get(field);
        if (v == null || v.number() == null) {
            return OptionalInt.empty();
        }
        Number number = v.number();
        boolean fitsInt = number instanceof BigInteger big ? big.bitLength() < 32
                : number.doubleValue() >= Integer.MIN_VALUE && number.doubleValue() <= Integer.MAX_VALUE;
        return fitsInt && number.intValue() >= 0 ? OptionalInt.of(number.intValue()) : OptionalInt.empty();
    }

    private static String text(Map<String, Value> n, String field) {
        Value v = n.get(field);
        return v == null ? null : v.text();
    }

    /**
     * A top-level field's value, as much of it as the codec reads: its text if it is a string, its number if it is
     * one, the text of its own "sdp" field if it is an object, and (a failure reason that is not a string) its JSON
     * text as written.
     */
    private record Value(String text, Number number, String sdp, String raw) {
    }

    /**
     * The top-level fields of a JSON object (a repeated name: the last), or null if the text holds another JSON
     * value; what follows the object is not read.
     */
    private static Map<String, Value> readObject(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Value> fields = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                int from = (int) p.currentTokenLocation().getCharOffset();
                String string = token == JsonToken.VALUE_STRING ? p.getText() : null;
                Number number = token != null && token.isNumeric() ? p.getNumberValue() : null;
                String sdp = token == JsonToken.START_OBJECT ? sdpOf(p) : null;
                p.skipChildren();
                String raw = name.equals("failure reason") && string == null
                        ? text.substring(from, Math.max(from, (int) p.currentLocation().getCharOffset())) : null;
                fields.put(name, new Value(string, number, sdp, raw));
            }
            return fields;
        }
    }

    /** Reads the object the parser is at the start of, up to its end: the text of its own "sdp" field (the last). */
    private static String sdpOf(JsonParser p) throws IOException {
        String sdp = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            if (name.equals("sdp")) {
                sdp = token == JsonToken.VALUE_STRING ? p.getText() : null;
            }
            p.skipChildren();
        }
        return sdp;
    }
}
