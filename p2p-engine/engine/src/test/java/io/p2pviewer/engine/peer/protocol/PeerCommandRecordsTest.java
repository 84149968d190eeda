package io.p2pviewer.engine.peer.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PeerCommandRecordsTest {

    @Test
    void commandTypesCarryUpstreamsCodes() {
        assertThat(SegmentsAnnouncement.empty().type().code()).isZero();
        assertThat(new SegmentRequest(1, 1).type().code()).isEqualTo(1);
        assertThat(new SegmentData(1, 1, 1).type().code()).isEqualTo(2);
        assertThat(new SegmentDataSendingCompleted(1, 1).type().code()).isEqualTo(3);
        assertThat(new SegmentAbsent(1, 1).type().code()).isEqualTo(4);
        assertThat(new CancelSegmentRequest(1, 1).type().code()).isEqualTo(5);
    }

    @Test
    void announcementsAreSortedSetsComparedByContent() {
        var a = new SegmentsAnnouncement(new long[] {5, 1, 5, 3}, new long[] {9, 9});
        var b = new SegmentsAnnouncement(new long[] {1, 3, 5}, new long[] {9});

        assertThat(a.loaded()).containsExactly(1, 3, 5);
        assertThat(a.httpLoading()).containsExactly(9);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new SegmentsAnnouncement(new long[] {1, 3}, new long[] {9}));
        assertThat(a.toString()).isEqualTo("SegmentsAnnouncement[loaded=[1, 3, 5], httpLoading=[9]]");
        assertThat(a.hasLoaded(3)).isTrue();
        assertThat(a.hasLoaded(4)).isFalse();
        assertThat(a.isHttpLoading(9)).isTrue();
        assertThat(a.loadedCount()).isEqualTo(3);
        assertThat(a.httpLoadingCount()).isEqualTo(1);
    }

    @Test
    void announcementsAreImmutable() {
        long[] ids = {1, 2};
        var a = new SegmentsAnnouncement(ids, new long[0]);
        ids[0] = 7;
        a.loaded()[1] = 8;

        assertThat(a.loaded()).containsExactly(1, 2);
    }

    @Test
    void longAnnouncementsAreShortenedInToString() {
        var a = new SegmentsAnnouncement(LongStream.range(0, 1000).toArray(), new long[0]);

        assertThat(a.toString()).contains("15, ... (1000 ids)]").doesNotContain("999");
    }

    @Test
    void idsOutsideJavaScriptsSafeRangeAreRefused() {
        assertThatThrownBy(() -> new SegmentsAnnouncement(new long[] {-1}, new long[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentsAnnouncement(new long[0], new long[] {1L << 53}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentsAnnouncement(new long[0], new long[0], -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentRequest(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentRequest(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentRequest(0, 0, -5L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentData(0, 0, 1L << 53)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentAbsent(1L << 53, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentDataSendingCompleted(0, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CancelSegmentRequest(-3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SegmentData(PeerCommand.MAX_SAFE_INTEGER, Integer.MAX_VALUE, PeerCommand.MAX_SAFE_INTEGER)
                .totalBytes()).isEqualTo(PeerCommand.MAX_SAFE_INTEGER);
    }

    @Test
    void aZeroOffsetIsTheSameRequestAsNoOffset() {
        assertThat(new SegmentRequest(4, 2, 0L)).isEqualTo(new SegmentRequest(4, 2))
                .extracting(SegmentRequest::byteFrom)
                .isNull();
        assertThat(new SegmentRequest(4, 2, 10L).byteFrom()).isEqualTo(10L);
    }

    @Test
    void payloadsCompareByContent() {
        assertThat(new Decoded.Payload(new byte[] {1, 2})).isEqualTo(new Decoded.Payload(new byte[] {1, 2}))
                .hasSameHashCodeAs(new Decoded.Payload(new byte[] {1, 2}))
                .isNotEqualTo(new Decoded.Payload(new byte[] {1}))
                .hasToString("Payload[2 bytes]");
    }
}
