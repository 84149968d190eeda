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
        Entry pair = null;
        for (Entry e : byId.values()) {
            if (e.type().equals("transport") && !e.text("selectedCandidatePairId").isEmpty()) {
                pair = byId.get(e.text("selectedCandidatePairId"));
                break;
            }
        }
        if (pair == null) {
            for (Entry e : byId.values()) {
                if (e.type().equals("candidate-pair") && Boolean.TRUE.equals(e.attributes().get("nominated"))
                        && e.text("state").equals("succeeded")) {
                    pair = e;
                    break;
                }
            }
        }
        if (pair == null) {
            return PeerRoute.UNKNOWN;
        }
        return new PeerRoute(candidateType(byId, pair.text("localCandidateId")),
                candidateType(byId, pair.text("remoteCandidateId")));
    }

    private static String candidateType(Map<String, Entry> byId, String id) {
        Entry c = byId.get(id);
        return c == null ? "" : c.text("candidateType");
    }
}
