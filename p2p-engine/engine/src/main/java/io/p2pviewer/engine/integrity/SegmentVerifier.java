package io.p2pviewer.engine.integrity;

import io.p2pviewer.engine.stream.Hashes;

/**
 * Checks a peer-delivered segment before it is cached, served or re-shared: against the origin's SHA-256 when one
 * is known, and always for its size and a container check that needs no key. The engine never holds keys, so it
 * cannot and must not decrypt. Pure and thread-safe.
 */
public final class SegmentVerifier {
    private static final int TS_PACKET = 188;

    private SegmentVerifier() {
    }

    /**
     * @param declaredSize the size the peer announced before sending
     * @param expectedSha256 lowercase hex from the origin's list, or null when the stream publishes none
     */
    public static Verdict verify(byte[] data, long declaredSize, ContainerKind kind, String expectedSha256) {
        if (data.length == 0) {
            return Verdict.fail("size", "empty segment");
        }
        if (data.length != declaredSize) {
            return Verdict.fail("size", "received " + data.length + " bytes, peer declared " + declaredSize);
        }
        Verdict structure = structure(data, kind);
        if (!structure.ok()) {
            return structure;
        }
        if (expectedSha256 != null) {
            String actual = Hashes.sha256Hex(data);
            return actual.equalsIgnoreCase(expectedSha256)
                    ? Verdict.pass("sha256")
                    : Verdict.fail("sha256", "SHA-256 " + actual.substring(0, 12) + "… does not match the origin's "
                            + expectedSha256.substring(0, Math.min(12, expectedSha256.length())) + "…");
        }
        return structure;
    }

    static Verdict structure(byte[] data, ContainerKind kind) {
        return switch (kind) {
            case ENCRYPTED_AES128 -> data.length % 16 == 0 ? Verdict.pass("structure")
                    : Verdict.fail("structure", "AES-128 segment of " + data.length + " bytes is not a multiple of 16");
            case MPEG_TS -> mpegTs(data);
            case FMP4 -> fmp4(data);
            case OTHER -> Verdict.pass("structure");
        };
    }

    private static Verdict mpegTs(byte[] data) {
        if (data.length % TS_PACKET != 0) {
            return Verdict.fail("structure", "MPEG-TS segment of " + data.length + " bytes is not whole 188-byte packets");
        }
        for (int i = 0; i < data.length; i += TS_PACKET) {
            if (data[i] != 0x47) {
                return Verdict.fail("structure", "MPEG-TS sync byte missing at offset " + i);
            }
        }
        return Verdict.pass("structure");
    }

    private static Verdict fmp4(byte[] data) {
        long offset = 0;
        while (offset < data.length) {
            if (data.length - offset < 8) {
                return Verdict.fail("structure", "truncated MP4 box header at offset " + offset);
            }
            int o = (int) offset;
            long size = ((data[o] & 0xFFL) << 24) | ((data[o + 1] & 0xFFL) << 16) | ((data[o + 2] & 0xFFL) << 8)
                    | (data[o + 3] & 0xFFL);
            for (int k = 4; k < 8; k++) {
                int c = data[o + k] & 0xFF;
                if (c < 0x20 || c > 0x7E) {
                    return Verdict.fail("structure", "MP4 box type at offset " + offset + " is not printable");
                }
            }
            if (size == 1) {
                if (data.length - offset < 16) {
                    return Verdict.fail("structure", "truncated MP4 large box at offset " + offset);
                }
                size = 0;
                for (int k = 8; k < 16; k++) {
                    size = (size << 8) | (data[o + k] & 0xFFL);
                }
                if (size < 16) {
                    return Verdict.fail("structure", "MP4 large box size " + size + " at offset " + offset);
                }
            } else if (size == 0) {
                size = data.length - offset; // extends to the end
            } else if (size < 8) {
                return Verdict.fail("structure", "MP4 box size " + size + " at offset " + offset);
            }
            if (offset + size > data.length) {
                return Verdict.fail("structure", "MP4 box at offset " + offset + " runs past the end");
            }
            offset += size;
        }
        return Verdict.pass("structure");
    }
}
