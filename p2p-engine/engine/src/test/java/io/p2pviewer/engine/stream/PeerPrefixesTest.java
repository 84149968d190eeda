package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.source.SegmentRequest;
import io.p2pviewer.engine.stream.PeerPrefixes.PeerPrefix;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PeerPrefixesTest {
    private static final SegmentId ID = new SegmentId("720p", 7);
    private static final URI URI_ = URI.create("http://cdn.test/seg-7.ts");

    private static PeerPrefix prefix(int have, long total) {
        return new PeerPrefix("peer", new byte[have], total);
    }

    @Test
    void theRestOfAWholeResourceIsAnOpenRangeAfterThePrefix() {
        SegmentRequest whole = new SegmentRequest(ID, URI_, 0, -1, 2.0);
        assertThat(PeerPrefixes.rest(whole, prefix(300, 1000)))
                .isEqualTo(new SegmentRequest(ID, URI_, 300, -1, 2.0));
    }

    @Test
    void theRestOfAByteRangeSegmentEndsWhereTheSegmentEnds() {
        SegmentRequest whole = new SegmentRequest(ID, URI_, 5000, 1000, 2.0);
        assertThat(PeerPrefixes.rest(whole, prefix(300, 1000)))
                .isEqualTo(new SegmentRequest(ID, URI_, 5300, 700, 2.0));
    }

    @Test
    void aPrefixThatDoesNotFitGivesNoRest() {
        SegmentRequest range = new SegmentRequest(ID, URI_, 5000, 1000, 2.0);
        assertThat(PeerPrefixes.rest(range, prefix(300, 999))).as("declared size differs from the range").isNull();
        SegmentRequest whole = new SegmentRequest(ID, URI_, 0, -1, 2.0);
        assertThat(PeerPrefixes.rest(whole, prefix(1000, 1000))).as("nothing left").isNull();
        assertThat(PeerPrefixes.rest(whole, prefix(0, 1000))).as("nothing sent").isNull();
    }

    @Test
    void keepsTheLongerPrefixOfASegmentAndAtMostTheNewestFew() {
        PeerPrefixes kept = new PeerPrefixes();
        kept.keep(ID, prefix(300, 1000));
        kept.keep(ID, prefix(200, 1000));
        assertThat(kept.take(ID).bytes()).hasSize(300);
        assertThat(kept.take(ID)).as("taken once").isNull();

        for (int i = 0; i <= PeerPrefixes.MAX_KEPT; i++) {
            kept.keep(new SegmentId("720p", i), prefix(10, 1000));
        }
        assertThat(kept.take(new SegmentId("720p", 0))).as("the oldest went").isNull();
        assertThat(kept.take(new SegmentId("720p", PeerPrefixes.MAX_KEPT))).isNotNull();
    }

    @Test
    void joinsAndComparesBytes() {
        byte[] joined = PeerPrefixes.join(new byte[] {1, 2}, new byte[] {3});
        assertThat(joined).containsExactly(1, 2, 3);
        assertThat(PeerPrefixes.matches(new byte[] {1, 2}, joined)).isTrue();
        assertThat(PeerPrefixes.matches(new byte[] {1, 3}, joined)).isFalse();
        assertThat(PeerPrefixes.matches(new byte[] {1, 2, 3, 4}, joined)).isFalse();
    }
}
