package io.p2pviewer.engine.peer.protocol;

import static io.p2pviewer.engine.peer.protocol.PeerMessagesTest.ascii;
import static io.p2pviewer.engine.peer.protocol.PeerMessagesTest.concat;
import static io.p2pviewer.engine.peer.protocol.UpstreamWireFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.peer.protocol.PeerProtocolException.Reason;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid input: every way a message can break the format, by {@link Reason}. */
class PeerMessageDecoderInvalidTest {

    private final PeerMessageDecoder decoder = new PeerMessageDecoder();

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("command code 6", "06690108720134", Reason.UNKNOWN_COMMAND),
                Arguments.of("command code 255", "ff", Reason.UNKNOWN_COMMAND),
                Arguments.of("empty body", "", Reason.MALFORMED),
                Arguments.of("field name without value", "0169010872013462", Reason.MALFORMED),
                Arguments.of("Int cut short", "01690108720201", Reason.MALFORMED),
                Arguments.of("Int of 0 bytes", "016900720134", Reason.MALFORMED),
                Arguments.of("Int of 9 bytes", "016909000000000000000001720134", Reason.MALFORMED),
                Arguments.of("unknown value type 3", "016901087201347830", Reason.MALFORMED),
                Arguments.of("unknown value type 15", "0169f0", Reason.MALFORMED),
                Arguments.of("known Int field given as array", "0169100101010872 0134", Reason.MALFORMED),
                Arguments.of("known array field given as Int", "006c0105", Reason.MALFORMED),
                Arguments.of("array header 0x11", "006c1101010105", Reason.MALFORMED),
                Arguments.of("array without group count", "006c10", Reason.MALFORMED),
                Arguments.of("array with fewer groups than counted", "006c10020101 05", Reason.MALFORMED),
                Arguments.of("array group with fewer ids than counted", "006c1001010305 06", Reason.MALFORMED),
                Arguments.of("string cut short", "01690108720134782005 6869", Reason.MALFORMED),
                Arguments.of("duplicate field", "01690108720134690109", Reason.MALFORMED),
                Arguments.of("trailing byte", "0169010872013400", Reason.MALFORMED),
                Arguments.of("request without r", "01690108", Reason.MISSING_FIELD),
                Arguments.of("request without i", "01720134", Reason.MISSING_FIELD),
                Arguments.of("data without s", "026901087201 34", Reason.MISSING_FIELD),
                Arguments.of("absent without anything", "04", Reason.MISSING_FIELD),
                Arguments.of("negative segment id", "01690188720134", Reason.VALUE_OUT_OF_RANGE),
                Arguments.of("segment id above 2^53 - 1", "016907200000000000007201 34", Reason.VALUE_OUT_OF_RANGE),
                Arguments.of("negative request id", "01690108720181", Reason.VALUE_OUT_OF_RANGE),
                Arguments.of("request id above int", "016901087205 0080000000", Reason.VALUE_OUT_OF_RANGE),
                Arguments.of("negative byte offset", "01690108720134620181", Reason.VALUE_OUT_OF_RANGE),
                Arguments.of("negative total bytes", "0269010872013473 0181", Reason.VALUE_OUT_OF_RANGE),
                Arguments.of("negative id block", "006c1001 028101 05", Reason.VALUE_OUT_OF_RANGE),
                Arguments.of("announced id above 2^53 - 1", "006c1001 0720000000000001 05", Reason.VALUE_OUT_OF_RANGE)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidBodiesAreRejectedWithTheirReason(String what, String bodyHex, Reason reason) {
        byte[] message = concat(ascii("cstr"), hex(bodyHex.replace(" ", "")), ascii("cend"));

        assertThatThrownBy(() -> decoder.feed(message))
                .isInstanceOfSatisfying(PeerProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void tooManyAnnouncedIds() throws Exception {
        var decoderWithSmallCap = new PeerMessageDecoder(new PeerMessageDecoder.Limits(1 << 20, 256, 1000));
        byte[] ok = PeerMessages.encode(new SegmentsAnnouncement(LongStream.range(0, 500).toArray(),
                LongStream.range(1000, 1500).toArray())).get(0);
        byte[] tooMany = PeerMessages.encode(new SegmentsAnnouncement(LongStream.range(0, 500).toArray(),
                LongStream.range(1000, 1501).toArray())).get(0);

        assertThat(decoderWithSmallCap.feed(ok)).isInstanceOf(Decoded.Command.class);
        assertRejected(decoderWithSmallCap, tooMany, Reason.TOO_MANY_IDS);
    }

    @Test
    void theDefaultCapRefusesTheLargestUpstreamAnnouncementOfWrappedBlocks() {
        // 255 groups of count 0 (256 ids each) in both fields: 130,560 ids, more than 100,000
        StringBuilder body = new StringBuilder("00");
        for (String field : new String[] {"6c", "70"}) {
            body.append(field).append("10ff");
            for (int block = 0; block < 255; block++) {
                body.append(String.format("03%06x", block * 256));
                body.append("00".repeat(256));
            }
        }
        byte[] message = concat(ascii("cstr"), hex(body.toString()), ascii("cend"));

        assertRejected(decoder, message, Reason.TOO_MANY_IDS);
    }

    @Test
    void oversizedSingleMessageCommand() throws Exception {
        var small = new PeerMessageDecoder(new PeerMessageDecoder.Limits(100, 256, 100_000));
        byte[] fits = PeerMessages.encode(new SegmentsAnnouncement(LongStream.range(0, 90).toArray(),
                new long[0])).get(0);
        byte[] tooBig = PeerMessages.encode(new SegmentsAnnouncement(LongStream.range(0, 200).toArray(),
                new long[0])).get(0);

        assertThat(small.feed(fits)).isInstanceOf(Decoded.Command.class);
        assertRejected(small, tooBig, Reason.OVERSIZED_COMMAND);
    }

    @Test
    void oversizedAssembledCommandIsRefusedBeforeItsLastPart() throws Exception {
        var small = new PeerMessageDecoder(new PeerMessageDecoder.Limits(1000, 256, 100_000));
        List<byte[]> parts = PeerMessages.encode(new SegmentsAnnouncement(LongStream.range(0, 2000).toArray(),
                new long[0]), 400);

        assertThat(small.feed(parts.get(0))).isEqualTo(Decoded.Incomplete.INSTANCE);
        assertThat(small.feed(parts.get(1))).isEqualTo(Decoded.Incomplete.INSTANCE);
        assertRejected(small, parts.get(2), Reason.OVERSIZED_COMMAND);
        assertThat(small.isAssembling()).isFalse();
    }

    @Test
    void tooManyParts() throws Exception {
        var fewParts = new PeerMessageDecoder(new PeerMessageDecoder.Limits(1 << 20, 4, 100_000));
        List<byte[]> parts = PeerMessages.encode(new SegmentsAnnouncement(LongStream.range(0, 300).toArray(),
                new long[0]), 64);
        assertThat(parts).hasSizeGreaterThan(4);

        for (int k = 0; k < 4; k++) {
            assertThat(fewParts.feed(parts.get(k))).isEqualTo(Decoded.Incomplete.INSTANCE);
        }
        assertRejected(fewParts, parts.get(4), Reason.TOO_MANY_PARTS);
    }

    @Test
    void continuationWithoutAStart() {
        byte[] part = concat(ascii("dstr"), hex("0169"), ascii("cend"));

        assertRejected(decoder, part, Reason.BROKEN_FRAMING);
    }

    @Test
    void newCommandBeforeTheSplitOneIsComplete() throws Exception {
        List<byte[]> parts = PeerMessages.encode(new SegmentsAnnouncement(LongStream.range(0, 300).toArray(),
                new long[0]), 100);
        decoder.feed(parts.get(0));

        assertRejected(decoder, PeerMessages.encode(new SegmentAbsent(1, 1)).get(0), Reason.BROKEN_FRAMING);
    }

    @Test
    void payloadInsideASplitCommand() throws Exception {
        List<byte[]> parts = PeerMessages.encode(new SegmentsAnnouncement(LongStream.range(0, 300).toArray(),
                new long[0]), 100);
        decoder.feed(parts.get(0));

        assertRejected(decoder, new byte[] {1, 2, 3}, Reason.BROKEN_FRAMING);
    }

    @Test
    void afterAnErrorTheDecoderStartsAfresh() throws Exception {
        List<byte[]> parts = PeerMessages.encode(new SegmentsAnnouncement(LongStream.range(0, 300).toArray(),
                new long[0]), 100);
        decoder.feed(parts.get(0));
        assertRejected(decoder, new byte[] {1, 2, 3}, Reason.BROKEN_FRAMING);

        assertThat(decoder.isAssembling()).isFalse();
        assertRejected(decoder, parts.get(1), Reason.BROKEN_FRAMING); // the rest of the broken command
        assertThat(decoder.feed(PeerMessages.encode(new SegmentAbsent(1, 1)).get(0)))
                .isEqualTo(new Decoded.Command(new SegmentAbsent(1, 1)));
        assertThat(decoder.feed(new byte[] {9})).isEqualTo(new Decoded.Payload(new byte[] {9}));
    }

    private static void assertRejected(PeerMessageDecoder decoder, byte[] message, Reason reason) {
        assertThatThrownBy(() -> decoder.feed(message))
                .isInstanceOfSatisfying(PeerProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
