package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Jazzer fuzz target for the embedded tracker's parsing and relaying ({@link TrackerRelay}): up to 16 lines, each a
 * message from one of three connections (its first character picks which; {@code "!"} after it closes that
 * connection), against a relay with small bounds.
 *
 * <p>What must hold: no exception escapes {@code received}/{@code closed}; everything the relay sends is a JSON object;
 * it sends at most {@code 1 + maxOffersPerAnnounce} messages per message received; the swarm, peer and connection
 * counts stay within the configured bounds. Seeds: {@code TrackerRelayFuzzTestInputs/relayStaysBoundedOnAnyInput}.
 */
class TrackerRelayFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SWARMS = 3;
    private static final int MAX_SWARM_PEERS = 4;
    private static final int MAX_OFFERS = 5;

    /** A connection that checks every message the relay sends it is a JSON object, and counts them. */
    private static final class CheckingConnection implements RelayConnection {
        int sent;
        boolean closed;

        @Override
        public void send(String text) {
            sent++;
            JsonNode n;
            try {
                n = JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("the relay sent invalid JSON: " + text, e);
            }
            assertThat(n.isObject()).as("sent %s", text).isTrue();
        }

        @Override
        public void close(int code, String reason) {
            closed = true;
        }
    }

    @DictionaryEntries({"\"action\"", "\"announce\"", "\"scrape\"", "\"info_hash\"", "\"peer_id\"", "\"offers\"",
            "\"offer\"", "\"answer\"", "\"offer_id\"", "\"to_peer_id\"", "\"sdp\"", "\"numwant\"", "\"event\"",
            "\"started\"", "\"stopped\"", "\"completed\"", "\"uploaded\"", "\"left\"", "AAAAAAAAAAAAAAAAAAAA",
            "BBBBBBBBBBBBBBBBBBBB"})
    @FuzzTest
    void relayStaysBoundedOnAnyInput(byte[] input) {
        var config = EmbeddedTrackerConfig.defaults().newBuilder().maxMessageChars(4096).maxSwarms(MAX_SWARMS)
                .maxSwarmPeers(MAX_SWARM_PEERS).maxOffersPerAnnounce(MAX_OFFERS).build();
        var relay = new TrackerRelay(config, new FakeTaskScheduler().clock(), new Random(1));
        List<CheckingConnection> connections = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            connections.add(new CheckingConnection());
            relay.opened(connections.get(i));
        }
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 16);
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            CheckingConnection from = connections.get(line.charAt(0) % connections.size());
            String text = line.substring(1);
            if (text.equals("!")) {
                relay.closed(from);
                continue;
            }
            int before = totalSent(connections);
            relay.received(from, text);
            assertThat(totalSent(connections) - before).isLessThanOrEqualTo(1 + MAX_OFFERS);
            TrackerCounters counters = relay.counters();
            assertThat(counters.swarms()).isLessThanOrEqualTo(MAX_SWARMS);
            assertThat(counters.peers()).isLessThanOrEqualTo(MAX_SWARMS * MAX_SWARM_PEERS);
            assertThat(counters.connections()).isLessThanOrEqualTo(connections.size());
        }
    }

    private static int totalSent(List<CheckingConnection> connections) {
        return connections.stream().mapToInt(c -> c.sent).sum();
    }
}
