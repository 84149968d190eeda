package io.p2pviewer.engine.peer.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorruptingPeerTransportTest {
    private final InMemoryNetwork network = new InMemoryNetwork(Runnable::run);
    private final CorruptingPeerTransport sender = new CorruptingPeerTransport(network.transport("evil"), true);
    private final List<PeerCommand> commands = new ArrayList<>();
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

    /** Connects the corrupting sender to a receiver that decodes what arrives; returns the sender's channel. */
    private PeerChannel connect() throws Exception {
        PeerTransport.PendingOffer offer = sender.createOffer().get();
        PeerTransport.Answered answered = network.transport("victim").answer(offer.sdp()).get();
        PeerChannel out = offer.accept(answered.sdp()).get();
        PeerMessageDecoder decoder = new PeerMessageDecoder();
        answered.channel().get().setListener(new PeerChannelListener() {
            @Override
            public void onMessage(byte[] message) {
                try {
                    switch (decoder.feed(message)) {
                        case Decoded.Command c -> commands.add(c.command());
                        case Decoded.Payload p -> payload.writeBytes(p.bytes());
                        case Decoded.Incomplete i -> { }
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void onClose(String reason) {
            }
        });
        return out;
    }

    /** Sends a segment as the swarm does: its data header, its bytes in pieces of {@code piece}, its completion. */
    private static void upload(PeerChannel ch, byte[] segment, int piece) {
        PeerMessages.encode(new SegmentData(10, 1, segment.length)).forEach(ch::send);
        for (int from = 0; from < segment.length; from += piece) {
            PeerMessages.payloadChunks(segment, from, Math.min(piece, segment.length - from)).forEach(ch::send);
            PeerMessages.encode(new SegmentsAnnouncement(new long[] {10}, new long[0])).forEach(ch::send);
        }
        PeerMessages.encode(new SegmentDataSendingCompleted(10, 1)).forEach(ch::send);
    }

    private static byte[] segment(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    @Test
    void flipsOneSegmentByteInEveryStrideFromItsFirstAndLeavesCommandsWhole() throws Exception {
        PeerChannel ch = connect();
        byte[] segment = segment(200_000);
        upload(ch, segment, 30_000); // pieces that do not fall on the stride
        byte[] expected = segment.clone();
        for (int i = 0; i < expected.length; i += CorruptingPeerTransport.STRIDE) {
            expected[i] ^= 0x5A;
        }
        assertThat(payload.toByteArray()).isEqualTo(expected);
        assertThat(commands).first().isEqualTo(new SegmentData(10, 1, 200_000));
        assertThat(commands).last().isEqualTo(new SegmentDataSendingCompleted(10, 1));
        assertThat(commands).filteredOn(c -> c instanceof SegmentsAnnouncement).hasSize(7);
    }

    @Test
    void switchedOffItSendsSegmentsAsTheyAreFromTheNextSegmentOn() throws Exception {
        PeerChannel ch = connect();
        sender.corrupt(false);
        byte[] segment = segment(100_000);
        upload(ch, segment, 65_535);
        assertThat(payload.toByteArray()).isEqualTo(segment);
    }
}
