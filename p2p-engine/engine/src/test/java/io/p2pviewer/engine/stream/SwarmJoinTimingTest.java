package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.cache.CachedSegment;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A P2P track joins its swarm once the player's first segment has been served, or a second after its first use at
 * the latest: until then it starts as a CDN-only engine does, so the swarm's start does not delay the first frame.
 */
class SwarmJoinTimingTest {
    private final LiveEngineFixture fx = new LiveEngineFixture();

    @Test
    void theTrackJoinsItsSwarmWhenThePlayersFirstSegmentHasBeenServed() throws Exception {
        StreamController controller = fx.openPlaylist();
        assertThat(fx.infoHashes).as("after the playlist request").isEmpty();

        CompletableFuture<CachedSegment> first = controller.segment(0, fx.origin.edge());
        fx.scheduler.advance(Duration.ofMillis(100));
        CachedSegment segment = first.join();
        assertThat(segment.source()).isEqualTo(DeliverySource.CDN);
        assertThat(fx.infoHashes).as("segment fetched, not yet handed to the player").isEmpty();

        controller.served(segment, segment.size(), segment.sha256());
        assertThat(fx.infoHashes).hasSize(1);
        fx.scheduler.advance(StreamController.JOIN_AT_THE_LATEST);
        assertThat(fx.infoHashes).as("joined once").hasSize(1);
    }

    @Test
    void aTrackThatJoinedAfterItsFirstSegmentStillKnowsHowFarAheadItsPlayerIs() throws Exception {
        StreamController controller = fx.openPlaylist();
        long first = fx.origin.edge() - 3;
        Instant askedFirst = fx.scheduler.now();
        CompletableFuture<CachedSegment> f = controller.segment(0, first);
        fx.scheduler.advance(Duration.ofMillis(100));
        CachedSegment segment = f.join();
        controller.served(segment, segment.size(), segment.sha256()); // joins
        controller.segment(0, first + 1);
        fx.scheduler.advance(Duration.ofMillis(100));
        controller.segment(0, first + 2);

        // The player plays from its first segment on: it needs the third 4 s (two 2 s segments) after the first,
        // not 2 s after it asked for the second (the request time, when the need was not kept before the join).
        assertThat(fx.infoHashes).hasSize(1);
        assertThat(controller.track(0).playheadNeed).isEqualTo(askedFirst.plusSeconds(4));
    }

    @Test
    void withoutASegmentServedTheTrackJoinsASecondAfterItsFirstUse() throws Exception {
        StreamController controller = fx.openPlaylist(); // 100 ms ago
        fx.scheduler.advance(StreamController.JOIN_AT_THE_LATEST.minusMillis(101));
        controller.playlist(0); // used again: the second counts from its first use
        assertThat(fx.infoHashes).isEmpty();

        fx.scheduler.advance(Duration.ofMillis(1));
        assertThat(fx.infoHashes).hasSize(1);
    }

    @Test
    void aStreamClosedBeforeItsTrackJoinedNeverJoins() throws Exception {
        StreamController controller = fx.openPlaylist();
        controller.close();
        fx.scheduler.advance(StreamController.JOIN_AT_THE_LATEST.multipliedBy(2));
        assertThat(fx.infoHashes).isEmpty();
    }
}
