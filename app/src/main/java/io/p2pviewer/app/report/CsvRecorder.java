package io.p2pviewer.app.report;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Records the delivery counters as CSV, one row per call (the callers call it once a second), flushed at every
 * row so a run that is killed keeps what it recorded. Columns are the CSV's contract with QA: add, never rename.
 */
public final class CsvRecorder implements AutoCloseable {
    public static final String HEADER = "time,seconds,peer_downloaded,cdn_downloaded,fallback_downloaded,"
            + "peer_served,cdn_served,fallback_served,peer_rate_bps,cdn_rate_bps,fallback_rate_bps,uploaded,"
            + "upload_rate_bps,peers,buffer_seconds,variant,stalls,stall_seconds,missed_deadlines,offload,"
            + "relayed_bytes";

    private final BufferedWriter out;
    private final Instant start;

    public CsvRecorder(Path file, Instant start) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        this.out = Files.newBufferedWriter(abs, StandardCharsets.UTF_8);
        this.start = start;
        out.write(HEADER);
        out.newLine();
        out.flush();
    }

    /** Appends one row; never throws (a failing disk must not stop playback): returns false on error. */
    public synchronized boolean row(EngineSnapshot s, int stalls, double stallSeconds) {
        StringBuilder b = new StringBuilder();
        b.append(s.at()).append(',').append(String.format(Locale.ROOT, "%.3f",
                Duration.between(start, s.at()).toMillis() / 1000.0));
        for (DeliverySource src : DeliverySource.values()) {
            b.append(',').append(s.source(src).downloadedBytes());
        }
        for (DeliverySource src : DeliverySource.values()) {
            b.append(',').append(s.source(src).servedBytes());
        }
        for (DeliverySource src : DeliverySource.values()) {
            b.append(',').append(Math.round(s.source(src).downloadRate() * 8));
        }
        long peers = s.peers().stream().filter(p -> p.connected()).count();
        b.append(',').append(s.uploadedBytes()).append(',').append(Math.round(s.uploadRate() * 8))
                .append(',').append(peers)
                .append(',').append(String.format(Locale.ROOT, "%.2f", s.bufferAheadSeconds()))
                .append(',').append(s.currentVariant().replace(',', '_'))
                .append(',').append(stalls).append(',').append(String.format(Locale.ROOT, "%.2f", stallSeconds))
                .append(',').append(s.missedDeadlines())
                .append(',').append(String.format(Locale.ROOT, "%.4f", s.offload()))
                .append(',').append(s.relayedBytes());
        try {
            out.write(b.toString());
            out.newLine();
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // nothing more to write
        }
    }
}
