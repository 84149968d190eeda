package io.p2pviewer.engine.peer.protocol;

import static io.p2pviewer.engine.peer.protocol.UpstreamWireFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PeerMessagesTest {

    @Test
    void intExamplesFromTheProtocolNotes() {
        assertThat(CommandBodyWriter.intBytes(8)).isEqualTo(hex("0108"));
        assertThat(CommandBodyWriter.intBytes(140)).isEqualTo(hex("02008c"));
        assertThat(CommandBodyWriter.intBytes(223532)).isEqualTo(hex("0303692c"));
    }

    static Stream<Arguments> upstreamInts() {
        return Arrays.stream(UpstreamWireFixtures.INTS).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamInts")
    void intsAreEncodedAsUpstreamEncodesThem(long value, String upstreamHex) {
        assertThat(HexFormat.of().formatHex(CommandBodyWriter.intBytes(value))).isEqualTo(upstreamHex);
    }

    @Test
    void requestExampleFromTheProtocolNotes() {
        byte[] expected = concat(ascii("cstr"), hex("01690108720134"), ascii("cend"));
        assertThat(PeerMessages.encode(new SegmentRequest(8, 52))).singleElement().isEqualTo(expected);
    }

    @Test
    void anAnnouncedUplinkIsTheIntFieldUAfterTheIdsAndAbsentWhenZero() {
        SegmentsAnnouncement ids = new SegmentsAnnouncement(new long[] {5, 6}, new long[] {7});
        byte[] plain = PeerMessages.body(ids);
        assertThat(PeerMessages.body(new SegmentsAnnouncement(new long[] {5, 6}, new long[] {7}, 0)))
                .as("no uplink told: the upstream bytes").isEqualTo(plain);
        assertThat(PeerMessages.body(new SegmentsAnnouncement(new long[] {5, 6}, new long[] {7}, 2_000_000)))
                .isEqualTo(concat(plain, hex("75" + "031e8480")));
    }

    static Stream<Arguments> upstreamCommands() {
        return Arrays.stream(UpstreamWireFixtures.COMMANDS).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamCommands")
    void commandsAreEncodedAsUpstreamEncodesThem(String name, PeerCommand command, String upstreamHex) {
        assertThat(PeerMessages.encode(command)).singleElement()
                .extracting(HexFormat.of()::formatHex).isEqualTo(upstreamHex);
    }

    @Test
    void aFullBlockOf256IdsIsSplitIntoGroupsUpstreamCanRead() {
        var all256 = new SegmentsAnnouncement(LongStream.range(0, 256).toArray(), new long[0]);

        byte[] body = PeerMessages.body(all256);

        assertThat(HexFormat.of().formatHex(body)).isEqualTo(UpstreamWireFixtures.FULL_BLOCK_SPLIT_BODY);
    }

    @Test
    void aLargeAnnouncementIsSplitIntoTheSamePartsAsUpstream() throws Exception {
        var big = new SegmentsAnnouncement(UpstreamWireFixtures.denseIds(), new long[] {1, 2});

        assertPartsMatch(PeerMessages.encode(big), UpstreamWireFixtures.BIG_PARTS);
    }

    @Test
    void aHugeAnnouncementIsSplitIntoThreePartsAsUpstream() throws Exception {
        long[] dense = UpstreamWireFixtures.denseIds();
        var huge = new SegmentsAnnouncement(dense, dense);

        List<byte[]> parts = PeerMessages.encode(huge);

        assertPartsMatch(parts, UpstreamWireFixtures.HUGE_PARTS);
        assertThat(parts.get(0)).startsWith(ascii("cstr")).endsWith(ascii("dend"));
        assertThat(parts.get(1)).startsWith(ascii("dstr")).endsWith(ascii("dend"));
        assertThat(parts.get(2)).startsWith(ascii("dstr")).endsWith(ascii("cend"));
    }

    @Test
    void aCommandThatJustFitsIsOneMessageOfExactlyTheMaximumSize() {
        // body = code + 'l' + 0x10 + count + per group (4-byte Int + ids); find a set whose framed size is 65535
        long[] ids = idsWithBodyLength(PeerMessages.MAX_MESSAGE_SIZE - 8);

        List<byte[]> messages = PeerMessages.encode(new SegmentsAnnouncement(ids, new long[0]));

        assertThat(messages).singleElement().satisfies(m -> assertThat(m).hasSize(PeerMessages.MAX_MESSAGE_SIZE));
        List<byte[]> oneMore = PeerMessages.encode(new SegmentsAnnouncement(idsWithBodyLength(
                PeerMessages.MAX_MESSAGE_SIZE - 7), new long[0]));
        assertThat(oneMore).hasSize(2).allSatisfy(m -> assertThat(m.length).isLessThanOrEqualTo(65535));
    }

    @Test
    void smallMaximumsSplitIntoManyPartsNoneTooLarge() {
        var announcement = new SegmentsAnnouncement(LongStream.range(0, 1000).toArray(), new long[0]);

        List<byte[]> parts = PeerMessages.encode(announcement, 100);

        assertThat(parts).hasSizeGreaterThan(10).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(100));
        assertThat(parts.get(0)).startsWith(ascii("cstr")).endsWith(ascii("dend"));
        assertThat(parts.get(parts.size() - 1)).startsWith(ascii("dstr")).endsWith(ascii("cend"));
        byte[] joined = parts.stream().map(p -> Arrays.copyOfRange(p, 4, p.length - 4))
                .reduce(new byte[0], PeerMessagesTest::concat);
        assertThat(joined).isEqualTo(PeerMessages.body(announcement));
    }

    @Test
    void anAnnouncementNeedingMoreThan255GroupsIsRefused() {
        long[] sparse = LongStream.range(0, 256).map(k -> k * 256).toArray();
        var announcement = new SegmentsAnnouncement(sparse, new long[0]);

        assertThat(announcement.isEncodable()).isFalse();
        assertThatThrownBy(() -> PeerMessages.encode(announcement))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 groups");
        assertThat(new SegmentsAnnouncement(Arrays.copyOf(sparse, 255), new long[0]).isEncodable()).isTrue();
    }

    @Test
    void payloadIsCutIntoMaximumSizeChunksAndARemainder() {
        byte[] data = new byte[2 * 65535 + 10];
        for (int k = 0; k < data.length; k++) {
            data[k] = (byte) (k * 31);
        }

        List<byte[]> chunks = PeerMessages.payloadChunks(data, 5, data.length - 5);

        assertThat(chunks).extracting(c -> c.length).containsExactly(65535, 65535, 5);
        assertThat(chunks.get(0)).isEqualTo(Arrays.copyOfRange(data, 5, 5 + 65535));
        assertThat(chunks.get(2)).isEqualTo(Arrays.copyOfRange(data, data.length - 5, data.length));
        assertThat(PeerMessages.payloadChunks(data, 0, 0)).isEmpty();
        assertThat(PeerMessages.payloadChunks(data, 0, 65535)).singleElement()
                .satisfies(c -> assertThat(c).hasSize(65535));
    }

    @Test
    void payloadChunksRejectABadRange() {
        assertThatThrownBy(() -> PeerMessages.payloadChunks(new byte[10], 5, 6))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** Ascending ids whose announcement body (one field) is exactly {@code length} bytes. */
    private static long[] idsWithBodyLength(int length) {
        // Groups of block >= 2^15 use a 4-byte Int (header + 3 bytes): cost 4 + ids. Base: code, name, 0x10, count.
        int remaining = length - 4;
        LongStream.Builder ids = LongStream.builder();
        long block = 1L << 16;
        while (remaining > 0) {
            int inGroup = Math.min(255, remaining - 4);
            if (remaining - (4 + inGroup) > 0 && remaining - (4 + inGroup) < 5) {
                inGroup -= 5; // leave room for one more whole group
            }
            for (int low = 0; low < inGroup; low++) {
                ids.add(block + low);
            }
            remaining -= 4 + inGroup;
            block += 256;
        }
        long[] result = ids.build().toArray();
        assertThat(PeerMessages.body(new SegmentsAnnouncement(result, new long[0]))).hasSize(length);
        return result;
    }

    private static void assertPartsMatch(List<byte[]> parts, Object[][] upstream) throws Exception {
        assertThat(parts).hasSize(upstream.length);
        for (int k = 0; k < upstream.length; k++) {
            assertThat(parts.get(k)).as("part %d", k).hasSize((int) upstream[k][0]);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(parts.get(k));
            assertThat(HexFormat.of().formatHex(digest)).as("part %d", k).isEqualTo(upstream[k][1]);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... arrays) {
        int length = Arrays.stream(arrays).mapToInt(a -> a.length).sum();
        byte[] result = new byte[length];
        int at = 0;
        for (byte[] a : arrays) {
            System.arraycopy(a, 0, result, at, a.length);
            at += a.length;
        }
        return result;
    }
}
