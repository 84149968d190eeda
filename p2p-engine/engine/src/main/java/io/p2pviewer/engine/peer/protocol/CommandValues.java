package io.p2pviewer.engine.peer.protocol;

/** Range checks shared by the command records. */
final class CommandValues {

    private CommandValues() {
    }

    /** Checks that {@code value} is a segment id, byte count or offset a browser peer can hold exactly. */
    static long safeNonNegative(long value, String what) {
        if (value < 0 || value > PeerCommand.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0.." + PeerCommand.MAX_SAFE_INTEGER);
        }
        return value;
    }

    /** Checks that {@code requestId} is not negative (browsers draw request ids from 0..999). */
    static int requestId(int requestId) {
        if (requestId < 0) {
            throw new IllegalArgumentException("negative request id " + requestId);
        }
        return requestId;
    }
}
