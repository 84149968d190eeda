package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Jazzer fuzz target for the tracker client's message parsing ({@link ClientCodec#parse}): any text a tracker sends.
 *
 * <p>What must hold: parse never throws and always returns a reply; a relayed offer or answer carries a valid peer id,
 * an offer id of 1-64 chars and a non-empty SDP, each taken from the message (so no longer than it); an announce
 * reply's interval is within (0 s, 1 day] and its counts are not negative. Seeds:
 * {@code ClientCodecFuzzTestInputs/parseNeverThrowsAndKeepsItsBounds}.
 */
class ClientCodecFuzzTest {
    private static final SwarmIdentity SWARM = new SwarmIdentity("hZisoZWahU48V1cUq5vx", "-PV0100-abcdefghijkl");

    @DictionaryEntries({"\"action\"", "\"announce\"", "\"scrape\"", "\"info_hash\"", "\"hZisoZWahU48V1cUq5vx\"",
            "\"peer_id\"", "\"offer\"", "\"answer\"", "\"offer_id\"", "\"sdp\"", "\"type\"", "\"interval\"",
            "\"min interval\"", "\"complete\"", "\"incomplete\"", "\"failure reason\"", "\"warning message\"",
            "\"to_peer_id\""})
    @FuzzTest
    void parseNeverThrowsAndKeepsItsBounds(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        TrackerReply reply = ClientCodec.parse(text, SWARM);
        assertThat(reply).isNotNull();
        switch (reply) {
            case TrackerReply.RelayedOffer o -> checkRelayed(o.peerId(), o.offerId(), o.sdp(), text);
            case TrackerReply.RelayedAnswer a -> checkRelayed(a.peerId(), a.offerId(), a.sdp(), text);
            case TrackerReply.AnnounceReply r -> {
                r.interval().ifPresent(i -> assertThat(i).isPositive().isLessThanOrEqualTo(Duration.ofDays(1)));
                r.complete().ifPresent(n -> assertThat(n).isNotNegative());
                r.incomplete().ifPresent(n -> assertThat(n).isNotNegative());
                r.warning().ifPresent(w -> assertThat(w.length()).isLessThanOrEqualTo(text.length()));
            }
            case TrackerReply.Failure f -> assertThat(f.reason().length()).isLessThanOrEqualTo(text.length());
            case TrackerReply.Garbage g -> assertThat(g.why()).isNotBlank();
            case TrackerReply.Ignored i -> assertThat(i.why()).isNotBlank();
        }
    }

    private static void checkRelayed(String peerId, String offerId, String sdp, String text) {
        assertThat(BinaryString.isId(peerId)).as("peer id %s", peerId).isTrue();
        assertThat(offerId.length()).isBetween(1, 64);
        assertThat(sdp).isNotEmpty();
        assertThat(sdp.length()).isLessThanOrEqualTo(text.length());
    }
}
