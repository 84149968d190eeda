package io.p2pviewer.engine.peer.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.transport.PeerRoute;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectedRouteTest {
    private static SelectedRoute.Entry e(String type, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new SelectedRoute.Entry(type, m);
    }

    private static Map<String, SelectedRoute.Entry> candidates() {
        Map<String, SelectedRoute.Entry> r = new LinkedHashMap<>();
        r.put("L1", e("local-candidate", "candidateType", "host"));
        r.put("L2", e("local-candidate", "candidateType", "relay"));
        r.put("R1", e("remote-candidate", "candidateType", "srflx"));
        r.put("R2", e("remote-candidate", "candidateType", "relay"));
        r.put("P1", e("candidate-pair", "localCandidateId", "L1", "remoteCandidateId", "R1", "nominated", false,
                "state", "failed"));
        r.put("P2", e("candidate-pair", "localCandidateId", "L2", "remoteCandidateId", "R2", "nominated", true,
                "state", "succeeded"));
        return r;
    }

    @Test
    void theTransportsSelectedPairWins() {
        Map<String, SelectedRoute.Entry> r = candidates();
        r.put("T", e("transport", "selectedCandidatePairId", "P1"));
        assertThat(SelectedRoute.from(r)).isEqualTo(new PeerRoute("host", "srflx"));
    }

    @Test
    void withoutATransportEntryTheNominatedSucceededPairIsTaken() {
        PeerRoute route = SelectedRoute.from(candidates());
        assertThat(route.label()).isEqualTo("relay/relay");
        assertThat(route.relayed()).isTrue();
    }

    @Test
    void nullAttributesAsWebrtcJavaLeavesThemAreSkipped() {
        Map<String, Object> attributes = new java.util.HashMap<>();
        attributes.put("candidateType", "relay");
        attributes.put("url", null);
        assertThat(new SelectedRoute.Entry("local-candidate", attributes).text("url")).isEmpty();
    }

    @Test
    void theSelectedPairsRemoteAddressIsReadUnlessItIsATurnRelays() {
        Map<String, SelectedRoute.Entry> r = candidates();
        r.put("R1", e("remote-candidate", "candidateType", "srflx", "address", "203.0.113.9"));
        r.put("R2", e("remote-candidate", "candidateType", "relay", "address", "198.51.100.1"));
        r.put("T", e("transport", "selectedCandidatePairId", "P1"));
        assertThat(SelectedRoute.remoteAddress(r)).isEqualTo("203.0.113.9");
        r.put("R1", e("remote-candidate", "candidateType", "host", "ip", "203.0.113.10")); // older reports: "ip"
        assertThat(SelectedRoute.remoteAddress(r)).isEqualTo("203.0.113.10");
        r.remove("T"); // the nominated pair P2 is a relay's: shared by everyone the TURN server relays
        assertThat(SelectedRoute.remoteAddress(r)).isEmpty();
        assertThat(SelectedRoute.remoteAddress(Map.of())).isEmpty();
    }

    @Test
    void noSelectedPairIsUnknown() {
        Map<String, SelectedRoute.Entry> r = candidates();
        r.remove("P2");
        assertThat(SelectedRoute.from(r)).isEqualTo(PeerRoute.UNKNOWN);
        assertThat(SelectedRoute.from(Map.of())).isEqualTo(PeerRoute.UNKNOWN);
    }

    @Test
    void routesNormaliseTypesAndSayWhetherTheyAreRelayed() {
        assertThat(new PeerRoute("SRFLX", "prflx").label()).isEqualTo("srflx/prflx");
        assertThat(new PeerRoute("srflx", "prflx").relayed()).isFalse();
        assertThat(new PeerRoute("host", "relay").relayed()).isTrue();
        assertThat(new PeerRoute("bogus", null)).isEqualTo(PeerRoute.UNKNOWN);
        assertThat(PeerRoute.UNKNOWN.label()).isEmpty();
        assertThat(new PeerRoute("relay", "").label()).isEqualTo("relay/?");
    }
}
