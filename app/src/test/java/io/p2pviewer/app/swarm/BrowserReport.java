package io.p2pviewer.app.swarm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What a browser viewer page ({@code p2p-engine/testing/npm/browser/viewer.mjs}) reports about itself: its peer id,
 * the info hashes it announced, every segment hls.js received (source, sender, size, SHA-256), bytes per peer, and
 * the offers and answers the tracker relayed to it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BrowserReport(String peerId, List<String> infoHashes, List<Segment> segments, Map<String, Long> chunksDown,
                     Map<String, Long> chunksUp, List<String> peers, List<String> errors, List<Signal> signals,
                     double currentTime) {

    /** An offer or answer the tracker relayed to the page: who sent it, and the ICE candidates in its SDP. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Signal(String kind, String from, int candidates) {
    }

    /** One segment hls.js received; source is "http" or "p2p", peerId the sender for p2p. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Segment(String url, String source, String peerId, long bytes, String sha256) {
        /** The variant directory of a demo origin segment URL ({@code .../live/360p/seg-42.ts?token=...}). */
        String variant() {
            String[] path = URI.create(url).getPath().split("/");
            return path[path.length - 2];
        }

        /** The media sequence number of a demo origin segment URL. */
        long mediaSequence() {
            String[] path = URI.create(url).getPath().split("/");
            String file = path[path.length - 1];
            return Long.parseLong(file.substring("seg-".length(), file.length() - ".ts".length()));
        }
    }

    static BrowserReport empty() {
        return new BrowserReport(null, List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(), List.of(), 0);
    }

    /** Whether the page received an offer or answer ({@code kind}) from {@code peerId} with ICE candidates in it. */
    boolean receivedFullSdp(String kind, String peerId) {
        return signals.stream().anyMatch(s -> s.kind().equals(kind) && s.from().equals(peerId) && s.candidates() > 0);
    }

    /** Bytes of segments received over P2P from {@code peerId}. */
    long p2pSegmentBytesFrom(String peerId) {
        return segments.stream().filter(s -> s.source().equals("p2p") && peerId.equals(s.peerId()))
                .mapToLong(Segment::bytes).sum();
    }
}
