package io.p2pviewer.app.report;

import java.util.List;
import java.util.Map;

/**
 * The JSON report of a scripted run ({@code ./viewer play --headless --report f.json}, {@code ./viewer peer
 * --report f.json}). Field names are the report's contract with QA scripts: add fields, never rename them.
 *
 * @param ok true when the run played without a fatal error
 * @param reason one line saying why the run failed, null when ok
 * @param framesDisplayed frames the video surface received (0 for a headless peer, which decodes nothing)
 * @param secondsPlayed media seconds the player advanced
 * @param firstFrameSeconds seconds from the start of playback to the first frame; for a headless peer, which
 *     decodes nothing, to its player's first segment (when its playback starts); -1 when it never started
 * @param downloadedBytes every byte received by source (peer, cdn, fallback), cancelled transfers included
 * @param servedBytes bytes handed to the player by source
 * @param offload share of served bytes that came from peers, 0..1
 * @param uploadedBytes segment bytes sent to peers
 * @param missedDeadlines player segment requests that waited longer than the engine's deadline grace
 * @param peers every peer this run exchanged bytes with
 * @param segments one entry per segment served to the player, in order
 * @param player libVLC's own counters at the end of the run (empty for a headless peer)
 * @param process this process's CPU seconds, heap after GC and resident memory at the end of the run
 * @param relayedBytes of the peer bytes downloaded, those that came through a TURN relay (counted in peer too)
 * @param notices what the user should know about reaching peers, one line each (e.g. "peers found but
 *     unreachable: configure a TURN server", a TURN server refusing its credentials); empty when all is well
 */
public record PlayReport(String url, String startedAt, double durationSeconds, boolean ok, String reason,
                         long framesDisplayed, double secondsPlayed, double firstFrameSeconds, Stalls stalls,
                         Map<String, Long> downloadedBytes, Map<String, Long> servedBytes, double offload,
                         long uploadedBytes, long missedDeadlines, long maxPlayerWaitMillis, int bannedPeers,
                         List<Peer> peers, List<Segment> segments, List<String> errors, Map<String, Object> player,
                         Map<String, Object> process, long relayedBytes, List<String> notices) {

    /** Stall count and total stall time. */
    public record Stalls(int count, double totalSeconds) {
    }

    /**
     * One segment served to the player; {@code peerBytes} of its bytes came from a peer (all for "PEER"; for a
     * "FALLBACK", what a given-up peer transfer had sent before the CDN sent the rest).
     */
    public record Segment(String variant, long mediaSequence, String source, long bytes, String sha256,
                          long peerBytes) {
    }

    /**
     * Bytes exchanged with one peer; kind is "desktop" or "browser" (from the peer id prefix); route is the
     * selected ICE candidate pair's types, "local/remote" ("host/host", "srflx/prflx", "relay/relay"...; "" if
     * unknown); relayedBytes the part of bytesDown that came through a TURN relay.
     */
    public record Peer(String peerId, String kind, String track, long bytesDown, long bytesUp, boolean connected,
                       String route, long relayedBytes) {
    }
}
