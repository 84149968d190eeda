package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.TextResponse;
import io.p2pviewer.engine.proxy.ProxyFailure;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The stream controller in virtual time against an in-memory CDN. */
class StreamControllerTest {
    private static final URI PLAYLIST = URI.create("http://cdn.test/live/v/playlist.m3u8?token=a");
    private static final URI SEG10 = URI.create("http://cdn.test/live/v/s10.ts?token=a");

    private final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    private final FakeCdnClient cdn = new FakeCdnClient();
    private final StreamContext context = new StreamContext(scheduler, cdn,
            new SegmentCache(16 << 20), 3, Duration.ofSeconds(1), null, new java.util.HashSet<>());

    private static String live(long first) {
        StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:" + first + "\n");
        for (long s = first; s < first + 3; s++) {
            b.append("#EXTINF:2.0,\ns").append(s).append(".ts?token=a\n");
        }
        return b.toString();
    }

    private StreamController open() throws Exception {
        return StreamOpener.open("t1", PLAYLIST, new TextResponse(PLAYLIST, live(10)), context);
    }

    @Test
    void mediaPlaylistIsRewrittenToTheProxy() throws Exception {
        StreamController c = open();
        CompletableFuture<String> f = c.playlist(0);
        assertThat(f).isCompleted();
        String text = f.join();
        assertThat(text).contains("\nseg/10.ts\n").contains("\nseg/12.ts\n").doesNotContain("token");
    }

    @Test
    void retriesRetryableFailuresWithBackoffThenServes() throws Exception {
        StreamController c = open();
        cdn.enqueue(SEG10, "true:HTTP 503");
        cdn.enqueue(SEG10, "true:connection reset");
        cdn.enqueue(SEG10, new byte[] {1, 2, 3});
        CompletableFuture<CachedSegment> f = c.segment(0, 10);
        scheduler.runUntilIdle();
        assertThat(f).isNotDone();
        scheduler.advance(Duration.ofMillis(400));
        assertThat(f).isNotDone();
        scheduler.advance(Duration.ofMillis(800));
        assertThat(f).isCompleted();
        assertThat(f.join().data()).containsExactly(1, 2, 3);
        assertThat(cdn.log).filteredOn(l -> l.startsWith("bytes /live/v/s10")).hasSize(3);
        // Bytes of failed attempts and of the good one all count as downloaded.
        assertThat(c.snapshot().source(DeliverySource.CDN).downloadedBytes()).isEqualTo(3); // s11 answered 404
    }

    @Test
    void doesNotRetryA404AndRecordsTheError() throws Exception {
        StreamController c = open();
        cdn.enqueue(SEG10, "false:HTTP 404 from origin");
        CompletableFuture<CachedSegment> f = c.segment(0, 10);
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(f).isCompletedExceptionally();
        assertThat(f.exceptionNow()).isInstanceOf(ProxyFailure.class);
        assertThat(((ProxyFailure) f.exceptionNow()).status()).isEqualTo(502);
        assertThat(cdn.log).filteredOn(l -> l.startsWith("bytes /live/v/s10")).hasSize(1);
        assertThat(c.errors()).hasAtLeastOneElementOfType(StreamError.SegmentFailed.class);
    }

    @Test
    void concurrentRequestsForOneSegmentShareOneFetchAndLaterOnesHitTheCache() throws Exception {
        StreamController c = open();
        cdn.enqueue(SEG10, "true:slow start");
        cdn.enqueue(SEG10, new byte[] {9});
        CompletableFuture<CachedSegment> a = c.segment(0, 10);
        CompletableFuture<CachedSegment> b = c.segment(0, 10);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(a).isCompleted();
        assertThat(a.join()).isSameAs(b.join());
        assertThat(c.segment(0, 10)).isCompletedWithValue(a.join());
        assertThat(cdn.log).filteredOn(l -> l.startsWith("bytes /live/v/s10")).hasSize(2);
    }

    @Test
    void livePlaylistIsReloadedEveryTargetDurationOnlyWhileThePlayerUsesIt() throws Exception {
        StreamController c = open();
        cdn.playlist(PLAYLIST, live(11));
        c.playlist(0); // the player is watching
        scheduler.advance(Duration.ofMillis(2000));
        assertThat(cdn.log).containsExactly("text /live/v/playlist.m3u8");
        CompletableFuture<String> reloaded = c.playlist(0);
        assertThat(reloaded).isCompleted();
        assertThat(reloaded.join()).contains("#EXT-X-MEDIA-SEQUENCE:11");
        long reloadsBefore = cdn.log.size();
        scheduler.advance(Duration.ofSeconds(30)); // the player went away: reloads stop after 3 target durations
        long reloads = cdn.log.size() - reloadsBefore;
        assertThat(reloads).isBetween(1L, 3L);
    }

    @Test
    void theNextSegmentIsFetchedWhileThePlayerReadsThisOne() throws Exception {
        StreamController c = open();
        URI seg11 = URI.create("http://cdn.test/live/v/s11.ts?token=a");
        cdn.enqueue(SEG10, new byte[] {10});
        cdn.enqueue(seg11, new byte[] {11});
        c.segment(0, 10);
        scheduler.runUntilIdle();
        assertThat(cdn.log).containsExactly("bytes /live/v/s10.ts", "bytes /live/v/s11.ts");
        assertThat(c.segment(0, 11)).isCompleted();
        assertThat(cdn.log).filteredOn(l -> l.contains("s11")).hasSize(1);
    }

    @Test
    void unknownSegmentIsA404NotAFetch() throws Exception {
        StreamController c = open();
        CompletableFuture<CachedSegment> f = c.segment(0, 99);
        assertThat(((ProxyFailure) f.exceptionNow()).status()).isEqualTo(404);
        assertThat(cdn.log).isEmpty();
    }

    @Test
    void servedBytesAndBufferAhead() throws Exception {
        StreamController c = open();
        cdn.enqueue(SEG10, new byte[100]);
        CompletableFuture<CachedSegment> f = c.segment(0, 10);
        scheduler.runUntilIdle();
        CachedSegment s = f.join();
        c.served(s, 100, s.sha256());
        c.served(s, 100, s.sha256()); // the player read it twice: bytes twice, media seconds once
        c.playback(0.5);
        var snap = c.snapshot();
        assertThat(snap.source(DeliverySource.CDN).servedBytes()).isEqualTo(200);
        assertThat(snap.bufferAheadSeconds()).isEqualTo(1.5);
        assertThat(c.servedSegments()).hasSize(2);
    }
}
