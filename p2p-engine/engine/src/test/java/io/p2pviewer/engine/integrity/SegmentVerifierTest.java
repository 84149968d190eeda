package io.p2pviewer.engine.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.stream.Hashes;
import java.net.URI;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SegmentVerifierTest {
    private static byte[] ts(int packets) {
        byte[] b = new byte[packets * 188];
        for (int i = 0; i < b.length; i += 188) {
            b[i] = 0x47;
            b[i + 1] = 5;
        }
        return b;
    }

    private static byte[] box(String type, int payload) {
        return ByteBuffer.allocate(8 + payload).putInt(8 + payload).put(type.getBytes()).array();
    }

    @Test
    void hashDecidesWhenKnown() {
        byte[] data = new byte[32];
        String sha = Hashes.sha256Hex(data);
        assertThat(SegmentVerifier.verify(data, 32, ContainerKind.ENCRYPTED_AES128, sha)).isEqualTo(Verdict.pass("sha256"));
        byte[] other = data.clone();
        other[5] = 1;
        Verdict v = SegmentVerifier.verify(other, 32, ContainerKind.ENCRYPTED_AES128, sha);
        assertThat(v.ok()).isFalse();
        assertThat(v.how()).isEqualTo("sha256");
    }

    @Test
    void emptyAndSizeMismatchAlwaysFail() {
        assertThat(SegmentVerifier.verify(new byte[0], 0, ContainerKind.OTHER, null).problem()).isEqualTo("empty segment");
        assertThat(SegmentVerifier.verify(new byte[16], 32, ContainerKind.ENCRYPTED_AES128, null).problem())
                .contains("declared 32");
    }

    @Test
    void encryptedLengthMustBeWholeBlocks() {
        assertThat(SegmentVerifier.verify(new byte[48], 48, ContainerKind.ENCRYPTED_AES128, null).ok()).isTrue();
        assertThat(SegmentVerifier.verify(new byte[47], 47, ContainerKind.ENCRYPTED_AES128, null).ok()).isFalse();
    }

    @Test
    void mpegTsNeedsSyncBytes() {
        assertThat(SegmentVerifier.verify(ts(3), 564, ContainerKind.MPEG_TS, null).ok()).isTrue();
        byte[] bad = ts(3);
        bad[376] = 0x00;
        assertThat(SegmentVerifier.verify(bad, 564, ContainerKind.MPEG_TS, null).problem()).contains("offset 376");
        assertThat(SegmentVerifier.verify(new byte[200], 200, ContainerKind.MPEG_TS, null).ok()).isFalse();
    }

    @Test
    void fmp4NeedsAValidBoxSequence() {
        byte[] good = ByteBuffer.allocate(40).put(box("moof", 8)).put(box("mdat", 16)).array();
        assertThat(SegmentVerifier.verify(good, 40, ContainerKind.FMP4, null).ok()).isTrue();
        byte[] runsPast = ByteBuffer.allocate(16).putInt(100).put("mdat".getBytes()).array();
        assertThat(SegmentVerifier.verify(runsPast, 16, ContainerKind.FMP4, null).problem()).contains("past the end");
        byte[] garbageType = ByteBuffer.allocate(8).putInt(8).put(new byte[] {0, 1, 2, 3}).array();
        assertThat(SegmentVerifier.verify(garbageType, 8, ContainerKind.FMP4, null).ok()).isFalse();
    }

    @Test
    void kindFromKeyAndExtension() {
        assertThat(ContainerKind.of(true, URI.create("http://x/a.ts"))).isEqualTo(ContainerKind.ENCRYPTED_AES128);
        assertThat(ContainerKind.of(false, URI.create("http://x/a.ts?t=1"))).isEqualTo(ContainerKind.MPEG_TS);
        assertThat(ContainerKind.of(false, URI.create("http://x/a.m4s"))).isEqualTo(ContainerKind.FMP4);
        assertThat(ContainerKind.of(false, URI.create("http://x/a.aac"))).isEqualTo(ContainerKind.OTHER);
    }
}
