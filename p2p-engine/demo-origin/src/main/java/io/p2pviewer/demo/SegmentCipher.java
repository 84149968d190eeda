package io.p2pviewer.demo;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * HLS AES-128 segment encryption: AES-CBC with PKCS7 padding and the HLS default IV, which is the
 * segment's media sequence number as a 16-byte big-endian integer (RFC 8216, section 5.2).
 *
 * <p>Stateless and thread-safe (a new {@link Cipher} per call).
 */
final class SegmentCipher {

    /** JCE calls PKCS7 padding for 16-byte blocks "PKCS5Padding". */
    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";

    private SegmentCipher() {
    }

    /** The HLS default IV for a media sequence number. */
    static byte[] defaultIv(long mediaSequence) {
        return ByteBuffer.allocate(16).putLong(8, mediaSequence).array();
    }

    /** Encrypts a clear segment as an HLS AES-128 origin would for the given media sequence number. */
    static byte[] encrypt(byte[] key, long mediaSequence, byte[] clear) {
        return run(Cipher.ENCRYPT_MODE, key, mediaSequence, clear);
    }

    /** Decrypts what {@link #encrypt} produced. */
    static byte[] decrypt(byte[] key, long mediaSequence, byte[] encrypted) {
        return run(Cipher.DECRYPT_MODE, key, mediaSequence, encrypted);
    }

    private static byte[] run(int mode, byte[] key, long mediaSequence, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(defaultIv(mediaSequence)));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC failed for media sequence " + mediaSequence, e);
        }
    }
}
