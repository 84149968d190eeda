package io.p2pviewer.engine.peer.protocol;

import java.util.Arrays;
import java.util.Objects;

/** What one data channel message turned out to be, as {@link PeerMessageDecoder#feed} reports it. */
public sealed interface Decoded {

    /** A complete command: the message was a whole command, or the last part of a split one. */
    record Command(PeerCommand command) implements Decoded {
        public Command {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * Raw segment payload: the message itself, not copied (the decoder keeps no reference to it). Equality is by
     * content.
     */
    record Payload(byte[] bytes) implements Decoded {
        public Payload {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Payload that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Payload[" + bytes.length + " bytes]";
        }
    }

    /** A part of a split command, kept by the decoder until the last part arrives. */
    record Incomplete() implements Decoded {
        /** The only instance needed. */
        public static final Incomplete INSTANCE = new Incomplete();
    }
}
