package io.p2pviewer.engine.stats;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SourceStats;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Byte counters by delivery source, as downloaded and as served to the player. Engine thread only. */
public final class TrafficStats {
    private static final int RATE_WINDOW_SECONDS = 3;

    private final Map<DeliverySource, long[]> counters = new EnumMap<>(DeliverySource.class);
    private final Map<DeliverySource, RateMeter> downloadRates = new EnumMap<>(DeliverySource.class);
    private final RateMeter uploadRate = new RateMeter(RATE_WINDOW_SECONDS);
    private long uploaded;

    public TrafficStats() {
        for (DeliverySource s : DeliverySource.values()) {
            counters.put(s, new long[3]);
            downloadRates.put(s, new RateMeter(RATE_WINDOW_SECONDS));
        }
    }

    public void downloaded(DeliverySource source, long bytes, Instant at) {
        counters.get(source)[0] += bytes;
        downloadRates.get(source).record(at, bytes);
    }

    /**
     * One segment served, counted under {@code source}; {@code peerBytes} of its {@code bytes} came from a peer
     * (a fallback that fetched only what a given-up peer transfer had not sent) and count as PEER bytes.
     */
    public void served(DeliverySource source, long bytes, long peerBytes) {
        long[] c = counters.get(source);
        c[2]++;
        if (source == DeliverySource.PEER) {
            c[1] += bytes;
        } else {
            c[1] += bytes - peerBytes;
            counters.get(DeliverySource.PEER)[1] += peerBytes;
        }
    }

    public void uploaded(long bytes, Instant at) {
        uploaded += bytes;
        uploadRate.record(at, bytes);
    }

    public long uploadedBytes() {
        return uploaded;
    }

    public double uploadRate(Instant now) {
        return uploadRate.ratePerSecond(now);
    }

    public Map<DeliverySource, SourceStats> snapshot(Instant now) {
        Map<DeliverySource, SourceStats> out = new EnumMap<>(DeliverySource.class);
        for (DeliverySource s : DeliverySource.values()) {
            long[] c = counters.get(s);
            out.put(s, new SourceStats(c[0], c[1], downloadRates.get(s).ratePerSecond(now), c[2]));
        }
        return out;
    }
}
