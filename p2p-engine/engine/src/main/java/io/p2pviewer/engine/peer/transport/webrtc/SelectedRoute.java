package io.p2pviewer.engine.peer.transport.webrtc;

import io.p2pviewer.engine.peer.transport.PeerRoute;
import java.util.Map;

/**
 * Reads the route of a connection from its WebRTC stats report (the W3C webrtc-stats dictionaries): the
 * transport's {@code selectedCandidatePairId}, else a nominated pair in state {@code succeeded}, and that pair's
 * local and remote candidates' {@code candidateType}. Pure and stateless.
 */
final class SelectedRoute {
    /** One stats entry: its W3C type ("transport", "candidate-pair", "local-candidate"...) and attributes. */
    record Entry(String type, Map<String, Object> attributes) {
        Entry {
            Map<String, Object> copy = new java.util.HashMap<>();
            attributes.forEach((k, v) -> {
                if (k != null && v != null) { // webrtc-java leaves unset members null
                    copy.put(k, v);
                }
            });
            attributes = Map.copyOf(copy);
        }

        String text(String name) {
            Object v = attributes.get(name);
            return v == null ? "" : v.toString();
        }
    }

    private SelectedRoute() {
    }

    /** The selected pair's candidate types, {@link PeerRoute#UNKNOWN} when the report names no selected pair. */
    static PeerRoute from(Map<String, Entry> byId) {
        Entry pair = selectedPair(byId);
        if (pair == null) {
            return PeerRoute.UNKNOWN;
        }
        return new PeerRoute(candidateType(byId, pair.text("localCandidateId")),
                candidateType(byId, pair.text("remoteCandidateId")));
    }

    /**
     * The selected pair's remote address (the remote candidate's {@code address}, or {@code ip} as older reports
     * name it): where the remote's packets really come from, not what its SDP claims; "" when the report names no
     * selected pair or no address, or when the remote candidate is a TURN relay's (that address is the TURN
     * server's, shared by every viewer it relays).
     */
    static String remoteAddress(Map<String, Entry> byId) {
        Entry pair = selectedPair(byId);
        Entry remote = pair == null ? null : byId.get(pair.text("remoteCandidateId"));
        if (remote == null || remote.text("candidateType").equalsIgnoreCase("relay")) {
            return "";
        }
        return remote.text("address").isEmpty() ? remote.text("ip") : remote.text("address");
    }

    /** The transport's selected pair, else a nominated pair in state succeeded, else null. */
    private static Entry selectedPair(Map<String, Entry> byId) {
        for (Entry e : byId.values()) {
            if (e.type().equals("transport") && !e.text("selectedCandidatePairId").isEmpty()) {
                Entry pair = byId.get(e.text("selectedCandidatePairId"));
                if (pair != null) {
                    return pair;
                }
            }
        }
        for (Entry e : byId.values()) {
            if (e.type().equals("candidate-pair") && Boolean.TRUE.equals(e.attributes().get("nominated"))
                    && e.text("state").equals("succeeded")) {
                return e;
            }
        }
        return null;
    }

    private static String candidateType(Map<String, Entry> byId, String id) {
        Entry c = byId.get(id);
        return c == null ? "" : c.text("candidateType");
    }
}
