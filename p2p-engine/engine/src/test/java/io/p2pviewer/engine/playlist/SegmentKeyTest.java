package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SegmentKeyTest {
    private static final URI KEY = URI.create("https://k.example/key");

    @Test
    void effectiveIvIsTheMediaSequenceNumberBigEndianWhenNoIvIsGiven() {
        SegmentKey key = new SegmentKey(KeyMethod.AES_128, KEY, null, "identity");

        assertThat(HexFormat.of().formatHex(key.effectiveIv(0x0102030405060708L)))
                .isEqualTo("00000000000000000102030405060708");
        assertThat(HexFormat.of().formatHex(key.effectiveIv(Long.MAX_VALUE)))
                .isEqualTo("00000000000000007fffffffffffffff");
    }

    @Test
    void effectiveIvIsTheExplicitIvWhenGiven() {
        byte[] iv = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        SegmentKey key = new SegmentKey(KeyMethod.AES_128, KEY, iv, "identity");

        assertThat(key.effectiveIv(42)).isEqualTo(iv);
    }

    @Test
    void ivIsCopiedInAndOut() {
        byte[] iv = new byte[16];
        SegmentKey key = new SegmentKey(KeyMethod.AES_128, KEY, iv, "identity");
        iv[0] = 1;
        key.iv()[1] = 1;

        assertThat(key.iv()).isEqualTo(new byte[16]);
    }

    @Test
    void equalityComparesIvContents() {
        SegmentKey a = new SegmentKey(KeyMethod.AES_128, KEY, new byte[16], "identity");
        SegmentKey b = new SegmentKey(KeyMethod.AES_128, KEY, new byte[16], "identity");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new SegmentKey(KeyMethod.AES_128, KEY, null, "identity"));
        assertThat(a.toString()).contains("iv=0x00000000000000000000000000000000");
    }

    @Test
    void rejectsAnIvThatIsNot16Bytes() {
        assertThatThrownBy(() -> new SegmentKey(KeyMethod.AES_128, KEY, new byte[8], "identity"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noneIsNotEncrypted() {
        assertThat(SegmentKey.NONE.encrypted()).isFalse();
        assertThat(new SegmentKey(KeyMethod.SAMPLE_AES, KEY, null, "identity").encrypted()).isTrue();
    }
}
