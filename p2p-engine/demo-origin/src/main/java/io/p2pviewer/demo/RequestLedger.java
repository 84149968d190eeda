package io.p2pviewer.demo;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The demo origin's record of answered requests and of segment bytes served.
 *
 * <p>Thread-safe: one lock guards the log and the counter together, so {@link #segmentBytesServed()}
 * always equals the sum over the {@link RequestKind#SEGMENT} entries ever recorded. The log keeps the
 * newest {@link #MAX_ENTRIES} entries; the counter covers all requests.
 */
final class RequestLedger {

    /** How many entries the log keeps before dropping the oldest. */
    static final int MAX_ENTRIES = 100_000;

    private final ArrayDeque<ServedRequest> entries = new ArrayDeque<>();
    private long segmentBytes;

    /** Appends an answered request. */
    synchronized void record(ServedRequest request) {
        if (entries.size() == MAX_ENTRIES) {
            entries.removeFirst();
        }
        entries.addLast(request);
        if (request.kind() == RequestKind.SEGMENT) {
            segmentBytes += request.bodyBytes();
        }
    }

    /** A snapshot of the log, oldest first. */
    synchronized List<ServedRequest> requests() {
        return List.copyOf(entries);
    }

    /** The sum of body bytes of all segment requests recorded so far. */
    synchronized long segmentBytesServed() {
        return segmentBytes;
    }
}
