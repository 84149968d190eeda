package io.p2pviewer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncryptedSegmentsTest {

    private static final byte[] KEY = new byte[16];
    private final DemoClip clip = DemoClip.bundled();
    private final EncryptedSegments segments = new EncryptedSegments(clip, KEY);

    @Test
    void segmentIsTheLoopedClipSegmentEncryptedWithItsSequenceNumber() {
        byte[] clear = clip.variant("360p").orElseThrow().segments().get(3).bytes();

        assertThat(segments.bytes("360p", 13)).isEqualTo(SegmentCipher.encrypt(KEY, 13, clear));
        assertThat(SegmentCipher.decrypt(KEY, 13, segments.bytes("360p", 13))).isEqualTo(clear);
    }

    @Test
    void sameSegmentGivesTheSameBytesAfterEviction() {
        byte[] first = segments.bytes("720p", 5).clone();
        for (int m = 100; m < 100 + EncryptedSegments.MAX_CACHED_SEGMENTS + 1; m++) {
            segments.bytes("360p", m);
        }

        assertThat(segments.bytes("720p", 5)).isEqualTo(first);
    }

    @Test
    void digestIsSha256OfTheServedBytes() {
        assertThat(segments.sha256("720p", 2))
                .isEqualTo(EncryptedSegments.sha256Hex(segments.bytes("720p", 2)))
                .matches("[0-9a-f]{64}");
        assertThat(EncryptedSegments.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rejectsUnknownVariantsAndNegativeSequences() {
        assertThatThrownBy(() -> segments.bytes("1080p", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1080p");
        assertThatThrownBy(() -> segments.sha256("360p", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
