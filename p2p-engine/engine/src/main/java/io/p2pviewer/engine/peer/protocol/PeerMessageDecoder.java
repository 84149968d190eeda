package io.p2pviewer.engine.peer.protocol;

import io.p2pviewer.engine.peer.protocol.PeerProtocolException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Reads the messages one peer sends on its data channel: commands (whole or split into parts) and raw segment payload.
 *
 * <p>One decoder per connection, fed the messages in the order they arrived. Not thread-safe: call it from one thread
 * (the engine thread). A message that breaks the wire format raises {@link PeerProtocolException}; the decoder then
 * drops any partly assembled command and is ready for the next message, so the session may choose to carry on.
 *
 * <p>Memory is bounded by {@link Limits}: an assembled command never grows beyond {@link Limits#maxCommandBytes()}
 * before it is refused.
 */
public final class PeerMessageDecoder {

    /**
     * Bounds on what the decoder accepts.
     *
     * @param maxCommandBytes  the largest command body, whole or assembled from parts (upstream's largest legal
     *                         announcement is about 132 KB)
     * @param maxParts         the most parts one command may be split into
     * @param maxAnnouncedIds  the most ids one announcement may list, both sets together
     */
    public record Limits(int maxCommandBytes, int maxParts, int maxAnnouncedIds) {
        /** 1 MiB per command, 256 parts, 100,000 announced ids. */
        public static final Limits DEFAULT = new Limits(1 << 20, 256, 100_000);

        public Limits {
            if (maxCommandBytes < 1 || maxParts < 2 || maxAnnouncedIds < 0) {
                throw new IllegalArgumentException("bad limits " + maxCommandBytes + ", " + maxParts + ", "
                        + maxAnnouncedIds);
            }
        }
    }

    private final Limits limits;
    private ByteArrayOutputStream assembling;
    private int parts;

    /** A decoder with {@link Limits#DEFAULT}. */
    public PeerMessageDecoder() {
        this(Limits.DEFAULT);
    }

    public PeerMessageDecoder(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Classifies and decodes the next message.
     *
     * @param message one whole data channel message; kept as the {@link Decoded.Payload} when it is payload, otherwise
     *                not retained
     * @return the command it completed, the payload it carries, or {@link Decoded.Incomplete} for a part of a split
     *         command
     * @throws PeerProtocolException if the message breaks the wire format; no partial command survives it
     */
    public Decoded feed(byte[] message) throws PeerProtocolException {
        Objects.requireNonNull(message, "message");
        try {
            return decode(message);
        } catch (PeerProtocolException e) {
            reset();
            throw e;
        }
    }

    /** Whether a split command is partly assembled. */
    public boolean isAssembling() {
        return assembling != null;
    }

    private Decoded decode(byte[] message) throws PeerProtocolException {
        if (!Frames.isCommandPart(message)) {
            if (assembling != null) {
                throw new PeerProtocolException(Reason.BROKEN_FRAMING,
                        "raw payload of " + message.length + " bytes inside a split command");
            }
            return new Decoded.Payload(message);
        }
        int bodyLength = message.length - 2 * Frames.MARKER_LENGTH;
        boolean first = Frames.startsWith(message, Frames.COMMAND_START);
        boolean last = Frames.endsWith(message, Frames.COMMAND_END);
        if (first && assembling != null) {
            throw new PeerProtocolException(Reason.BROKEN_FRAMING,
                    "a new command started before the split command in progress was complete");
        }
        if (!first && assembling == null) {
            throw new PeerProtocolException(Reason.BROKEN_FRAMING, "a continuation part with no command started");
        }
        int assembled = assembling == null ? 0 : assembling.size();
        if ((long) assembled + bodyLength > limits.maxCommandBytes()) {
            throw new PeerProtocolException(Reason.OVERSIZED_COMMAND, "command body of more than "
                    + limits.maxCommandBytes() + " bytes");
        }
        if (first && last) {
            return command(message, Frames.MARKER_LENGTH, bodyLength);
        }
        if (first) {
            assembling = new ByteArrayOutputStream(Math.min(limits.maxCommandBytes(), Math.max(32, bodyLength * 2)));
            parts = 0;
        }
        if (++parts > limits.maxParts()) {
            throw new PeerProtocolException(Reason.TOO_MANY_PARTS,
                    "command split into more than " + limits.maxParts() + " parts");
        }
        assembling.write(message, Frames.MARKER_LENGTH, bodyLength);
        if (!last) {
            return Decoded.Incomplete.INSTANCE;
        }
        byte[] body = assembling.toByteArray();
        reset();
        return command(body, 0, body.length);
    }

    private Decoded command(byte[] bytes, int offset, int length) throws PeerProtocolException {
        return new Decoded.Command(CommandBodyReader.read(bytes, offset, length, limits.maxAnnouncedIds()));
    }

    private void reset() {
        assembling = null;
        parts = 0;
    }
}
