package io.p2pviewer.engine.peer.protocol;

import static io.p2pviewer.engine.peer.protocol.PeerMessagesTest.ascii;
import static io.p2pviewer.engine.peer.protocol.PeerMessagesTest.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Garbage input: random bytes, framed and unframed, and random corruptions of valid commands. Whatever comes in, the
 * decoder either returns a result or throws {@link PeerProtocolException}: no other exception escapes.
 */
class PeerMessageDecoderGarbageTest {

    private static final int ROUNDS = 20_000;

    @Test
    void randomFramedBodiesOnlyEverRaisePeerProtocolException() {
        Random random = new Random(1);
        var decoder = new PeerMessageDecoder();
        Set<PeerProtocolException.Reason> seen = EnumSet.noneOf(PeerProtocolException.Reason.class);
        int commands = 0;
        for (int k = 0; k < ROUNDS; k++) {
            byte[] body = new byte[random.nextInt(40)];
            random.nextBytes(body);
            if (body.length > 0 && random.nextBoolean()) {
                body[0] = (byte) random.nextInt(6); // a known command code more often than not
            }
            byte[] start = random.nextInt(4) == 0 ? Frames.PART_START : Frames.COMMAND_START;
            byte[] end = random.nextInt(4) == 0 ? Frames.PART_END : Frames.COMMAND_END;
            Decoded decoded = feedExpectingOnlyProtocolErrors(decoder, concat(start, body, end), seen);
            if (decoded instanceof Decoded.Command) {
                commands++;
            }
        }
        assertThat(seen).contains(PeerProtocolException.Reason.MALFORMED, PeerProtocolException.Reason.UNKNOWN_COMMAND,
                PeerProtocolException.Reason.BROKEN_FRAMING);
        assertThat(commands).isPositive();
    }

    @Test
    void randomCorruptionsOfValidCommandsOnlyEverRaisePeerProtocolException() {
        Random random = new Random(2);
        var decoder = new PeerMessageDecoder();
        Set<PeerProtocolException.Reason> seen = EnumSet.noneOf(PeerProtocolException.Reason.class);
        for (int k = 0; k < ROUNDS; k++) {
            List<byte[]> messages = PeerMessages.encode(PeerMessageDecoderValidTest.randomCommand(random));
            for (byte[] message : messages) {
                byte[] corrupted = message.clone();
                int flips = random.nextInt(4);
                for (int f = 0; f < flips && corrupted.length > 8; f++) {
                    int at = 4 + random.nextInt(corrupted.length - 8);
                    corrupted[at] = (byte) random.nextInt(256);
                }
                if (random.nextInt(10) == 0 && corrupted.length > 9) { // cut the body short
                    int keep = 4 + random.nextInt(corrupted.length - 8);
                    corrupted = concat(java.util.Arrays.copyOf(corrupted, keep), ascii("cend"));
                }
                feedExpectingOnlyProtocolErrors(decoder, corrupted, seen);
            }
        }
        assertThat(seen).contains(PeerProtocolException.Reason.MALFORMED);
    }

    @Test
    void randomUnframedBytesArePayload() throws Exception {
        Random random = new Random(3);
        var decoder = new PeerMessageDecoder();
        for (int k = 0; k < ROUNDS; k++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (!Frames.isCommandPart(bytes)) {
                assertThat(decoder.feed(bytes)).isInstanceOf(Decoded.Payload.class);
            }
        }
    }

    private static Decoded feedExpectingOnlyProtocolErrors(PeerMessageDecoder decoder, byte[] message,
                                                           Set<PeerProtocolException.Reason> seen) {
        try {
            return decoder.feed(message);
        } catch (PeerProtocolException e) {
            seen.add(e.reason());
            return null;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("unexpected " + e + " for " + java.util.HexFormat.of().formatHex(message), e);
        }
    }
}
