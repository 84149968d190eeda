package io.p2pviewer.engine.peer.protocol;

import static io.p2pviewer.engine.peer.protocol.PeerMessagesTest.ascii;
import static io.p2pviewer.engine.peer.protocol.PeerMessagesTest.concat;
import static io.p2pviewer.engine.peer.protocol.UpstreamWireFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid input: upstream's bytes and our own decode to the commands they carry; anything unframed is payload. */
class PeerMessageDecoderValidTest {

    private final PeerMessageDecoder decoder = new PeerMessageDecoder();

    static Stream<Arguments> upstreamCommands() {
        return Arrays.stream(UpstreamWireFixtures.COMMANDS).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamCommands")
    void upstreamBytesDecodeToTheirCommand(String name, PeerCommand command, String upstreamHex) throws Exception {
        assertThat(decoder.feed(hex(upstreamHex))).isEqualTo(new Decoded.Command(command));
        assertThat(decoder.isAssembling()).isFalse();
    }

    @Test
    void requestExampleFromTheProtocolNotes() throws Exception {
        byte[] message = concat(ascii("cstr"), hex("01690108720134"), ascii("cend"));

        assertThat(decoder.feed(message)).isEqualTo(new Decoded.Command(new SegmentRequest(8, 52, null)));
    }

    @Test
    void upstreamsWrappedFullBlockReadsAs256Ids() throws Exception {
        Decoded decoded = decoder.feed(hex(UpstreamWireFixtures.FULL_BLOCK_BY_UPSTREAM));

        assertThat(decoded).isEqualTo(new Decoded.Command(
                new SegmentsAnnouncement(LongStream.range(0, 256).toArray(), new long[0])));
    }

    @Test
    void ourSplitFullBlockReadsBack() throws Exception {
        byte[] message = concat(ascii("cstr"), hex(UpstreamWireFixtures.FULL_BLOCK_SPLIT_BODY), ascii("cend"));

        Decoded decoded = decoder.feed(message);

        assertThat(((Decoded.Command) decoded).command()).isInstanceOfSatisfying(SegmentsAnnouncement.class,
                a -> assertThat(a.loaded()).containsExactly(LongStream.range(0, 256).toArray()));
    }

    @Test
    void duplicateAndUnorderedIdsAreReadAsASet() throws Exception {
        // groups out of order and a repeated block, as another implementation might write them
        byte[] body = hex("006c1003" + "020101" + "01" + "0101" + "05" + "0101" + "05" + "701001" + "0101" + "02");
        byte[] message = concat(ascii("cstr"), body, ascii("cend"));

        Decoded decoded = decoder.feed(message);

        assertThat(decoded).isEqualTo(new Decoded.Command(
                new SegmentsAnnouncement(new long[] {5, 257}, new long[] {2})));
    }

    @Test
    void anAnnouncedUplinkIsRead() throws Exception {
        SegmentsAnnouncement sent = new SegmentsAnnouncement(new long[] {5, 257}, new long[] {2}, 12_500_000);

        Decoded decoded = decoder.feed(PeerMessages.encode(sent).get(0));

        assertThat(decoded).isEqualTo(new Decoded.Command(sent));
        assertThat(((SegmentsAnnouncement) ((Decoded.Command) decoded).command()).uplinkBytesPerSecond())
                .isEqualTo(12_500_000);
    }

    @Test
    void fieldsACommandDoesNotUseAreSkipped() throws Exception {
        // request i=8 r=52 plus x=Int 7, y=String "hi", z=IntArray [1], in between
        byte[] body = hex("01" + "690108" + "780107" + "7920026869" + "7a1001010101" + "720134");

        Decoded decoded = decoder.feed(concat(ascii("cstr"), body, ascii("cend")));

        assertThat(decoded).isEqualTo(new Decoded.Command(new SegmentRequest(8, 52)));
    }

    @Test
    void fieldOrderDoesNotMatterAndNonMinimalIntsAreRead() throws Exception {
        byte[] body = hex("02" + "72020007" + "7304000004d2" + "69080000000000000005");

        Decoded decoded = decoder.feed(concat(ascii("cstr"), body, ascii("cend")));

        assertThat(decoded).isEqualTo(new Decoded.Command(new SegmentData(5, 7, 1234)));
    }

    @Test
    void anExplicitZeroOffsetMeansTheWholeSegment() throws Exception {
        byte[] body = hex("01" + "690108" + "720134" + "620100");

        assertThat(decoder.feed(concat(ascii("cstr"), body, ascii("cend"))))
                .isEqualTo(new Decoded.Command(new SegmentRequest(8, 52, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "cstr", "cstrcen", "cstr0100cenx", "xcstr0100cend", "63737472", "47400010ff"})
    void unframedMessagesArePayloadReturnedAsIs(String text) throws Exception {
        byte[] message = text.matches("[0-9a-f]*") && text.length() % 2 == 0 ? hex(text) : ascii(text);

        Decoded decoded = decoder.feed(message);

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Payload.class, p -> assertThat(p.bytes()).isSameAs(message));
    }

    @Test
    void maximumSizePayloadChunksArePayload() throws Exception {
        byte[] segment = new byte[200_000];
        new Random(7).nextBytes(segment);
        segment[0] = 'c';
        segment[1] = 's';
        segment[2] = 't';
        segment[3] = 'r';

        for (byte[] chunk : PeerMessages.payloadChunks(segment, 0, segment.length)) {
            assertThat(decoder.feed(chunk)).isEqualTo(new Decoded.Payload(chunk));
        }
    }

    @Test
    void randomCommandsRoundTrip() throws Exception {
        Random random = new Random(20240611);
        for (int k = 0; k < 2000; k++) {
            PeerCommand command = randomCommand(random);
            List<byte[]> messages = PeerMessages.encode(command);
            Decoded last = null;
            for (byte[] m : messages) {
                assertThat(m.length).isLessThanOrEqualTo(PeerMessages.MAX_MESSAGE_SIZE);
                last = decoder.feed(m);
            }
            assertThat(last).as("%s", command).isEqualTo(new Decoded.Command(command));
        }
    }

    static PeerCommand randomCommand(Random random) {
        long id = random.nextBoolean() ? random.nextInt(1000) : random.nextLong(PeerCommand.MAX_SAFE_INTEGER + 1);
        int request = random.nextBoolean() ? random.nextInt(1000) : random.nextInt(Integer.MAX_VALUE);
        return switch (random.nextInt(6)) {
            case 0 -> new SegmentsAnnouncement(randomIds(random), randomIds(random));
            case 1 -> new SegmentRequest(id, request, random.nextBoolean() ? null
                    : random.nextLong(PeerCommand.MAX_SAFE_INTEGER + 1));
            case 2 -> new SegmentData(id, request, random.nextLong(PeerCommand.MAX_SAFE_INTEGER + 1));
            case 3 -> new SegmentDataSendingCompleted(id, request);
            case 4 -> new SegmentAbsent(id, request);
            default -> new CancelSegmentRequest(id, request);
        };
    }

    private static long[] randomIds(Random random) {
        int count = random.nextInt(10) == 0 ? random.nextInt(20_000) : random.nextInt(40);
        long base = random.nextBoolean() ? 0 : random.nextLong(PeerCommand.MAX_SAFE_INTEGER / 2) & ~0xffL;
        long span = random.nextBoolean() ? count + 1 : 255L * 256;
        return LongStream.generate(() -> base + random.nextLong(span)).limit(count).toArray();
    }
}
