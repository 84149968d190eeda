package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.http.TextResponse;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A live origin in virtual time, as a {@link CdnClient}: a sliding window of 2-second AES-128-sized segments,
 * the SHA-256 list beside the playlist, byte ranges, answers after a fixed latency on the fake scheduler, and a count
 * of the segment bytes it served. One instance stands for the whole CDN; each engine gets a {@link #client()}.
 */
final class FakeLiveOrigin {
    static final URI PLAYLIST = URI.create("http://cdn.test/live/720p/playlist.m3u8?token=t");
    static final int SEGMENT_BYTES = 64_000;
    private static final int WINDOW = 6;

    private final FakeTaskScheduler scheduler;
    private final Instant epoch;
    private final Duration latency;
    long segmentBytesServed;
    int segmentRequests;
    /** Every partial fetch as "seq:from-to" (to exclusive). */
    final java.util.List<String> ranges = new java.util.ArrayList<>();

    FakeLiveOrigin(FakeTaskScheduler scheduler, Duration latency) {
        this.scheduler = scheduler;
        this.latency = latency;
        this.epoch = scheduler.now().minusSeconds(2L * WINDOW);
    }

    long edge() {
        return Duration.between(epoch, scheduler.now()).toSeconds() / 2;
    }

    static byte[] bytes(long seq) {
        byte[] b = new byte[SEGMENT_BYTES];
        long x = seq * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < b.length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            b[i] = (byte) x;
        }
        return b;
    }

    private String playlist() {
        long edge = edge();
        long first = edge - WINDOW + 1;
        StringBuilder s = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:")
                .append(first).append("\n#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.test/k?token=t\"\n");
        for (long seq = first; seq <= edge; seq++) {
            s.append("#EXTINF:2.000,\nseg-").append(seq).append(".ts?token=t\n");
        }
        return s.toString();
    }

    private String hashes() {
        StringBuilder s = new StringBuilder("{");
        for (long seq = Math.max(0, edge() - 30); seq <= edge(); seq++) {
            s.append(s.length() > 1 ? "," : "").append("\"seg-").append(seq).append(".ts\":\"")
                    .append(Hashes.sha256Hex(bytes(seq))).append('"');
        }
        return s.append('}').toString();
    }

    CdnClient client() {
        return new CdnClient() {
            @Override
            public CompletableFuture<TextResponse> fetchText(URI uri) {
                CompletableFuture<TextResponse> f = new CompletableFuture<>();
                scheduler.schedule(latency, () -> {
                    String path = uri.getPath();
                    if (path.endsWith("playlist.m3u8")) {
                        f.complete(new TextResponse(uri, playlist()));
                    } else if (path.endsWith("segments-sha256.json")) {
                        f.complete(new TextResponse(uri, hashes()));
                    } else {
                        f.completeExceptionally(new StreamException(StreamException.Kind.HTTP_STATUS, "HTTP 404"));
                    }
                });
                return f;
            }

            @Override
            public Cancellable fetchBytes(URI uri, long offset, long length, SegmentListener listener) {
                String name = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
                long seq = Long.parseLong(name.substring(4, name.length() - 3));
                segmentRequests++;
                return scheduler.schedule(latency, () -> {
                    if (seq > edge()) {
                        listener.onFailure("HTTP 404", false);
                        return;
                    }
                    byte[] b = CdnClient.range(bytes(seq), offset, length);
                    if (b == null) {
                        listener.onFailure("HTTP 416", false);
                        return;
                    }
                    if (b.length < SEGMENT_BYTES) {
                        ranges.add(seq + ":" + offset + "-" + (offset + b.length));
                    }
                    segmentBytesServed += b.length;
                    listener.onBytes(b.length);
                    listener.onComplete(b);
                });
            }

            @Override
            public void close() {
            }
        };
    }
}
