package io.p2pviewer.app.report;

import java.util.List;
import java.util.Map;

/**
 * The JSON report of a scripted run ({@code ./viewer play --headless --report f.json}). Field names are the
 * report's contract with QA scripts: add fields, never rename them.
 *
 * @param ok true when the run played (frames displayed) without a fatal error
 * @param reason one line saying why the run failed, null when ok
 * @param framesDisplayed frames the video surface received
 * @param secondsPlayed media seconds the player advanced
 * @param downloadedBytes every byte received by source (peer, cdn, fallback), cancelled transfers included
 * @param servedBytes bytes handed to the player by source
 * @param segments one entry per segment served to the player, in order
 * @param player libVLC's own counters at the end of the run
 */
public record PlayReport(String url, String startedAt, double durationSeconds, boolean ok, String reason,
                         long framesDisplayed, double secondsPlayed, double firstFrameSeconds, Stalls stalls,
                         Map<String, Long> downloadedBytes, Map<String, Long> servedBytes,
                         List<Segment> segments, List<String> errors, Map<String, Object> player) {

    /** Stall count and total stall time. */
    public record Stalls(int count, double totalSeconds) {
    }

    /** One segment served to the player. */
    public record Segment(String variant, long mediaSequence, String source, long bytes, String sha256) {
    }
}
