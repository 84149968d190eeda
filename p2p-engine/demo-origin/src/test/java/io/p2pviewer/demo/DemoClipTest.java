package io.p2pviewer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Checks the bundled media against what the origin and its playlists promise. */
class DemoClipTest {

    private final DemoClip clip = DemoClip.bundled();

    @Test
    void hasTwoVariantsOfTenTwoSecondSegments() {
        assertThat(clip.variants()).extracting(ClipVariant::name).containsExactly("360p", "720p");
        assertThat(clip.segmentCount()).isEqualTo(10);
        for (ClipVariant variant : clip.variants()) {
            assertThat(variant.segments()).extracting(ClipSegment::durationMillis).containsOnly(2000L);
            assertThat(variant.frameRate()).isEqualTo(25);
            assertThat(variant.codecs()).matches("avc1\\.(64|4d)00[0-9a-f]{2},mp4a\\.40\\.2");
        }
        assertThat(clip.variant("360p").orElseThrow().width()).isEqualTo(640);
        assertThat(clip.variant("720p").orElseThrow().height()).isEqualTo(720);
    }

    @Test
    void segmentsAreMpegTsFilesStartingWithASyncByte() throws Exception {
        for (ClipVariant variant : clip.variants()) {
            for (ClipSegment segment : variant.segments()) {
                assertThat(segment.bytes().length % 188).isZero();
                assertThat(segment.bytes()[0]).isEqualTo((byte) 0x47);
                try (InputStream in = DemoClip.class.getResourceAsStream("media/" + variant.name() + "/" + segment.file())) {
                    assertThat(in.readAllBytes()).isEqualTo(segment.bytes());
                }
            }
        }
    }

    @Test
    void advertisedBandwidthsMatchTheEncryptedSegments() {
        for (ClipVariant variant : clip.variants()) {
            long peak = 0;
            long bits = 0;
            long millis = 0;
            for (ClipSegment segment : variant.segments()) {
                long encryptedBits = (segment.bytes().length / 16 + 1) * 16L * 8;
                peak = Math.max(peak, ceilDiv(encryptedBits * 1000, segment.durationMillis()));
                bits += encryptedBits;
                millis += segment.durationMillis();
            }
            assertThat(variant.bandwidth()).isEqualTo(peak);
            assertThat(variant.averageBandwidth()).isEqualTo(ceilDiv(bits * 1000, millis));
        }
    }

    @Test
    void segmentAtLoopsTheClip() {
        ClipVariant variant = clip.variants().get(0);

        assertThat(variant.segmentAt(23)).isSameAs(variant.segments().get(3));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
