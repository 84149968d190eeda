package io.p2pviewer.demo;

/**
 * Failures the demo origin stages on request, for tests and demos: an HTTP error status for a range of segments
 * (every variant), and a key server that refuses every key (entitlement revoked). Immutable.
 *
 * @param failFirst   the first media sequence number answered with {@code failStatus}
 * @param failLast    the last one (inclusive); {@code failLast < failFirst} for none
 * @param failStatus  the HTTP status those segments get (404, 403, 500...)
 * @param keysRefused whether the key server answers 403 whatever the token
 */
record OriginFaults(long failFirst, long failLast, int failStatus, boolean keysRefused) {
    /** Nothing staged. */
    static final OriginFaults NONE = new OriginFaults(0, -1, 0, false);

    OriginFaults {
        if (failLast >= failFirst && (failStatus < 400 || failStatus > 599)) {
            throw new IllegalArgumentException("failStatus must be an HTTP error status (400..599): " + failStatus);
        }
    }

    /** The status segment {@code mediaSequence} must get, or 0 to serve it. */
    int segmentStatus(long mediaSequence) {
        return mediaSequence >= failFirst && mediaSequence <= failLast ? failStatus : 0;
    }

    OriginFaults withSegmentFailures(long first, long last, int status) {
        return new OriginFaults(first, last, status, keysRefused);
    }

    OriginFaults withKeysRefused(boolean refused) {
        return new OriginFaults(failFirst, failLast, failStatus, refused);
    }
}
