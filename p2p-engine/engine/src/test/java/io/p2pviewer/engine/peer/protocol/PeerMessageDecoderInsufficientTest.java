package io.p2pviewer.engine.peer.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Insufficient input: the parts of a split command are held until the last arrives; nothing is lost or repeated. */
class PeerMessageDecoderInsufficientTest {

    private final PeerMessageDecoder decoder = new PeerMessageDecoder();

    @Test
    void eachPartButTheLastIsIncomplete() throws Exception {
        // 130,050 ids: more than the default cap, so a decoder with a higher one
        var decoder = new PeerMessageDecoder(new PeerMessageDecoder.Limits(1 << 20, 256, 200_000));
        long[] dense = UpstreamWireFixtures.denseIds();
        var huge = new SegmentsAnnouncement(dense, dense);
        List<byte[]> parts = PeerMessages.encode(huge);

        assertThat(decoder.feed(parts.get(0))).isEqualTo(Decoded.Incomplete.INSTANCE);
        assertThat(decoder.isAssembling()).isTrue();
        assertThat(decoder.feed(parts.get(1))).isEqualTo(Decoded.Incomplete.INSTANCE);
        assertThat(decoder.feed(parts.get(2))).isEqualTo(new Decoded.Command(huge));
        assertThat(decoder.isAssembling()).isFalse();
    }

    @Test
    void commandsAndPayloadAroundASplitCommandAreAllDelivered() throws Exception {
        var big = new SegmentsAnnouncement(UpstreamWireFixtures.denseIds(), new long[] {1, 2});
        byte[] before = {1, 2, 3};
        byte[] after = {4, 5};

        assertThat(decoder.feed(before)).isEqualTo(new Decoded.Payload(before));
        for (byte[] m : PeerMessages.encode(new SegmentData(9, 3, 5))) {
            assertThat(decoder.feed(m)).isEqualTo(new Decoded.Command(new SegmentData(9, 3, 5)));
        }
        List<byte[]> parts = PeerMessages.encode(big);
        assertThat(decoder.feed(parts.get(0))).isEqualTo(Decoded.Incomplete.INSTANCE);
        assertThat(decoder.feed(parts.get(1))).isEqualTo(new Decoded.Command(big));
        assertThat(decoder.feed(after)).isEqualTo(new Decoded.Payload(after));
        assertThat(decoder.feed(PeerMessages.encode(new SegmentAbsent(1, 2)).get(0)))
                .isEqualTo(new Decoded.Command(new SegmentAbsent(1, 2)));
    }

    @Test
    void manySmallPartsAssembleIntoOneCommand() throws Exception {
        var announcement = new SegmentsAnnouncement(LongStream.range(0, 3000).toArray(), new long[] {7});
        List<byte[]> parts = PeerMessages.encode(announcement, 64);

        for (int k = 0; k < parts.size() - 1; k++) {
            assertThat(decoder.feed(parts.get(k))).as("part %d", k).isEqualTo(Decoded.Incomplete.INSTANCE);
        }
        assertThat(decoder.feed(parts.get(parts.size() - 1))).isEqualTo(new Decoded.Command(announcement));
    }

    @Test
    void emptyPartsAreAccepted() throws Exception {
        // "cstr" + first half of a request + "dend", "dstr" + "dend" (empty), "dstr" + rest + "cend"
        byte[] body = PeerMessages.body(new SegmentRequest(8, 52));
        byte[] first = Frames.frame(Frames.COMMAND_START, body, 0, 3, Frames.PART_END);
        byte[] empty = Frames.frame(Frames.PART_START, body, 3, 3, Frames.PART_END);
        byte[] last = Frames.frame(Frames.PART_START, body, 3, body.length, Frames.COMMAND_END);

        assertThat(decoder.feed(first)).isEqualTo(Decoded.Incomplete.INSTANCE);
        assertThat(decoder.feed(empty)).isEqualTo(Decoded.Incomplete.INSTANCE);
        assertThat(decoder.feed(last)).isEqualTo(new Decoded.Command(new SegmentRequest(8, 52)));
    }

    @Test
    void theDecoderIsReusableAfterACompletedSplitCommand() throws Exception {
        var big = new SegmentsAnnouncement(UpstreamWireFixtures.denseIds(), new long[0]);
        for (int round = 0; round < 3; round++) {
            Decoded last = null;
            for (byte[] m : PeerMessages.encode(big)) {
                last = decoder.feed(m);
            }
            assertThat(last).isEqualTo(new Decoded.Command(big));
        }
    }
}
