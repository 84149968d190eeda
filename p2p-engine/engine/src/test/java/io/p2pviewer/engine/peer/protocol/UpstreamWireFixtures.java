package io.p2pviewer.engine.peer.protocol;

import java.util.HexFormat;
import java.util.stream.LongStream;

/**
 * Wire bytes computed by the upstream JavaScript itself (p2p-media-loader-core 2.3.1 from npm, whose protocol sources
 * are identical to Novage/p2p-media-loader main at 2.3.0), with maximum message size 65535.
 *
 * <p>Regenerate: the script and its two helpers are in the test resources, folder
 * {@code io/p2pviewer/engine/peer/protocol/upstream-fixtures}; copy it anywhere, then
 * <pre>
 * npm init -y
 * npm install --ignore-scripts p2p-media-loader-core@2.3.1 p2p-media-loader-hlsjs@2.3.1 hls.js@1.6.16
 * node gen-upstream-fixtures.mjs
 * </pre>
 * and compare with the lines quoted in each constant's comment ({@code int}, {@code cmd}, {@code split256},
 * {@code bigpart}, {@code hugepart}).
 */
final class UpstreamWireFixtures {

    private UpstreamWireFixtures() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** {@code int N HEX}: upstream's {@code serializeInt}. */
    static final Object[][] INTS = {
            {0L, "0100"}, {8L, "0108"}, {127L, "017f"}, {128L, "020080"}, {140L, "02008c"}, {255L, "0200ff"},
            {256L, "020100"}, {223532L, "0303692c"}, {-1L, "0181"}, {-8L, "0188"}, {-128L, "028080"},
            {2147483647L, "047fffffff"}, {9007199254740991L, "071fffffffffffff"},
    };

    /** {@code cmd NAME HEX}: upstream's {@code serializePeerCommand}, each a single message. */
    static final Object[][] COMMANDS = {
            {"request_8_52", new SegmentRequest(8, 52), "637374720169010872013463656e64"},
            {"request_b", new SegmentRequest(1000, 999, 65536L), "6373747201690203e8720203e7620301000063656e64"},
            {"request_b0", new SegmentRequest(3, 1, 0L), "637374720169010372010163656e64"},
            {"data", new SegmentData(5, 7, 1234567), "6373747202690105730312d68772010763656e64"},
            {"data_zero", new SegmentData(0, 0, 0), "637374720269010073010072010063656e64"},
            {"completed", new SegmentDataSendingCompleted(5, 7), "637374720369010572010763656e64"},
            {"absent", new SegmentAbsent(300, 0), "63737472046902012c72010063656e64"},
            {"cancel", new CancelSegmentRequest(1L << 40, 999), "63737472056906010000000000720203e763656e64"},
            {"announce_empty", SegmentsAnnouncement.empty(), "637374720063656e64"},
            {"announce_small", new SegmentsAnnouncement(new long[] {1, 2, 3}, new long[] {4}),
                    "63737472006c1001010301020370100101010463656e64"},
            {"announce_blocks",
                    new SegmentsAnnouncement(new long[] {0, 1, 2, 10, 255, 256, 257, 70000, 9007199254740991L},
                            new long[0]),
                    "63737472006c100401050001020aff02010200010301110170071fffffffffff01ff63656e64"},
            {"announce_http_only", new SegmentsAnnouncement(new long[0], new long[] {5}),
                    "637374720070100101010563656e64"},
    };

    /** {@code cmd announce_full_block_upstream_bug}: upstream's encoding of l = 0..255 (count byte wrapped to 0). */
    static final String FULL_BLOCK_BY_UPSTREAM = "63737472006c10010100" + ascending(0, 256) + "63656e64";

    /**
     * {@code split256}: the body we write for l = 0..255 (groups of 255 and 1 in the same block); upstream's
     * {@code deserializeCommand} reads it back as 0..255 ({@code decodedOk=true}).
     */
    static final String FULL_BLOCK_SPLIT_BODY = "006c10020200ff" + ascending(0, 255) + "0101ff";

    /** The ids 0..254 of each of the blocks 0..254: 65,025 ids, the densest announcement set that fits. */
    static long[] denseIds() {
        return LongStream.range(0, 255).flatMap(block -> LongStream.range(0, 255).map(low -> block * 256 + low))
                .toArray();
    }

    /** {@code bigpart}: l = {@link #denseIds()}, p = [1, 2]: two parts, each length and SHA-256. */
    static final Object[][] BIG_PARTS = {
            {32972, "205d366296d57f37b3122504b928e9776ff84b1e7cb57a8adf7a2bf7aac69f50"},
            {32972, "3153f34b0ad1616318094b7b7d46c2d7041d5dd367ebf458921a3a4215858c68"},
    };

    /** {@code hugepart}: l = p = {@link #denseIds()}: three parts, each length and SHA-256. */
    static final Object[][] HUGE_PARTS = {
            {43955, "138a2681ed72e90c3c186185bf364233a048a7cc09fedddb26d600192242a0a9"},
            {43955, "6900a650bddf904232eb9505d4a9da4503c1964e48955fd64cd06982a2a91e3a"},
            {43955, "1a45a294fa4ec5a5e8eff3cdd31e5863965a72d2f6777268d8af66c0bdb6013c"},
    };

    private static String ascending(int from, int to) {
        StringBuilder hex = new StringBuilder();
        for (int b = from; b < to; b++) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
