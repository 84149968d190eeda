package io.p2pviewer.engine.peer.tracker;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logic of the {@link EmbeddedTracker}, without sockets: swarms by info hash, peers by peer id, each peer
 * bound to the connection it last announced on. An announce registers or refreshes the peer, is answered with
 * the interval and swarm counts, and its offers are forwarded one each to distinct random other peers; answers
 * go to the peer named by to_peer_id. Closing a connection removes its peers from every swarm; idle peers are
 * removed by {@link #expireIdle()}. Bad input gets a "failure reason" and never an exception.
 *
 * <p>With {@link JoinTokens}, every announce and scrape must carry a token (from the connection's URL) that
 * admits its info hash: otherwise it gets the token's "failure reason", the peer is not registered (or leaves
 * the swarm, if its token expired since) and none of its offers or answers are forwarded.
 *
 * <p>Thread-safe: the state is guarded by the relay's lock (messages are small and sends only queue). A
 * connection is closed only after that lock is released: closing a socket takes the socket's own lock, and the
 * socket's selector thread calls {@link #closed} while holding it, so closing under the relay's lock deadlocked
 * the tracker under a flood (seen in {@code EmbeddedTrackerIT}).
 */
final class TrackerRelay {
    private static final Logger log = LoggerFactory.getLogger(TrackerRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OFFER_ID_CHARS = 64;
    /** WebSocket close code for a message too big to process (RFC 6455). */
    static final int CLOSE_TOO_BIG = 1009;
    /** WebSocket close code for a policy violation (RFC 6455): a message flood. */
    static final int CLOSE_POLICY = 1008;

    private final EmbeddedTrackerConfig config;
    private final Clock clock;
    private final RandomGenerator random;
    private final JoinTokens tokens;
    private final Map<String, Swarm> swarms = new HashMap<>();
    private final Map<RelayConnection, Set<Membership>> connections = new HashMap<>();
    private final Map<RelayConnection, MessageBudget> budgets = new HashMap<>();
    private long announces;
    private long offersRelayed;
    private long answersRelayed;
    private long answersUndeliverable;
    private long failures;
    private long expiredPeers;
    private long refused;
    private long rateLimitReplies;

    TrackerRelay(EmbeddedTrackerConfig config, Clock clock, RandomGenerator random) {
        this(config, clock, random, null);
    }

    /** @param tokens checks join tokens; null admits everyone */
    TrackerRelay(EmbeddedTrackerConfig config, Clock clock, RandomGenerator random, JoinTokens tokens) {
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.tokens = tokens;
    }

    /** A peer of one swarm, as seen from its connection. */
    private record Membership(String infoHash, String peerId) {
    }

    private static final class Peer {
        RelayConnection connection;
        Instant lastSeen;
        boolean complete;

        Peer(RelayConnection connection, Instant lastSeen) {
            this.connection = connection;
            this.lastSeen = lastSeen;
        }
    }

    /** The peers of one info hash, in order of joining. */
    private static final class Swarm {
        final Map<String, Peer> peers = new LinkedHashMap<>();

        int complete() {
            int n = 0;
            for (Peer p : peers.values()) {
                n += p.complete ? 1 : 0;
            }
            return n;
        }
    }

    synchronized void opened(RelayConnection c) {
        connections.putIfAbsent(c, new HashSet<>());
    }

    /** The connection closed: its peers leave all their swarms. */
    synchronized void closed(RelayConnection c) {
        budgets.remove(c);
        Set<Membership> memberships = connections.remove(c);
        if (memberships == null) {
            return;
        }
        for (Membership m : memberships) {
            removePeer(m.infoHash(), m.peerId(), c);
        }
    }

    /** A connection to close, and why, once the relay's lock is released. */
    private record Closing(int code, String reason) {
    }

    /** Handles one text message from a connection; closes it (outside the lock) for a flood or an oversized one. */
    void received(RelayConnection c, String text) {
        Closing closing;
        synchronized (this) {
            closing = handle(c, text);
        }
        if (closing != null) {
            c.close(closing.code(), closing.reason());
        }
    }

    /** {@link #received} under the lock: what to close afterwards, or null. */
    private Closing handle(RelayConnection c, String text) {
        connections.putIfAbsent(c, new HashSet<>());
        switch (budgets.computeIfAbsent(c, k -> new MessageBudget(config.maxMessagesPerSecond()))
                .take(clock.instant())) {
            case ACCEPT -> { }
            case TELL -> {
                rateLimitReplies++;
                fail(c, null, "rate limit: more than " + config.maxMessagesPerSecond() + " messages a second");
                return null;
            }
            case DROP -> {
                failures++;
                return null;
            }
            case CLOSE -> {
                failures++;
                return new Closing(CLOSE_POLICY, "message flood");
            }
        }
        if (text.length() > config.maxMessageChars()) {
            fail(c, null, "message too large");
            return new Closing(CLOSE_TOO_BIG, "message too large");
        }
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JacksonException e) {
            fail(c, null, "invalid JSON");
            return null;
        }
        if (n == null || !n.isObject()) {
            fail(c, null, "invalid message: not a JSON object");
            return null;
        }
        String action = text(n, "action");
        if ("announce".equals(action)) {
            announce(c, n);
        } else if ("scrape".equals(action)) {
            scrape(c, n);
        } else {
            fail(c, null, "invalid action in WS request: " + action);
        }
        return null;
    }

    /** Drops peers that have not announced within the peer timeout; returns how many. */
    synchronized int expireIdle() {
        Instant limit = clock.instant().minus(config.peerTimeout());
        int expired = 0;
        for (Iterator<Map.Entry<String, Swarm>> s = swarms.entrySet().iterator(); s.hasNext(); ) {
            Map.Entry<String, Swarm> swarm = s.next();
            for (Iterator<Map.Entry<String, Peer>> p = swarm.getValue().peers.entrySet().iterator(); p.hasNext(); ) {
                Map.Entry<String, Peer> peer = p.next();
                if (!peer.getValue().lastSeen.isAfter(limit)) {
                    p.remove();
                    Set<Membership> memberships = connections.get(peer.getValue().connection);
                    if (memberships != null) {
                        memberships.remove(new Membership(swarm.getKey(), peer.getKey()));
                    }
                    expired++;
                }
            }
            if (swarm.getValue().peers.isEmpty()) {
                s.remove();
            }
        }
        expiredPeers += expired;
        return expired;
    }

    synchronized TrackerCounters counters() {
        int peers = 0;
        for (Swarm s : swarms.values()) {
            peers += s.peers.size();
        }
        return new TrackerCounters(swarms.size(), peers, connections.size(), announces, offersRelayed,
                answersRelayed, answersUndeliverable, failures, expiredPeers, refused,
                rateLimitReplies);
    }

    private void announce(RelayConnection c, JsonNode n) {
        String infoHash = text(n, "info_hash");
        if (!BinaryString.isId(infoHash)) {
            fail(c, null, "invalid info_hash");
            return;
        }
        String peerId = text(n, "peer_id");
        if (!BinaryString.isId(peerId)) {
            fail(c, infoHash, "invalid peer_id");
            return;
        }
        if (!admitted(c, infoHash)) {
            removePeer(infoHash, peerId, c);
            return;
        }
        boolean answer = n.has("answer");
        String toPeerId = text(n, "to_peer_id");
        if (answer && !BinaryString.isId(toPeerId)) {
            fail(c, infoHash, "invalid `to_peer_id` (required with `answer`)");
            return;
        }
        announces++;
        String event = text(n, "event");
        if ("stopped".equals(event)) {
            removePeer(infoHash, peerId, c);
            Swarm s = swarms.get(infoHash);
            reply(c, infoHash, s);
            return;
        }
        Swarm swarm = swarms.get(infoHash);
        if (swarm == null) {
            if (swarms.size() >= config.maxSwarms()) {
                fail(c, infoHash, "too many swarms");
                return;
            }
            swarm = new Swarm();
        }
        Peer peer = swarm.peers.get(peerId);
        Instant now = clock.instant();
        if (peer == null) {
            if (swarm.peers.size() >= config.maxSwarmPeers()) {
                fail(c, infoHash, "swarm full");
                return;
            }
            peer = new Peer(c, now);
            swarm.peers.put(peerId, peer);
            swarms.putIfAbsent(infoHash, swarm);
            connections.get(c).add(new Membership(infoHash, peerId));
        } else if (peer.connection != c) {
            Set<Membership> old = connections.get(peer.connection);
            if (old != null) {
                old.remove(new Membership(infoHash, peerId));
            }
            peer.connection = c;
            connections.get(c).add(new Membership(infoHash, peerId));
        }
        peer.lastSeen = now;
        JsonNode left = n.get("left");
        if ("completed".equals(event) || left != null && left.isNumber() && left.asLong() == 0) {
            peer.complete = true;
        }
        if (answer) {
            relayAnswer(swarm, infoHash, peerId, toPeerId, n);
        } else {
            reply(c, infoHash, swarm);
        }
        relayOffers(c, swarm, infoHash, peerId, n);
    }

    private void relayOffers(RelayConnection from, Swarm swarm, String infoHash, String peerId, JsonNode n) {
        JsonNode offers = n.get("offers");
        if (offers == null || !offers.isArray() || offers.isEmpty()) {
            return;
        }
        List<JsonNode> valid = new ArrayList<>();
        for (JsonNode o : offers) {
            if (valid.size() == config.maxOffersPerAnnounce()) {
                break;
            }
            String offerId = text(o, "offer_id");
            if (o.path("offer").isObject() && offerId != null && !offerId.isEmpty()
                    && offerId.length() <= MAX_OFFER_ID_CHARS) {
                valid.add(o);
            }
        }
        JsonNode numwant = n.get("numwant");
        int wanted = numwant != null && numwant.canConvertToInt() ? Math.max(0, numwant.asInt()) : valid.size();
        List<Map.Entry<String, Peer>> targets = randomOthers(swarm, peerId, from,
                Math.min(valid.size(), wanted));
        for (int i = 0; i < targets.size(); i++) {
            JsonNode o = valid.get(i);
            ObjectNode out = JSON.createObjectNode();
            out.put("action", "announce");
            out.set("offer", o.get("offer"));
            out.put("offer_id", o.get("offer_id").asText());
            out.put("peer_id", peerId);
            out.put("info_hash", infoHash);
            targets.get(i).getValue().connection.send(out.toString());
            offersRelayed++;
        }
    }

    /** Up to {@code count} distinct peers of the swarm, chosen at random, never the offerer. */
    private List<Map.Entry<String, Peer>> randomOthers(Swarm swarm, String peerId, RelayConnection from,
                                                       int count) {
        if (count <= 0) {
            return List.of();
        }
        List<Map.Entry<String, Peer>> candidates = new ArrayList<>(swarm.peers.size());
        for (Map.Entry<String, Peer> e : swarm.peers.entrySet()) {
            if (!e.getKey().equals(peerId) && e.getValue().connection != from) {
                candidates.add(e);
            }
        }
        int picked = Math.min(count, candidates.size());
        for (int i = 0; i < picked; i++) {
            Collections.swap(candidates, i, i + random.nextInt(candidates.size() - i));
        }
        return candidates.subList(0, picked);
    }

    private void relayAnswer(Swarm swarm, String infoHash, String peerId, String toPeerId, JsonNode n) {
        JsonNode answer = n.get("answer");
        String offerId = text(n, "offer_id");
        Peer to = swarm.peers.get(toPeerId);
        if (!answer.isObject() || offerId == null || to == null) {
            answersUndeliverable++;
            log.debug("answer not relayed: {}", to == null ? "no such peer" : "malformed");
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("action", "announce");
        out.set("answer", answer);
        out.put("offer_id", offerId);
        out.put("peer_id", peerId);
        out.put("info_hash", infoHash);
        to.connection.send(out.toString());
        answersRelayed++;
    }

    private void scrape(RelayConnection c, JsonNode n) {
        JsonNode requested = n.get("info_hash");
        if (requested == null && !admitted(c, null)) {
            return;
        }
        List<String> hashes = new ArrayList<>();
        if (requested == null) {
            hashes.addAll(swarms.keySet());
        } else if (requested.isTextual()) {
            hashes.add(requested.asText());
        } else if (requested.isArray()) {
            requested.forEach(h -> hashes.add(h.asText(null)));
        }
        if (hashes.isEmpty() || !hashes.stream().allMatch(BinaryString::isId)) {
            fail(c, null, "invalid info_hash");
            return;
        }
        for (String h : hashes) {
            if (!admitted(c, h)) {
                return;
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("action", "scrape");
        ObjectNode files = out.putObject("files");
        for (String h : hashes) {
            Swarm s = swarms.get(h);
            int complete = s == null ? 0 : s.complete();
            int incomplete = s == null ? 0 : s.peers.size() - complete;
            ObjectNode f = files.putObject(h);
            f.put("complete", complete);
            f.put("incomplete", incomplete);
            f.put("downloaded", complete);
        }
        out.putObject("flags").put("min_request_interval", config.interval().toSeconds());
        c.send(out.toString());
    }

    /** True if no token is required or the connection's token admits this swarm (null: all swarms). */
    private boolean admitted(RelayConnection c, String infoHash) {
        if (tokens == null) {
            return true;
        }
        JoinTokens.Verdict verdict = tokens.check(c.joinToken(), infoHash);
        if (verdict instanceof JoinTokens.Verdict.Refused r) {
            refused++;
            fail(c, infoHash, r.reason());
            return false;
        }
        return true;
    }

    private void reply(RelayConnection c, String infoHash, Swarm swarm) {
        int complete = swarm == null ? 0 : swarm.complete();
        int incomplete = swarm == null ? 0 : swarm.peers.size() - complete;
        ObjectNode out = JSON.createObjectNode();
        out.put("action", "announce");
        out.put("interval", config.interval().toSeconds());
        out.put("info_hash", infoHash);
        out.put("complete", complete);
        out.put("incomplete", incomplete);
        c.send(out.toString());
    }

    private void removePeer(String infoHash, String peerId, RelayConnection c) {
        Swarm swarm = swarms.get(infoHash);
        if (swarm == null) {
            return;
        }
        Peer peer = swarm.peers.get(peerId);
        if (peer == null || peer.connection != c) {
            return;
        }
        swarm.peers.remove(peerId);
        Set<Membership> memberships = connections.get(c);
        if (memberships != null) {
            memberships.remove(new Membership(infoHash, peerId));
        }
        if (swarm.peers.isEmpty()) {
            swarms.remove(infoHash);
        }
    }

    private void fail(RelayConnection c, String infoHash, String reason) {
        failures++;
        ObjectNode out = JSON.createObjectNode();
        if (infoHash != null) {
            out.put("action", "announce");
            out.put("info_hash", infoHash);
        }
        out.put("failure reason", reason);
        c.send(out.toString());
        log.debug("failure reason sent: {}", reason);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
