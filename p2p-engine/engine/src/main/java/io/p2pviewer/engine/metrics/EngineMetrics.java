package io.p2pviewer.engine.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.p2pviewer.engine.DeliverySource;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The engine's Prometheus metrics. Meters read the latest {@link EngineTotals}, which the engine thread
 * refreshes once a second, so a scrape never touches engine state. Names:
 * {@code p2p_segment_bytes_total{source="peer|cdn|fallback",kind="downloaded|served"}},
 * {@code p2p_upload_bytes_total}, {@code p2p_peers}, {@code p2p_buffer_seconds}, {@code p2p_stalls_total},
 * {@code p2p_stall_seconds_total}, {@code p2p_missed_deadlines_total}, {@code p2p_offload_ratio}.
 */
public final class EngineMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile EngineTotals totals = EngineTotals.ZERO;

    public EngineMetrics() {
        for (DeliverySource s : DeliverySource.values()) {
            String source = s.name().toLowerCase(Locale.ROOT);
            FunctionCounter.builder("p2p.segment.bytes", this, m -> m.totals.downloaded().get(s))
                    .tag("source", source).tag("kind", "downloaded").baseUnit("bytes")
                    .description("Segment bytes received by source, cancelled transfers included")
                    .register(registry);
            FunctionCounter.builder("p2p.segment.bytes", this, m -> m.totals.served().get(s))
                    .tag("source", source).tag("kind", "served").baseUnit("bytes")
                    .description("Segment bytes handed to the player by source").register(registry);
        }
        counter("p2p.upload.bytes", "bytes", "Segment bytes sent to peers", () -> totals.uploaded());
        counter("p2p.stalls", null, "Playback stalls", () -> totals.stalls());
        counter("p2p.stall.seconds", null, "Time spent stalled", () -> totals.stallSeconds());
        counter("p2p.missed.deadlines", null, "Player requests that waited past the deadline grace",
                () -> totals.missedDeadlines());
        gauge("p2p.peers", "Connected peers", () -> totals.peers());
        gauge("p2p.buffer.seconds", "Media buffered ahead of the playhead", () -> totals.bufferSeconds());
        gauge("p2p.offload.ratio", "Share of served bytes that came from peers", () -> totals.offload());
    }

    private void counter(String name, String unit, String help, Supplier<Number> value) {
        FunctionCounter.Builder<EngineMetrics> b = FunctionCounter.builder(name, this, m -> value.get().doubleValue())
                .description(help);
        if (unit != null) {
            b.baseUnit(unit);
        }
        b.register(registry);
    }

    private void gauge(String name, String help, Supplier<Number> value) {
        Gauge.builder(name, () -> value.get()).description(help).register(registry);
    }

    /** Engine thread, once a second. */
    public void update(EngineTotals latest) {
        totals = latest;
    }

    public EngineTotals totals() {
        return totals;
    }

    /** The Prometheus text exposition. Any thread. */
    public String scrape() {
        return registry.scrape();
    }
}
