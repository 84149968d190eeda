package io.p2pviewer.engine.peer.protocol;

import java.io.Serial;
import java.util.Objects;

/**
 * A data channel message that breaks the peer protocol's wire format: why ({@link Reason}) and a message for humans.
 *
 * <p>The codec only judges bytes. What to do about a peer that sent them (ignore the message, drop the connection,
 * ban the peer) is the session's decision.
 */
public final class PeerProtocolException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why a message was rejected. */
    public enum Reason {
        /** The command code (first body byte) is not 0..5. */
        UNKNOWN_COMMAND,
        /**
         * The body is not a well-formed command: empty, a field cut short, an unknown value type, a value of the wrong
         * type for its field, a field given twice, or bytes after the last field that do not form a field.
         */
        MALFORMED,
        /** A field the command requires is absent (e.g. a request without {@code r}). */
        MISSING_FIELD,
        /** A value is out of range: a negative or too large segment id, request id, byte count or offset. */
        VALUE_OUT_OF_RANGE,
        /** An announcement lists more ids than the decoder's limit. */
        TOO_MANY_IDS,
        /** A command's body, alone or assembled from parts, is larger than the decoder's limit. */
        OVERSIZED_COMMAND,
        /** A command is split into more parts than the decoder's limit. */
        TOO_MANY_PARTS,
        /**
         * The parts of a split command do not line up: a continuation part ({@code dstr...}) with no command started,
         * a new command ({@code cstr...}) before the previous one was complete, or raw payload inside a split command.
         */
        BROKEN_FRAMING
    }

    private final Reason reason;

    public PeerProtocolException(Reason reason, String message) {
        super(reason + ": " + Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the message was rejected. */
    public Reason reason() {
        return reason;
    }
}
