package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.time.EngineThread;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tails of the downloads a swarm cancelled: a peer may have sent (part of) a transfer before our cancel reached
 * it, and its data header, payload and completion are discarded quietly instead of taken for protocol violations.
 * Each peer's cancelled transfers are in {@link PeerLink#cancelled}; this keeps which peers may still have some
 * due. Engine thread only.
 */
@EngineThread
final class CancelledTails {
    /** Cancelled downloads per peer whose tails we still accept. */
    static final int MAX_CANCELLED_TAILS = 8;
    /**
     * A cancelled transfer's tail counts as on its way to us for this long after the cancel, plus
     * {@link #TAIL_RATE_FLOOR} worth of time for every byte of it that arrived since, then no more (its bytes are
     * still accepted quietly). A tail is what the peer had already handed its channel: about 150 ms of its uplink
     * from a paced engine, which ends it with the transfer's completion ({@link #completion}); the whole rest of
     * the segment from a sender that queues all at once, as engines did before. Counting it for ever let
     * one peer that declares 64 MiB and trickles a byte a second hold the downlink "busy" ({@link #bytes}) and
     * keep the engine from asking any peer (the adversary suite's trickle: its bytes extend nothing).
     */
    static final Duration COUNTED_FOR = Duration.ofSeconds(4);
    /**
     * Real bytes a second at which a tail still arriving keeps being counted past {@link #COUNTED_FOR} (64 kbit/s).
     * A tail from a thin uplink (1 Mbit/s shared by a few uploads) takes longer than 4 s to drain; no longer counting
     * it there let the engine ask a new peer whose transfer then shared the downlink with the tail, looked too
     * slow and was cancelled in turn: n100-u0.8r simulated missed 116 deadlines against 73 when tails counted until
     * they ended (docs/BENCHMARKS.md, issue 25).
     */
    static final long TAIL_RATE_FLOOR = 8_000;

    /** Peers with cancelled downloads whose tails may still be due (a superset: pruned when counted). */
    private final Set<PeerLink> withTails = new LinkedHashSet<>();

    /** We cancelled a download from the peer: what it already sent of it may still arrive. */
    void add(PeerLink p, PeerLink.Cancelled cancelled) {
        p.cancelled.addLast(cancelled);
        withTails.add(p);
        if (p.cancelled.size() > MAX_CANCELLED_TAILS) {
            p.cancelled.removeFirst();
        }
    }

    /**
     * True when the data header is a cancelled transfer's: its payload follows, and the transfers cancelled before
     * it are over (the channel is ordered).
     */
    static boolean header(PeerLink p, SegmentData d) {
        PeerLink.Cancelled gone = find(p, d.segmentId(), d.requestId());
        if (gone == null) {
            return false;
        }
        gone.remaining = d.totalBytes(); // sent before our cancel arrived: its bytes follow
        while (p.cancelled.peekFirst() != gone) {
            p.cancelled.removeFirst(); // the channel is ordered: older transfers are over
        }
        return true;
    }

    /** True when the completion is a cancelled transfer's, which is then over. */
    static boolean completion(PeerLink p, SegmentDataSendingCompleted c) {
        PeerLink.Cancelled gone = find(p, c.segmentId(), c.requestId());
        if (gone == null) {
            return false;
        }
        p.cancelled.remove(gone);
        return true;
    }

    /**
     * True when payload that came with no download of ours under way is the rest of a cancelled transfer still on
     * the wire (and counted off it).
     */
    static boolean payload(PeerLink p, byte[] bytes) {
        for (PeerLink.Cancelled gone : p.cancelled) {
            if (gone.remaining > 0) {
                if (gone.remaining < bytes.length) {
                    break;
                }
                gone.remaining -= bytes.length; // the rest of a transfer we cancelled, still on the wire
                gone.arrived += bytes.length;
                return true;
            }
        }
        return false;
    }

    /** The peer started sending the segment we asked for: the channel is ordered, what follows is that segment's. */
    static void newTransfer(PeerLink p) {
        p.cancelled.clear();
    }

    /**
     * Bytes of transfers we cancelled that peers had already sent and are still on their way to us: they share
     * our downlink with whatever we fetch next. Real bytes (payload scale applied); tails of cancels more than
     * {@link #COUNTED_FOR} ago are not counted.
     */
    long bytes(Instant now) {
        long n = 0;
        for (Iterator<PeerLink> it = withTails.iterator(); it.hasNext(); ) {
            PeerLink p = it.next();
            boolean due = false;
            for (PeerLink.Cancelled c : p.cancelled) {
                boolean recent = countedUntil(c, p.channel.payloadScale()).isAfter(now);
                n += recent ? Math.max(0, c.remaining) * p.channel.payloadScale() : 0;
                due |= recent && c.remaining != 0;
            }
            if (p.closed || !due) {
                it.remove(); // nothing more due from it until we cancel again
            }
        }
        return n;
    }

    /** Until when a tail counts: {@link #COUNTED_FOR} after the cancel, longer while its bytes keep arriving. */
    static Instant countedUntil(PeerLink.Cancelled c, long payloadScale) {
        long arrivedMs = c.arrived * payloadScale * 1000 / TAIL_RATE_FLOOR;
        return c.at.plus(COUNTED_FOR).plusMillis(arrivedMs);
    }

    private static PeerLink.Cancelled find(PeerLink p, long wireId, int requestId) {
        for (PeerLink.Cancelled c : p.cancelled) {
            if (c.is(wireId, requestId)) {
                return c;
            }
        }
        return null;
    }
}
