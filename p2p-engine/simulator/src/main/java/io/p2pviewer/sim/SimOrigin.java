package io.p2pviewer.sim;

import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.http.TextResponse;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated origin behind the CDN: a master playlist, one media playlist per variant (a sliding live window
 * or a whole VOD), AES-128-style segments, and a {@link CdnClient} per viewer whose downloads cross the
 * {@link LinkNetwork} from the CDN host (its uplink is the CDN's capacity) to the viewer.
 *
 * <p>Segments are small deterministic arrays (a multiple of 16 bytes, so the engine's AES-128 length check
 * passes) standing for the real size divided by the payload scale; no byte of them is ASCII "c" or "d" (see
 * {@link LinkNetwork}). No SHA-256 list is published, so engines verify peers' segments by size and structure.
 * Playlist requests pay a round trip and no capacity. A request first waits in the viewer's uplink queue behind its
 * uploads ({@link LinkNetwork#uplinkWaitNanos}). Counts every segment fetch, per variant and segment.
 * One per partition ({@link Partitions}), serving that partition's viewers on its thread.
 */
final class SimOrigin {
    static final URI MASTER = URI.create("http://cdn.sim/stream/master.m3u8");

    private final VirtualTimeScheduler scheduler;
    private final LinkNetwork network;
    private final SimNode cdn;
    private final Scenario scenario;
    private final long segmentNanos;
    private final int[] segmentBytes;
    /** CDN fetches per variant and segment (index: media sequence). */
    private final int[][] fetches;
    private long segmentRequests;
    private long wireBytesServed;
    /** The media playlist last served and the live edge it was made for: every viewer asks for the same one. */
    private String mediaText;
    private long mediaEdge = -1;

    /**
     * The origin and CDN edge of one partition of {@code partitions}: the CDN's capacity is split evenly between
     * the partitions' edges (each serves its partition's viewers).
     */
    SimOrigin(VirtualTimeScheduler scheduler, LinkNetwork network, Scenario scenario, int partition, int partitions) {
        this.scheduler = scheduler;
        this.network = network;
        this.scenario = scenario;
        Scenario.Cdn c = scenario.cdn();
        this.cdn = network.addNode("cdn" + partition, c.capacityMbps() * 125_000 / partitions, 1e12,
                (long) (c.latencyMs() * 1e6), false, partition);
        Scenario.Stream s = scenario.stream();
        this.segmentNanos = (long) (s.segmentSeconds() * 1e9);
        int variants = s.variants().size();
        this.segmentBytes = new int[variants];
        for (int v = 0; v < variants; v++) {
            double real = s.variants().get(v).bitrateMbps() * 125_000 * s.segmentSeconds();
            segmentBytes[v] = (int) Math.max(16, Math.ceil(real / network.payloadScale() / 16) * 16);
        }
        int sequences = s.live() ? (int) (scenario.duration().toNanos() / segmentNanos) + s.windowSegments() + 2
                : s.vodSegments();
        this.fetches = new int[variants][sequences];
    }

    /** Newest segment of the live window now (the window is full from the start). */
    long edge() {
        Scenario.Stream s = scenario.stream();
        return s.live() ? s.windowSegments() - 1 + scheduler.nanos() / segmentNanos : s.vodSegments() - 1;
    }

    long firstInPlaylist() {
        return scenario.stream().live() ? Math.max(0, edge() - scenario.stream().windowSegments() + 1) : 0;
    }

    /** Real (wire) bytes of one segment of a variant. */
    long segmentWireBytes(int variant) {
        return (long) segmentBytes[variant] * network.payloadScale();
    }

    int[][] fetches() {
        return fetches;
    }

    long segmentRequests() {
        return segmentRequests;
    }

    long wireBytesServed() {
        return wireBytesServed;
    }

    /** The bytes of a segment: deterministic, never 'c' or 'd'. */
    byte[] bytes(int variant, long seq) {
        byte[] b = new byte[segmentBytes[variant]];
        long x = (seq + 1) * 0x9E3779B97F4A7C15L + variant;
        for (int i = 0; i < b.length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            byte v = (byte) x;
            b[i] = v == 'c' || v == 'd' ? (byte) (v ^ 0x80) : v;
        }
        return b;
    }

    private String master() {
        StringBuilder s = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        var variants = scenario.stream().variants();
        for (int v = 0; v < variants.size(); v++) {
            s.append("#EXT-X-STREAM-INF:BANDWIDTH=").append((long) (variants.get(v).bitrateMbps() * 1e6))
                    .append("\nv").append(v).append("/playlist.m3u8\n");
        }
        return s.toString();
    }

    private String media() {
        long last = edge();
        if (last != mediaEdge) {
            mediaText = mediaUpTo(last);
            mediaEdge = last;
        }
        return mediaText;
    }

    private String mediaUpTo(long last) {
        Scenario.Stream s = scenario.stream();
        long first = firstInPlaylist();
        StringBuilder b = new StringBuilder(64 * (int) (last - first + 2));
        String target = Long.toString((long) Math.ceil(s.segmentSeconds()));
        String extinf = String.format(Locale.ROOT, "#EXTINF:%.3f,\nseg-", s.segmentSeconds());
        b.append("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:").append(target)
                .append("\n#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n');
        if (!s.live()) {
            b.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
        }
        b.append("#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.sim/k\"\n");
        for (long seq = first; seq <= last; seq++) {
            b.append(extinf).append(seq).append(".ts\n");
        }
        if (!s.live()) {
            b.append("#EXT-X-ENDLIST\n");
        }
        return b.toString();
    }

    /** The CDN as one viewer's engine sees it. */
    CdnClient client(SimNode viewer) {
        return new CdnClient() {
            @Override
            public CompletableFuture<TextResponse> fetchText(URI uri) {
                CompletableFuture<TextResponse> f = new CompletableFuture<>();
                long rtt = 2 * (viewer.latencyNanos() + cdn.latencyNanos());
                scheduler.scheduleNanos(network.uplinkWaitNanos(viewer) + rtt, () -> {
                    String path = uri.getPath();
                    if (path.endsWith("master.m3u8")) {
                        f.complete(new TextResponse(uri, master()));
                    } else if (path.endsWith("/playlist.m3u8")) {
                        f.complete(new TextResponse(uri, media()));
                    } else {
                        f.completeExceptionally(new StreamException(StreamException.Kind.HTTP_STATUS, "HTTP 404"));
                    }
                });
                return f;
            }

            @Override
            public Cancellable fetchBytes(URI uri, long offset, long length, SegmentListener listener) {
                return fetch(viewer, uri, offset, length, listener);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Sends the viewer the segment's bytes from {@code offset} on ({@code length} of them when >= 0). */
    private Cancellable fetch(SimNode viewer, URI uri, long offset, long length, SegmentListener listener) {
        String path = uri.getPath();
        int slash = path.lastIndexOf('/');
        int variant = Integer.parseInt(path.substring(path.lastIndexOf("/v", slash - 1) + 2, slash));
        long seq = Long.parseLong(path.substring(slash + 5, path.length() - 3));
        LinkNetwork.Flow flow = network.flow(cdn, viewer);
        boolean[] cancelled = {false};
        long oneWay = viewer.latencyNanos() + cdn.latencyNanos();
        scheduler.scheduleNanos(network.uplinkWaitNanos(viewer) + oneWay, () -> {
            if (cancelled[0]) {
                return;
            }
            if (seq > edge() || seq < 0 || seq >= fetches[variant].length) {
                scheduler.scheduleNanos(oneWay, () -> listener.onFailure("HTTP 404", false));
                return;
            }
            segmentRequests++;
            fetches[variant][(int) seq]++;
            byte[] data = CdnClient.range(bytes(variant, seq), offset, length);
            if (data == null) {
                scheduler.scheduleNanos(oneWay, () -> listener.onFailure("HTTP 416", false));
                return;
            }
            int piece = (int) Math.max(1, LinkNetwork.PIECE_WIRE_BYTES / network.payloadScale());
            int scale = network.payloadScale();
            for (int from = 0; from < data.length; from += piece) {
                int n = Math.min(piece, data.length - from);
                boolean last = from + n >= data.length;
                flow.send((long) n * scale, () -> {
                    wireBytesServed += (long) n * scale;
                    listener.onBytes(n);
                    if (last) {
                        listener.onComplete(data);
                    }
                });
            }
        });
        return () -> {
            cancelled[0] = true;
            flow.close();
        };
    }
}
