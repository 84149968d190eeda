package io.p2pviewer.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentCacheTest {
    private static CachedSegment segment(long seq, int size) {
        return new CachedSegment(new SegmentId("720p", seq), new byte[size], DeliverySource.CDN, "x", 2.0);
    }

    @Test
    void evictsLeastRecentlyUsedToStayWithinTheBound() {
        SegmentCache cache = new SegmentCache(3000);
        cache.put(segment(1, 1000));
        cache.put(segment(2, 1000));
        cache.put(segment(3, 1000));
        cache.get(new SegmentId("720p", 1)); // 1 is now the most recently used
        cache.put(segment(4, 1000));
        assertThat(cache.contains(new SegmentId("720p", 2))).isFalse();
        assertThat(cache.contains(new SegmentId("720p", 1))).isTrue();
        assertThat(cache.bytes()).isEqualTo(3000);
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void replacingASegmentDoesNotDoubleCount() {
        SegmentCache cache = new SegmentCache(3000);
        cache.put(segment(1, 1000));
        cache.put(segment(1, 500));
        assertThat(cache.bytes()).isEqualTo(500);
    }

    @Test
    void segmentLargerThanTheBoundIsNotKept() {
        SegmentCache cache = new SegmentCache(1000);
        cache.put(segment(1, 600));
        cache.put(segment(2, 2000));
        assertThat(cache.contains(new SegmentId("720p", 2))).isFalse();
        assertThat(cache.contains(new SegmentId("720p", 1))).isTrue();
    }

    @Test
    void identityIsTrackAndSequence() {
        SegmentCache cache = new SegmentCache(10_000);
        cache.put(segment(5, 10));
        assertThat(cache.get(new SegmentId("360p", 5))).isEmpty();
        assertThat(cache.get(new SegmentId("720p", 5))).isPresent();
    }

    @Test
    void containsAgreesWithTheEntriesThroughPutsReplacementsAndEvictions() {
        SegmentCache cache = new SegmentCache(20_000);
        Random random = new Random(7);
        String[] tracks = {"360p", "720p"};
        for (int i = 0; i < 5_000; i++) {
            String track = tracks[random.nextInt(2)];
            long seq = random.nextInt(60);
            int size = random.nextInt(10) == 0 ? 30_000 : 500 + random.nextInt(1500); // a tenth exceed the bound
            cache.put(new CachedSegment(new SegmentId(track, seq), new byte[size], DeliverySource.CDN, "x", 2.0));
            for (String t : tracks) {
                for (long s = 0; s < 60; s++) {
                    boolean stored = cache.get(new SegmentId(t, s)).isPresent();
                    assertThat(cache.contains(t, s)).as("%s#%d after put %d", t, s, i).isEqualTo(stored);
                }
            }
        }
        assertThat(cache.contains("1080p", 3)).isFalse();
    }

    @Test
    void dropBeforeRemovesOnlyThatTracksOlderSegmentsAndTheirBytes() {
        SegmentCache cache = new SegmentCache(100_000);
        for (long seq = 1; seq <= 5; seq++) {
            cache.put(segment(seq, 1000));
            cache.put(new CachedSegment(new SegmentId("360p", seq), new byte[100], DeliverySource.CDN, "x", 2.0));
        }
        assertThat(cache.dropBefore("720p", 4)).isEqualTo(3);
        assertThat(cache.contains("720p", 3)).isFalse();
        assertThat(cache.contains("720p", 4)).isTrue();
        assertThat(cache.contains("360p", 1)).isTrue();
        assertThat(cache.bytes()).isEqualTo(2 * 1000 + 5 * 100);
        assertThat(cache.size()).isEqualTo(7);
        assertThat(cache.dropBefore("720p", 4)).isZero();
        assertThat(cache.dropBefore("1080p", 100)).isZero();
    }
}
