package io.p2pviewer.engine.peer.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer fuzz target for the peer wire decoder: a sequence of data channel messages, framed as commands or parts more
 * often than not, fed to one decoder with small limits.
 *
 * <p>What must hold: only {@link PeerProtocolException} escapes; payload is returned as the very bytes fed; a decoded
 * command stays within the limits (announced ids) and survives encode -> decode unchanged; after a refusal the decoder
 * holds no partial command. Seeds: {@code PeerMessageDecoderFuzzTestInputs/decoderKeepsItsContract}. Runs as a
 * regression test over the seeds in every {@code mvn test}, and fuzzes in the {@code fuzz} execution
 * (docs/SECURITY.md, "Fuzzing").
 */
class PeerMessageDecoderFuzzTest {
    private static final PeerMessageDecoder.Limits LIMITS = new PeerMessageDecoder.Limits(8 * 1024, 8, 500);

    @FuzzTest
    void decoderKeepsItsContract(FuzzedDataProvider data) {
        var decoder = new PeerMessageDecoder(LIMITS);
        int messages = data.consumeInt(1, 12);
        for (int m = 0; m < messages && data.remainingBytes() > 0; m++) {
            byte[] message = nextMessage(data);
            Decoded decoded;
            try {
                decoded = decoder.feed(message);
            } catch (PeerProtocolException e) {
                assertThat(decoder.isAssembling()).as("a refused message leaves no partial command").isFalse();
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                continue;
            }
            switch (decoded) {
                case Decoded.Payload p -> assertThat(p.bytes()).isSameAs(message);
                case Decoded.Incomplete i -> assertThat(decoder.isAssembling()).isTrue();
                case Decoded.Command c -> checkCommand(c.command());
            }
        }
    }

    private static void checkCommand(PeerCommand command) {
        if (command instanceof SegmentsAnnouncement a) {
            assertThat(a.loaded().length + a.httpLoading().length).isLessThanOrEqualTo(LIMITS.maxAnnouncedIds());
        }
        List<byte[]> encoded = PeerMessages.encode(command);
        var fresh = new PeerMessageDecoder();
        List<PeerCommand> decoded = new ArrayList<>();
        for (byte[] part : encoded) {
            try {
                if (fresh.feed(part) instanceof Decoded.Command again) {
                    decoded.add(again.command());
                }
            } catch (PeerProtocolException e) {
                throw new AssertionError("a decoded command did not survive its own encoding: " + command, e);
            }
        }
        assertThat(decoded).as("re-decoded %s", command).containsExactly(command);
    }

    /** The next message: raw bytes, or a body between command or part markers (so the fuzzer reaches the parser). */
    private static byte[] nextMessage(FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 4);
        byte[] body = data.consumeBytes(data.consumeInt(0, 2048));
        return switch (kind) {
            case 0 -> body;
            case 1 -> frame(Frames.COMMAND_START, body, Frames.COMMAND_END);
            case 2 -> frame(Frames.COMMAND_START, body, Frames.PART_END);
            case 3 -> frame(Frames.PART_START, body, Frames.PART_END);
            default -> frame(Frames.PART_START, body, Frames.COMMAND_END);
        };
    }

    private static byte[] frame(byte[] start, byte[] body, byte[] end) {
        byte[] out = new byte[start.length + body.length + end.length];
        System.arraycopy(start, 0, out, 0, start.length);
        System.arraycopy(body, 0, out, start.length, body.length);
        System.arraycopy(end, 0, out, start.length + body.length, end.length);
        return out;
    }
}
