package io.p2pviewer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SegmentCipherTest {

    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    @Test
    void defaultIvIsTheSequenceNumberBigEndian() {
        assertThat(HexFormat.of().formatHex(SegmentCipher.defaultIv(0x0102L)))
                .isEqualTo("00000000000000000000000000000102");
        assertThat(HexFormat.of().formatHex(SegmentCipher.defaultIv(Long.MAX_VALUE)))
                .isEqualTo("00000000000000007fffffffffffffff");
    }

    @Test
    void firstBlockIsAesOfPlaintextXorIv() throws Exception {
        byte[] clear = new byte[16];
        long sequence = 7;

        byte[] encrypted = SegmentCipher.encrypt(KEY, sequence, clear);

        // CBC: C0 = AES(P0 xor IV); with P0 all zero, C0 = AES(IV).
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"));
        byte[] expectedFirstBlock = ecb.doFinal(SegmentCipher.defaultIv(sequence));
        assertThat(java.util.Arrays.copyOf(encrypted, 16)).isEqualTo(expectedFirstBlock);
    }

    @Test
    void pkcs7PaddingAlwaysAddsOneToSixteenBytes() {
        assertThat(SegmentCipher.encrypt(KEY, 1, new byte[188])).hasSize(192);
        assertThat(SegmentCipher.encrypt(KEY, 1, new byte[192])).hasSize(208);
    }

    @Test
    void decryptReversesEncrypt() {
        byte[] clear = "a clear MPEG-TS segment, more or less".getBytes();

        assertThat(SegmentCipher.decrypt(KEY, 42, SegmentCipher.encrypt(KEY, 42, clear))).isEqualTo(clear);
        assertThat(SegmentCipher.encrypt(KEY, 42, clear)).isNotEqualTo(SegmentCipher.encrypt(KEY, 43, clear));
    }
}
