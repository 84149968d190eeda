package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.peer.protocol.CancelSegmentRequest;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.time.EngineThread;
import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Our uploads to the peers of one swarm: answers their segment requests (served, held for a busy uplink, or absent),
 * sends one upload at a time per peer in chunks as channel buffers and the token bucket ({@link UploadLimiter})
 * allow, and measures our uplink speed from finished uploads. The {@link Swarm} hands it the requests and
 * cancels peers send; it tells {@link PeerStates} which peers our uploads fill. Engine thread only.
 */
@EngineThread
final class SwarmUploads {
    /** Keep the channel's send buffer under this; above it, uploads wait for the buffer to drain. */
    static final long MAX_BUFFERED = 1 << 20;
    /** How often uploads are pumped while our uplink speed is unknown. */
    static final Duration PUMP_INTERVAL = Duration.ofMillis(10);
    /**
     * An upload keeps about this much of our measured uplink queued in its channel, no more: the rest stays with us,
     * so that when the receiver cancels (it fell back to the CDN, or a peer that stops needing the segment closes)
     * at most this much still comes down its downlink, beside the fallback that must now arrive in time. Handing a
     * whole segment to the channel at once made a cancel stop nothing: from a thin uplink the abandoned tail took
     * seconds, sharing the receiver's downlink with its CDN fallback (issue 25).
     */
    static final Duration PACED_QUEUE = Duration.ofMillis(150);
    /** The least an upload keeps queued in its channel (wire bytes), whatever our uplink's measured speed. */
    static final long PACED_MIN_QUEUE = 16 << 10;
    /**
     * What an upload keeps queued while our uplink speed is unknown (wire bytes): pumped every
     * {@link #PUMP_INTERVAL}, enough for 6.5 MB/s, so the first uploads measure the uplink.
     */
    static final long UNMEASURED_QUEUE = 64 << 10;
    /**
     * How often paced uploads are topped up once our uplink speed is known: a third of {@link #PACED_QUEUE}, so an
     * uplink up to three times faster than measured never idles and its next measure shows it.
     */
    static final Duration PACED_REFILL = PACED_QUEUE.dividedBy(3);
    /**
     * On a slow uplink uploads go out one at a time: while another peer's channel still holds more than this of an
     * upload, a request is held ({@link #HOLD_MAX}) or answered SegmentAbsent (the requester asks another holder or
     * the CDN), unless our measured uplink sends it and the running uploads within {@link #CONCURRENT_DRAIN}. On a
     * slow uplink one transfer that finishes in time beats several sharing it that all miss their deadlines.
     *
     * <p>We ask nothing of a peer while our channel to it holds more than this of our upload to it
     * ({@link PeerLink#sendBacklogged}): the channel is ordered, so the request would wait behind those bytes,
     * seconds on a slow uplink, and the planner would give the transfer up as silent. n100 simulated: 1,173 of
     * 1,696 requests sent behind more than 256 KiB ended so, against 3 of 25,229 sent on an empty channel.
     */
    static final long UPLINK_BUSY_BYTES = 64 << 10;
    /**
     * A request for a segment we hold that comes while the uplink is busy is held, not answered absent, when the
     * uplink should be free within this (from its measured speed); it is served then, or answered absent if the
     * uplink is still busy after twice this. One request at a time. Nine in ten requests used to be answered
     * absent, and each answer sent a waiting player's request to the CDN; holding gives the freed uplink to a
     * peer that asked instead. n100 simulated, 4 seeds: 79.8 % offload without, 81.5 % with 100 ms, 82.2 % with
     * 250 ms, 81.6 % with 500 ms, 79.8 % with 1 s (a held requester waits instead of asking elsewhere).
     */
    static final Duration HOLD_MAX = Duration.ofMillis(250);
    /**
     * A request that comes while the uplink is busy is served at once, beside the running uploads, when all their
     * bytes still to send and the new upload's leave within this at our measured uplink speed: a fast uplink whose
     * single upload is bounded by its receiver's downlink, or by the request round trips between uploads, takes
     * more at once, while a slow one still sends one at a time. The running uploads end at most this much later.
     */
    static final Duration CONCURRENT_DRAIN = Duration.ofMillis(500);
    /**
     * {@link #CONCURRENT_DRAIN} for a request of the newest segment any peer asked us for: a freshly published
     * segment is asked for by many peers at once, a burst longer than half a second of even a 20 Mbit/s uplink, and
     * its requesters have the most time left before they need it. n100 and n100-u0.8r simulated, seeds 1-4:
     * offload +1.4 points on the mean (+2.1 at u = 0.8r, +0.7 at u = 1.5r), missed deadlines 66 in all against 72;
     * 1 s gained nothing, 2 s less at u = 1.5r, and 1.5 s only on uplinks that send a segment within half a second
     * lost offload.
     */
    static final Duration NEWEST_DRAIN = Duration.ofMillis(1_500);
    /** What {@link #freeIn} says while the uplink speed is unknown: far too long to hold (and no overflow). */
    private static final long UNKNOWN_WAIT_MS = Duration.ofDays(1).toMillis();
    /** Uploads smaller than this (real bytes) say little about the uplink and are not measured. */
    static final long MIN_MEASURED_UPLOAD = 100_000;
    /**
     * The weight of an upload's rate in our uplink measure when it is below the measure (above it, the usual
     * {@link PeerStates#ewma}): an upload is as often held back by its receiver's downlink, or by the request round
     * trips that began it, as by our uplink, so a slower one says less about our uplink than a faster one. n100
     * simulated, seeds 1-3: 82.7 / 75.0 / 86.9 % offload with 0.3, 82.6 / 77.6 / 87.1 % with this; n100-u0.8r,
     * seeds 1-2: 35.2 / 28.9 % and 38.8 / 31.6 % (its 5 Mbit/s uplinks no longer drop below the stream's bitrate
     * and out of the seeding after an upload to a busy downlink).
     */
    static final double UPLINK_FALL_WEIGHT = 0.1;

    private final SwarmHost host;
    private final TaskScheduler scheduler;
    private final PeerStates states;
    /** The swarm's connected peers in connection order (uploads are pumped in that order). */
    private final Supplier<Collection<PeerLink>> connected;
    private final UploadLimiter limiter;
    /** The segment of a wire id we are receiving and may pass on to engine peers, or null ({@link Relay}). */
    private final LongFunction<Relay> relays;
    private final boolean enabled;
    private double uplinkSpeed;
    private boolean pumpScheduled;
    /** The request held for our busy uplink ({@link #HOLD_MAX}); null when none. */
    private Held held;
    /**
     * The peers whose upload or channel may still hold bytes for our uplink: each peer we start an upload to, until
     * its upload is over and its channel holds at most {@link #UPLINK_BUSY_BYTES}. Only uploads fill a channel that
     * far, so {@link #uplinkBacklog} need not walk the other peers (with 30 of them, that walk on every request was
     * 8 % of a 1,000-viewer simulation).
     */
    private final List<PeerLink> uploadingTo = new ArrayList<>();
    private final List<PeerLink> uploadingToView = Collections.unmodifiableList(uploadingTo);
    private boolean closed;
    /** Wire bytes our uploads handed to their channels, all peers together, since the swarm began. */
    private long handedWire;
    /** The newest media sequence a peer asked us for ({@link #NEWEST_DRAIN}), -1 before any. */
    private long newestAsked = -1;

    /** A request held for our busy uplink: from which peer, since when, and its upload's wire bytes. */
    private record Held(PeerLink peer, SegmentRequest request, Instant since, long wire) {
    }

    /**
     * @param connected      the swarm's connected peers, in connection order
     * @param relays         the segment of a wire id we are receiving and may pass on, or null
     * @param enabled        whether we serve segments at all (otherwise every request is answered absent)
     * @param bytesPerSecond upload cap, 0 for none
     */
    SwarmUploads(SwarmHost host, TaskScheduler scheduler, PeerStates states, Supplier<Collection<PeerLink>> connected,
                 LongFunction<Relay> relays, boolean enabled, long bytesPerSecond) {
        this.host = host;
        this.scheduler = scheduler;
        this.states = states;
        this.connected = connected;
        this.relays = relays;
        this.enabled = enabled;
        this.limiter = new UploadLimiter(bytesPerSecond);
    }

    /** A peer asked for a segment: serves it, holds the request for a busy uplink, or answers absent. */
    void requested(PeerLink p, SegmentRequest r) {
        p.upload = null; // a new request stops the current upload, as browsers do
        if (held != null && held.peer == p) {
            held = null; // and replaces a held one
        }
        long backlog = enabled ? uplinkBacklog(p) : 0;
        byte[] data = enabled ? host.cachedByWireId(r.segmentId()) : null;
        Relay relay = data == null && enabled ? relay(p, r) : null;
        int total = relay != null ? relay.total : data != null ? data.length : 0;
        int from = r.byteFrom() == null ? 0 : (int) Math.max(0, Math.min(total, r.byteFrom()));
        if (data == null && relay == null || p.browser && from >= total) {
            p.send(new SegmentAbsent(r.segmentId(), r.requestId())); // a browser takes no 0-byte answer either
            return;
        }
        long wire = (long) (total - from) * p.channel.payloadScale();
        long seq = host.mediaSequenceOf(r.segmentId());
        boolean newest = seq >= 0 && seq >= newestAsked;
        newestAsked = Math.max(newestAsked, seq);
        if (!takesBeside(backlog, wire, newest ? NEWEST_DRAIN : CONCURRENT_DRAIN)) {
            long freeIn = held == null ? freeIn(backlog) : Long.MAX_VALUE;
            if (freeIn <= HOLD_MAX.toMillis()) {
                held = new Held(p, r, host.now(), wire);
                scheduler.schedule(Duration.ofMillis(Math.max(PUMP_INTERVAL.toMillis(), freeIn)), this::serveHeld);
            } else {
                p.send(new SegmentAbsent(r.segmentId(), r.requestId()));
            }
            return;
        }
        p.upload = new PeerLink.Upload(r.segmentId(), r.requestId(), data, from, relay, host.now());
        if (!uploadingTo.contains(p)) {
            uploadingTo.add(p);
        }
        p.upload.uplinkOutAtStart = uplinkOut();
        p.send(new SegmentData(r.segmentId(), r.requestId(), declaredSize(p, total, from)));
        pump();
    }

    /**
     * The size a data header declares for a request from byte {@code from}: the whole segment's to an engine peer
     * (each part of a multi-source download is cut where the next begins, against the whole size), the rest's to a
     * browser. p2p-media-loader 2.3 asks with {@code b} = the bytes it already has when it resumes a segment from
     * another peer, expects the size of what follows ({@code totalBytes - loadedBytes}), and otherwise cancels and
     * closes the connection ("peer-response-bytes-length-mismatch", {@code peer.ts}).
     */
    static int declaredSize(PeerLink p, int total, int from) {
        return p.browser ? total - from : total;
    }

    /**
     * The segment we are receiving that a peer asks for, if we pass it on to that peer: only engine peers are
     * told of segments we are still receiving (browsers ask only for whole segments), so only they get them.
     */
    private Relay relay(PeerLink p, SegmentRequest r) {
        if (p.browser) {
            return null;
        }
        Relay relay = relays.apply(r.segmentId());
        return relay != null && relay.live() ? relay : null;
    }

    /** More bytes of a relayed segment arrived, or its verdict came: uploads from it go on. */
    void relayProgressed() {
        if (!pumpScheduled) {
            pump();
        }
    }

    /**
     * A relayed segment failed (its transfer to us ended without it, or it failed verification): each upload
     * from it stops and is answered SegmentAbsent, so that its receiver falls back at once.
     */
    void relayFailed(Relay relay) {
        for (PeerLink p : connected.get()) {
            PeerLink.Upload u = p.upload;
            if (u != null && u.relay == relay) {
                p.upload = null;
                p.send(new SegmentAbsent(u.wireId, u.requestId));
            }
        }
    }

    /**
     * A peer cancelled a request: its upload stops, or its held request is dropped. An engine peer is then sent the
     * transfer's completion, so that it knows its tail ends with what our channel still held (it counts the rest
     * of the segment as still on its way until then: {@link CancelledTails}); browsers are sent nothing more.
     */
    void cancelled(PeerLink p, CancelSegmentRequest c) {
        if (p.upload != null && p.upload.wireId == c.segmentId() && p.upload.requestId == c.requestId()) {
            p.upload = null;
            if (!p.browser) {
                p.send(new SegmentDataSendingCompleted(c.segmentId(), c.requestId()));
            }
        }
        if (held != null && held.peer == p && held.request.segmentId() == c.segmentId()
                && held.request.requestId() == c.requestId()) {
            held = null;
        }
    }

    /** Serves the held request once the uplink is free; answers absent if it is not free in time after all. */
    private void serveHeld() {
        Held h = held;
        if (h == null || closed) {
            return;
        }
        if (h.peer.closed) {
            held = null;
            return;
        }
        long backlog = uplinkBacklog(h.peer);
        long freeIn = takesBeside(backlog, h.wire, CONCURRENT_DRAIN) ? 0 : freeIn(backlog);
        if (freeIn > 0 && Duration.between(h.since, host.now()).toMillis() + freeIn <= 2 * HOLD_MAX.toMillis()) {
            scheduler.schedule(Duration.ofMillis(Math.max(PUMP_INTERVAL.toMillis(), freeIn)), this::serveHeld);
            return;
        }
        held = null;
        if (freeIn > 0) {
            h.peer.send(new SegmentAbsent(h.request.segmentId(), h.request.requestId()));
        } else {
            requested(h.peer, h.request);
        }
    }

    /**
     * Wire bytes still to leave for other peers before the uplink is free for the requester: uploads not yet handed
     * to their channel, and what each channel holds beyond {@link #UPLINK_BUSY_BYTES}. Above zero, the uplink is
     * busy: an upload to another peer is still being sent or queued in its channel.
     */
    private long uplinkBacklog(PeerLink requester) {
        long bytes = 0;
        for (int i = uploadingTo.size() - 1; i >= 0; i--) {
            PeerLink o = uploadingTo.get(i);
            long buffered = o.closed ? 0 : Math.max(0, o.channel.bufferedAmount() - UPLINK_BUSY_BYTES);
            if (o.closed || (buffered == 0 && o.upload == null)) {
                uploadingTo.remove(i); // done: nothing of ours left for it
                states.noteSendBacklog(o); // off now, and no longer refreshed
                continue;
            }
            if (o != requester) {
                bytes += buffered;
                if (o.upload != null) {
                    // a relayed upload counts what arrived and is not sent yet: the rest waits for its sender,
                    // and our uplink is free meanwhile
                    bytes += (long) (o.upload.available() - o.upload.sent) * o.channel.payloadScale();
                }
            }
        }
        return bytes;
    }

    /**
     * Wire bytes our uploads have sent out through the network, all peers together, since the swarm began: what
     * they handed to their channels less what those channels still hold (a channel that left {@link #uploadingTo}
     * holds at most {@link #UPLINK_BUSY_BYTES}, counted as sent).
     */
    private long uplinkOut() {
        long out = handedWire;
        for (PeerLink o : uploadingTo) {
            out -= o.closed ? 0 : o.channel.bufferedAmount();
        }
        return out;
    }

    /**
     * Whether an upload of {@code wire} more bytes may start now beside a backlog of {@code backlog} wire bytes for
     * other peers: always on an idle uplink; beside other uploads only when all of them, this one included, leave
     * within {@code drain} ({@link #CONCURRENT_DRAIN} or {@link #NEWEST_DRAIN}) at our measured uplink speed.
     */
    private boolean takesBeside(long backlog, long wire, Duration drain) {
        return backlog <= 0
                || uplinkSpeed > 0 && (backlog + wire) * 1000.0 / uplinkSpeed <= drain.toMillis();
    }

    /**
     * Milliseconds until a backlog has left at the measured uplink speed: 0 for none, {@link #UNKNOWN_WAIT_MS}
     * while the speed is unknown.
     */
    private long freeIn(long backlog) {
        if (backlog <= 0) {
            return 0;
        }
        return uplinkSpeed <= 0 ? UNKNOWN_WAIT_MS : (long) Math.ceil(backlog * 1000.0 / uplinkSpeed);
    }

    /**
     * Our upload speed, real bytes per second, from whole uploads of at least {@link #MIN_MEASURED_UPLOAD} bytes
     * (time from the request until the channel's buffer has sent them), counting all that our uploads sent out
     * meanwhile (the tail of an earlier upload still in a channel, uploads to other peers): uploads running at once,
     * each bounded by its receiver's downlink, show a fast uplink whole. 0 until measured.
     */
    double uplinkBytesPerSecond() {
        return uplinkSpeed;
    }

    /**
     * The peers our uploads may still fill the channel of (see {@link #UPLINK_BUSY_BYTES}): a read-only view, for
     * {@link PeerStates#noteSendBacklog}.
     */
    List<PeerLink> receivers() {
        return uploadingToView;
    }

    /**
     * Measures a finished upload once its bytes have left the channel's buffer: checks again when the rate seen
     * so far says the buffer will have drained (a few checks per upload).
     */
    private void uplinkMeasured(PeerLink p, PeerLink.Upload u) {
        if (closed || p.closed) {
            return;
        }
        long buffered = p.channel.bufferedAmount(); // wire bytes, as the payload scale
        long wire = (long) (u.total() - u.from) * p.channel.payloadScale();
        long ms = Math.max(1, Duration.between(u.startedAt, host.now()).toMillis());
        long out = wire - buffered;
        if (buffered > UPLINK_BUSY_BYTES) {
            long wait = out <= 0 ? 50 : Math.max(10, Math.min(1_000, buffered * ms / out));
            scheduler.schedule(Duration.ofMillis(wait), () -> uplinkMeasured(p, u));
            return;
        }
        if (out >= MIN_MEASURED_UPLOAD) {
            double rate = Math.max(out, uplinkOut() - u.uplinkOutAtStart) * 1000.0 / ms;
            uplinkSpeed = rate < uplinkSpeed ? uplinkSpeed + UPLINK_FALL_WEIGHT * (rate - uplinkSpeed)
                    : PeerStates.ewma(uplinkSpeed, rate);
        }
    }

    /**
     * Sends upload chunks while channel buffers and the rate cap allow; re-arms itself while work remains. Only peers
     * with an upload act, in connection order; they are all in {@link #uploadingTo} (a peer leaves it only once its
     * upload is over or it closed, and a closed peer has left the swarm), so with none or one of them the swarm's
     * peers are not walked. It is called for every chunk of a relayed segment that arrives: copying the 30 peers'
     * list each time was 5 % of a 1,000-viewer simulation.
     */
    private void pump() {
        PeerLink only = null;
        int uploading = 0;
        for (PeerLink p : uploadingTo) {
            if (p.upload != null && !p.closed) {
                only = p;
                uploading++;
            }
        }
        boolean pending = false;
        if (uploading == 1) {
            pending = pump(only);
        } else if (uploading > 1) {
            for (PeerLink p : new ArrayList<>(connected.get())) {
                pending |= pump(p);
            }
        }
        if (pending && !pumpScheduled && !closed) {
            pumpScheduled = true;
            scheduler.schedule(uplinkSpeed > 0 ? PACED_REFILL : PUMP_INTERVAL, () -> {
                pumpScheduled = false;
                pump();
            });
        }
    }

    /**
     * Wire bytes an upload may keep queued in a channel: {@link #PACED_QUEUE} of our measured uplink, at least
     * {@link #PACED_MIN_QUEUE}, at most {@link #MAX_BUFFERED}; {@link #UNMEASURED_QUEUE} until it is measured.
     */
    long pacedQueue() {
        if (uplinkSpeed <= 0) {
            return UNMEASURED_QUEUE;
        }
        long ofSpeed = (long) (uplinkSpeed * PACED_QUEUE.toMillis() / 1000.0);
        return Math.min(MAX_BUFFERED, Math.max(PACED_MIN_QUEUE, ofSpeed));
    }

    /**
     * Sends what the buffers allow of the upload to {@code p}, in messages that keep its channel's queue within
     * {@link #pacedQueue}; true when some of it waits for a later pump.
     */
    private boolean pump(PeerLink p) {
        PeerLink.Upload u = p.upload;
        long queue = pacedQueue();
        int scale = p.channel.payloadScale();
        long room;
        while (u != null && !p.closed && u.sent < u.available()
                && (room = queue - p.channel.bufferedAmount()) > 0) {
            // A byte stands for `scale` wire bytes in the simulator: the room rounded up, so that a top-up is one
            // message there too (rounded down, each top-up was two, the second of one byte: 15 % of n100's tasks).
            long roomBytes = (room + scale - 1) / scale;
            int want = (int) Math.min(Math.min(PeerChannel.MAX_MESSAGE_BYTES, u.available() - u.sent), roomBytes);
            int n = limiter.allowance(host.now(), want);
            if (n <= 0) {
                break;
            }
            for (byte[] chunk : PeerMessages.payloadChunks(u.bytes(), u.sent, n)) {
                p.channel.send(chunk);
            }
            limiter.spend(n);
            handedWire += (long) n * scale;
            u.sent += n;
            p.bytesUp += n;
            host.uploaded(p.id, n);
        }
        if (u != null && u.remaining() <= 0 && u.releasable() && p.upload == u) {
            p.upload = null;
            if (u.relay == null) {
                uplinkMeasured(p, u); // a relayed upload waited for its sender too: it says little of our uplink
            }
            p.send(new SegmentDataSendingCompleted(u.wireId, u.requestId));
            return false;
        }
        return u != null && !p.closed && u.sent < u.available(); // a relayed upload that sent all that arrived
                                                                  // waits for relayProgressed()
    }

    /** The swarm closed: nothing more is sent, held or measured. */
    void close() {
        closed = true;
    }
}
