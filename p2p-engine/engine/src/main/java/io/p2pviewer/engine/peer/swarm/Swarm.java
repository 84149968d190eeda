package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.peer.protocol.CancelSegmentRequest;
import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.PeerProtocolException;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.engine.scheduler.PeerState;
import io.p2pviewer.engine.scheduler.SegmentState;
import io.p2pviewer.engine.time.TaskScheduler;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers of one track (one swarm) and the p2p-media-loader wire protocol with each of them: announcements,
 * one download and one upload per peer at a time, strict checks on what peers send. Engine thread only; channel
 * callbacks are posted to it.
 *
 * <p>A peer is dropped (connection closed) for any protocol violation: undecodable bytes, data it was not asked
 * for, a zero or oversized declared size, more or fewer bytes than declared. Banning for corrupt segments is
 * decided by the host after verification, through {@link #ban}.
 */
public final class Swarm {
    private static final Logger log = LoggerFactory.getLogger(Swarm.class);
    /** Keep the channel's send buffer under this; above it, uploads wait for the buffer to drain. */
    static final long MAX_BUFFERED = 1 << 20;
    static final Duration PUMP_INTERVAL = Duration.ofMillis(10);
    /**
     * Uploads go out one at a time: while another peer's channel still holds more than this of an upload, a
     * request is held ({@link #HOLD_MAX}) or answered SegmentAbsent (the requester asks another holder or the
     * CDN). On a slow uplink one transfer that finishes in time beats several sharing it that all miss their
     * deadlines.
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
    /** What {@link #freeIn} says while the uplink speed is unknown: far too long to hold (and no overflow). */
    private static final long UNKNOWN_WAIT_MS = Duration.ofDays(1).toMillis();
    /** Uploads smaller than this (real bytes) say little about the uplink and are not measured. */
    static final long MIN_MEASURED_UPLOAD = 100_000;
    /** A peer that declares a segment larger than this is lying or broken. */
    static final long MAX_SEGMENT_BYTES = 64L << 20;
    /**
     * Connected peers at most. Trackers keep sending offers at every announce interval, so without a bound an
     * engine's peer count only grows (65 after 10 simulated minutes of 1,000 viewers), and every peer costs an
     * announcement per segment. A newcomer beyond the bound replaces the least useful settled peer, so new
     * viewers still get in. WebTorrent's default is 55. 30 rather than 40: the same offload (n100 simulated,
     * 8 seeds: 81.9 % against 81.4 %; n1000 83.1 % against 83.2 %) at about 15 % less simulation cost, since every
     * peer costs an announcement per segment and a place in every plan; 20 lost offload (74.9 % against 82.2 % on
     * seeds 3-4).
     */
    static final int MAX_PEERS = 30;
    /** A peer connected for less than this is not let go for a newcomer: it has had no chance to be useful. */
    static final Duration SETTLING = Duration.ofSeconds(30);
    /**
     * A peer that answers SegmentAbsent for a segment it announced is, as a rule, busy uploading to another peer
     * (see {@link #UPLINK_BUSY_BYTES}) and free again within a second: it is asked nothing for this long, twice as
     * long after each further absent answer in a row (at most {@link #MAX_BUSY_BACKOFF}, which also bounds the
     * requests to a peer whose announcement is stale), then it is a holder again. Taking it for a non-holder until
     * its next announcement (about a segment duration later) left a fresh live segment's few holders unasked
     * while they were free: n100 simulated, 4 seeds, 58.7 % offload against 68-70 % with 1-100 ms.
     */
    static final Duration BUSY_BACKOFF = Duration.ofMillis(50);
    static final Duration MAX_BUSY_BACKOFF = Duration.ofMillis(1600);
    /** Cancelled downloads per peer whose tails we still accept. */
    static final int MAX_CANCELLED_TAILS = 8;

    private final String track;
    private final SwarmHost host;
    private final TaskScheduler scheduler;
    private final Set<String> banned;
    private final UploadLimiter limiter;
    private final boolean uploadEnabled;
    private double uplinkSpeed;
    /** Our downloads in flight, by media sequence (the planner asks per segment, every tick). */
    private final Map<Long, PeerLink> downloads = new HashMap<>();
    private long newestAnnounced = Long.MIN_VALUE;
    private final BooleanSupplier corruptUploads;
    private final Map<String, PeerLink> peers = new LinkedHashMap<>();
    /** Connected peers by the segments they announced as held, and as loading over HTTP. */
    private final AnnouncementIndex holding = new AnnouncementIndex();
    private final AnnouncementIndex loadingOverHttp = new AnnouncementIndex();
    /**
     * One state per connected peer, in connection order, for {@link #peerStates()}: an entry is replaced when its
     * peer starts or ends a download, is measured or becomes busy or free; the list is rebuilt when peers join or
     * leave ({@link #statesStale}). The planner asks every tick; most ticks nothing changed.
     */
    private final List<PeerState> states = new ArrayList<>();
    private final List<PeerState> statesView = Collections.unmodifiableList(states);
    /** The same states by peer id, in the same order. */
    private final Map<String, PeerState> statesById = new LinkedHashMap<>();
    private final Map<String, PeerState> statesByIdView = Collections.unmodifiableMap(statesById);
    private boolean statesStale = true;
    /** Peers whose entry in {@link #states} says busy, and when the first of them stops being busy. */
    private final List<PeerLink> markedBusy = new ArrayList<>();
    private Instant busyEnds;
    /** Peers with cancelled downloads whose tails may still be due (a superset: pruned when counted). */
    private final Set<PeerLink> withTails = new LinkedHashSet<>();
    /** Peers that left, with their totals, for reports (bounded). */
    private final Map<String, PeerInfo> departed = new LinkedHashMap<>();
    private static final int MAX_DEPARTED = 500;
    private long[] announcedLoaded = new long[0];
    private long[] announcedLoading = new long[0];
    private int nextRequestId;
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
    private boolean closed;

    /** A request held for our busy uplink: from which peer, and since when. */
    private record Held(PeerLink peer, SegmentRequest request, Instant since) {
    }

    /**
     * @param banned peer ids banned for the session (shared by the engine's swarms)
     * @param corruptUploads test only: flip bytes of every uploaded segment (a malicious peer)
     */
    public Swarm(String track, SwarmHost host, TaskScheduler scheduler, Set<String> banned, boolean uploadEnabled,
                 long uploadBytesPerSecond, boolean corruptUploads) {
        this(track, host, scheduler, banned, uploadEnabled, uploadBytesPerSecond, () -> corruptUploads);
    }

    public Swarm(String track, SwarmHost host, TaskScheduler scheduler, Set<String> banned, boolean uploadEnabled,
                 long uploadBytesPerSecond, BooleanSupplier corruptUploads) {
        this.track = track;
        this.host = host;
        this.scheduler = scheduler;
        this.banned = banned;
        this.uploadEnabled = uploadEnabled;
        this.limiter = new UploadLimiter(uploadBytesPerSecond);
        this.corruptUploads = corruptUploads;
    }

    // ---- membership ----

    /** A channel to a remote peer opened (engine thread). */
    public void addPeer(String peerId, PeerChannel channel) {
        if (closed || banned.contains(peerId) || peers.containsKey(peerId)) {
            channel.close();
            return;
        }
        if (peers.size() >= MAX_PEERS) {
            PeerLink idle = leastUseful();
            if (idle == null) {
                log.info("[{}] peer {} refused: {} peers connected, all busy or new", track, shortId(peerId),
                        peers.size());
                channel.close();
                return;
            }
            drop(idle, "made room for a new peer (" + MAX_PEERS + " connected)");
        }
        PeerLink p = new PeerLink(peerId, channel, host.now());
        peers.put(peerId, p);
        statesStale = true;
        channel.setListener(new PeerChannelListener() {
            @Override
            public void onMessage(byte[] message) {
                scheduler.execute(() -> receive(p, message));
            }

            @Override
            public void onClose(String reason) {
                scheduler.execute(() -> drop(p, "connection closed: " + reason, true));
            }
        });
        log.info("[{}] peer {} connected ({})", track, shortId(peerId), channel.describe());
        p.send(new SegmentsAnnouncement(announcedLoaded, announcedLoading));
        p.sentLoaded = announcedLoaded;
        p.sentLoading = announcedLoading;
        host.swarmChanged();
    }

    /**
     * The peer to let go for a newcomer: of those connected for at least {@link #SETTLING} and with no transfer
     * either way, the one we exchanged the fewest bytes with (the earliest connected on a tie); null if none.
     */
    private PeerLink leastUseful() {
        Instant settled = host.now().minus(SETTLING);
        PeerLink out = null;
        for (PeerLink p : peers.values()) {
            if (p.download == null && p.upload == null && !p.connectedAt.isAfter(settled)
                    && (out == null || p.bytesDown + p.bytesUp < out.bytesDown + out.bytesUp)) {
                out = p;
            }
        }
        return out;
    }

    /** Closes the connection to a peer and forgets it; what it sent of a download in flight is dropped too. */
    public void drop(PeerLink p, String reason) {
        drop(p, reason, false);
    }

    /** @param keepPartial the peer is not at fault: what it sent of a download in flight is kept */
    private void drop(PeerLink p, String reason, boolean keepPartial) {
        if (p.closed) {
            return;
        }
        p.closed = true;
        peers.remove(p.id, p);
        statesStale = true;
        unindex(p);
        p.channel.close();
        departed.put(p.id, info(p, false, reason));
        if (departed.size() > MAX_DEPARTED) {
            departed.remove(departed.keySet().iterator().next());
        }
        log.info("[{}] peer {} dropped: {}", track, shortId(p.id), reason);
        if (p.download != null) {
            PeerLink.Download d = p.download;
            endDownload(p);
            tellFailed(p, d, reason, keepPartial);
        }
        host.swarmChanged();
    }

    /**
     * Tells the host why a download from a peer ended without the segment. With {@code keepPartial}, the bytes
     * received so far go to the host first ({@link SwarmHost#peerPartial}), so that the CDN fetches only the rest.
     */
    private void tellFailed(PeerLink p, PeerLink.Download d, String reason, boolean keepPartial) {
        if (keepPartial && d.total > 0 && d.received > 0 && d.received < d.total) {
            host.peerPartial(p.id, d.mediaSequence, d.buffer.toByteArray(), d.total);
        }
        host.peerFailed(p.id, d.mediaSequence, reason);
    }

    private void unindex(PeerLink p) {
        holding.replace(p.id, p.loaded, PeerLink.NONE);
        loadingOverHttp.replace(p.id, p.httpLoading, PeerLink.NONE);
    }

    /** Bans a peer for the session (corrupt segment) and drops it. */
    public void ban(String peerId, String reason) {
        banned.add(peerId);
        PeerLink p = peers.get(peerId);
        log.warn("[{}] peer {} banned: {}", track, shortId(peerId), reason);
        if (p != null) {
            drop(p, "banned: " + reason);
        }
    }

    // ---- announcements ----

    /** Tells every peer what we hold and what we load over HTTP (only when it changed). */
    public void announce(Set<Long> loadedWireIds, Set<Long> httpLoadingWireIds) {
        announce(sorted(loadedWireIds), sorted(httpLoadingWireIds));
    }

    /** As {@link #announce(Set, Set)}, with ids ascending and distinct; the arrays are kept, not copied. */
    public void announce(long[] l, long[] h) {
        if (Arrays.equals(l, announcedLoaded) && Arrays.equals(h, announcedLoading)) {
            return;
        }
        announcedLoaded = l;
        announcedLoading = h;
        List<byte[]> encoded = null;
        NewIdsMemo newLoaded = new NewIdsMemo(l);
        NewIdsMemo newLoading = new NewIdsMemo(h);
        for (PeerLink p : peers.values()) {
            long[] addedLoaded = newLoaded.addedSince(p.sentLoaded);
            long[] addedLoading = newLoading.addedSince(p.sentLoading);
            if (worthTelling(p, addedLoaded, addedLoading, l, h)) {
                if (encoded == null) {
                    encoded = PeerMessages.encode(new SegmentsAnnouncement(l, h));
                }
                p.sendCopies(encoded);
                p.sentLoaded = l;
                p.sentLoading = h;
            }
        }
    }

    /**
     * True when a peer's view of us (our last announcement to it) misses something it could use: a segment we
     * now hold or load over HTTP that it has not announced holding, or an HTTP load we gave up without the
     * segment (it may be waiting for us). Otherwise its view stays as it is: a segment it holds is no news to
     * it, and a segment we no longer hold costs it one SegmentAbsent at worst. Each announcement still replaces
     * the previous one in full, as the protocol says; most of them are simply not needed by everyone.
     * {@code addedLoaded} and {@code addedLoading} are what we now hold and load that our last announcement to
     * it did not list.
     */
    private static boolean worthTelling(PeerLink p, long[] addedLoaded, long[] addedLoading, long[] loaded,
                                        long[] loading) {
        if (newToPeer(p, addedLoaded) || newToPeer(p, addedLoading)) {
            return true;
        }
        for (long id : p.sentLoading) {
            if (!PeerLink.contains(loading, id) && !PeerLink.contains(loaded, id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the peer has not announced holding one of {@code added} (ids our last announcement to it did not
     * list): they are an id or two, so the peer's own announcement is rarely looked into.
     */
    private static boolean newToPeer(PeerLink p, long[] added) {
        for (long id : added) {
            if (!PeerLink.contains(p.loaded, id)) {
                return true;
            }
        }
        return false;
    }

    private static long[] sorted(Set<Long> ids) {
        long[] out = new long[ids.size()];
        int i = 0;
        for (long id : ids) {
            out[i++] = id;
        }
        Arrays.sort(out);
        return out;
    }

    // ---- downloads ----

    /** Asks a peer for a segment; false when the peer is gone or already busy. */
    public boolean request(String peerId, long mediaSequence, long wireId) {
        PeerLink p = peers.get(peerId);
        if (p == null || p.download != null) {
            return false;
        }
        int requestId = nextRequestId++;
        p.download = new PeerLink.Download(mediaSequence, wireId, requestId, host.now());
        stateChanged(p);
        downloads.put(mediaSequence, p);
        p.send(new SegmentRequest(wireId, requestId, null));
        return true;
    }

    /**
     * Gives up our download from a peer (sends a cancel); the host is told through {@code peerFailed}. A peer that
     * was too slow keeps its connection and gets the speed it showed, so it is chosen less; a peer that stayed
     * silent gets a strike, and three strikes in a row drop it.
     *
     * @param silent the peer sent nothing for the stall timeout
     */
    public void abandon(String peerId, String reason, boolean silent) {
        PeerLink p = peers.get(peerId);
        if (p == null || p.download == null) {
            return;
        }
        PeerLink.Download d = p.download;
        endDownload(p);
        if (d.received > 0) {
            long ms = Math.max(1, Duration.between(d.startedAt, host.now()).toMillis());
            measured(p, d.received * (double) p.channel.payloadScale() * 1000.0 / ms);
        }
        if (silent) {
            p.stalls++;
        }
        p.cancelled.addLast(new PeerLink.Cancelled(d.wireId, d.requestId, d.total < 0 ? -1 : d.total - d.received));
        withTails.add(p);
        if (p.cancelled.size() > MAX_CANCELLED_TAILS) {
            p.cancelled.removeFirst();
        }
        p.send(new CancelSegmentRequest(d.wireId, d.requestId));
        tellFailed(p, d, reason, true);
        if (p.stalls >= 3) {
            drop(p, "three silent transfers");
        }
    }

    /** Folds a measured download rate (real bytes per second) into the peer's speed. */
    private void measured(PeerLink p, double rate) {
        p.speed = ewma(p.speed, rate);
        stateChanged(p);
    }

    /** A moving average of speeds that starts at the first sample (0 = none yet). */
    private static double ewma(double average, double sample) {
        return average == 0 ? sample : 0.7 * average + 0.3 * sample;
    }

    // ---- incoming ----

    private void receive(PeerLink p, byte[] message) {
        if (p.closed) {
            return;
        }
        try {
            switch (p.decoder.feed(message)) {
                case Decoded.Command c -> handle(p, c.command());
                case Decoded.Payload d -> payload(p, d.bytes());
                case Decoded.Incomplete i -> { }
            }
        } catch (PeerProtocolException e) {
            drop(p, "protocol violation: " + e.getMessage());
        } catch (ProtocolViolation e) {
            drop(p, "protocol violation: " + e.getMessage());
        }
    }

    private void handle(PeerLink p, PeerCommand command) {
        switch (command) {
            case SegmentsAnnouncement a -> {
                long[] before = p.loaded;
                p.loaded = a.loadedIds(); // never modified: replaced by the next announcement
                holding.replace(p.id, before, p.loaded);
                long[] loadingBefore = p.httpLoading;
                p.httpLoading = a.httpLoadingIds();
                loadingOverHttp.replace(p.id, loadingBefore, p.httpLoading);
                long newest = Math.max(p.loaded.length == 0 ? Long.MIN_VALUE : p.loaded[p.loaded.length - 1],
                        p.httpLoading.length == 0 ? Long.MIN_VALUE : p.httpLoading[p.httpLoading.length - 1]);
                newestAnnounced = Math.max(newestAnnounced, newest);
                if (offersWhatWeLack(before, p.loaded)) {
                    host.swarmChanged(); // most announcements only repeat what we hold: no need to plan again
                }
            }
            case SegmentRequest r -> startUpload(p, r);
            case CancelSegmentRequest c -> {
                if (p.upload != null && p.upload.wireId == c.segmentId() && p.upload.requestId == c.requestId()) {
                    p.upload = null;
                }
                if (held != null && held.peer == p && held.request.segmentId() == c.segmentId()
                        && held.request.requestId() == c.requestId()) {
                    held = null;
                }
            }
            case SegmentData d -> {
                PeerLink.Download dl = p.download;
                PeerLink.Cancelled gone = cancelledTransfer(p, d.segmentId(), d.requestId());
                if (gone != null) {
                    gone.remaining = d.totalBytes(); // sent before our cancel arrived: its bytes follow
                    while (p.cancelled.peekFirst() != gone) {
                        p.cancelled.removeFirst(); // the channel is ordered: older transfers are over
                    }
                    return;
                }
                if (dl == null || dl.wireId != d.segmentId() || dl.requestId != d.requestId()) {
                    throw new ProtocolViolation("segment data " + d.segmentId() + " that we did not request");
                }
                if (dl.total >= 0) {
                    throw new ProtocolViolation("second data header for segment " + d.segmentId());
                }
                if (d.totalBytes() <= 0 || d.totalBytes() > MAX_SEGMENT_BYTES) {
                    throw new ProtocolViolation("declared segment size " + d.totalBytes());
                }
                dl.total = d.totalBytes();
                p.absentStreak = 0;
                p.cancelled.clear(); // the channel is ordered: what follows is this segment's
                dl.buffer = new ByteArrayOutputStream((int) dl.total);
            }
            case SegmentDataSendingCompleted c -> {
                PeerLink.Download dl = p.download;
                PeerLink.Cancelled gone = cancelledTransfer(p, c.segmentId(), c.requestId());
                if (gone != null) {
                    p.cancelled.remove(gone);
                    return;
                }
                if (dl == null || dl.wireId != c.segmentId() || dl.requestId != c.requestId() || dl.total < 0) {
                    throw new ProtocolViolation("completion of segment " + c.segmentId() + " not being sent");
                }
                if (dl.received != dl.total) {
                    throw new ProtocolViolation("size mismatch: received " + dl.received + " of " + dl.total);
                }
                endDownload(p);
                p.stalls = 0;
                long ms = Math.max(1, Duration.between(dl.startedAt, host.now()).toMillis());
                measured(p, dl.total * (double) p.channel.payloadScale() * 1000.0 / ms);
                host.peerDelivered(p.id, dl.mediaSequence, dl.buffer.toByteArray(), dl.total, ms);
            }
            case SegmentAbsent a -> {
                PeerLink.Download dl = p.download;
                p.absentStreak++;
                long backoff = Math.min(MAX_BUSY_BACKOFF.toMillis(),
                        BUSY_BACKOFF.toMillis() << Math.min(10, p.absentStreak - 1));
                p.busyUntil = host.now().plusMillis(backoff);
                stateChanged(p);
                if (dl != null && dl.wireId == a.segmentId() && dl.requestId == a.requestId()) {
                    endDownload(p);
                    host.peerFailed(p.id, dl.mediaSequence, "peer " + shortId(p.id) + " does not have it");
                }
            }
        }
    }

    private void payload(PeerLink p, byte[] bytes) {
        PeerLink.Download dl = p.download;
        if (dl == null || dl.total < 0) {
            for (PeerLink.Cancelled gone : p.cancelled) {
                if (gone.remaining > 0) {
                    if (gone.remaining < bytes.length) {
                        break;
                    }
                    gone.remaining -= bytes.length; // the rest of a transfer we cancelled, still on the wire
                    return;
                }
            }
        }
        if (dl == null || dl.total < 0) {
            throw new ProtocolViolation(bytes.length + " payload bytes without a segment being sent");
        }
        if (bytes.length == 0) {
            return;
        }
        dl.received += bytes.length;
        p.bytesDown += bytes.length;
        host.peerBytes(p.id, bytes.length);
        if (dl.received > dl.total) {
            throw new ProtocolViolation("size mismatch: " + dl.received + " bytes of a " + dl.total + "-byte segment");
        }
        dl.buffer.write(bytes, 0, bytes.length);
        dl.lastBytesAt = host.now();
    }

    /**
     * True when {@code now} (sorted) holds an id missing from {@code before} (sorted) that the host lacks and
     * no peer is sending us.
     */
    private boolean offersWhatWeLack(long[] before, long[] now) {
        int j = 0;
        for (long id : now) {
            while (j < before.length && before[j] < id) {
                j++;
            }
            if ((j == before.length || before[j] != id) && host.lacks(id)
                    && !downloads.containsKey(host.mediaSequenceOf(id))) {
                return true;
            }
        }
        return false;
    }

    private static PeerLink.Cancelled cancelledTransfer(PeerLink p, long wireId, int requestId) {
        for (PeerLink.Cancelled c : p.cancelled) {
            if (c.is(wireId, requestId)) {
                return c;
            }
        }
        return null;
    }

    // ---- uploads ----

    private void startUpload(PeerLink p, SegmentRequest r) {
        p.upload = null; // a new request stops the current upload, as browsers do
        if (held != null && held.peer == p) {
            held = null; // and replaces a held one
        }
        long backlog = uploadEnabled ? uplinkBacklog(p) : 0;
        boolean busy = backlog > 0;
        long freeIn = busy && held == null ? freeIn(backlog) : Long.MAX_VALUE;
        if (freeIn <= HOLD_MAX.toMillis() && host.cachedByWireId(r.segmentId()) != null) {
            held = new Held(p, r, host.now());
            scheduler.schedule(Duration.ofMillis(Math.max(PUMP_INTERVAL.toMillis(), freeIn)), this::serveHeld);
            return;
        }
        byte[] data = uploadEnabled && !busy ? host.cachedByWireId(r.segmentId()) : null;
        if (data == null) {
            p.send(new SegmentAbsent(r.segmentId(), r.requestId()));
            return;
        }
        int from = r.byteFrom() == null ? 0 : (int) Math.max(0, Math.min(data.length, r.byteFrom()));
        byte[] body = from == 0 ? data : Arrays.copyOfRange(data, from, data.length);
        if (corruptUploads.getAsBoolean()) {
            body = body.clone();
            for (int i = 0; i < body.length; i += 997) {
                body[i] ^= 0x5A;
            }
        }
        p.upload = new PeerLink.Upload(r.segmentId(), r.requestId(), body, host.now());
        if (!uploadingTo.contains(p)) {
            uploadingTo.add(p);
        }
        p.send(new SegmentData(r.segmentId(), r.requestId(), data.length));
        pump();
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
        long freeIn = freeIn(uplinkBacklog(h.peer));
        if (freeIn > 0 && Duration.between(h.since, host.now()).toMillis() + freeIn <= 2 * HOLD_MAX.toMillis()) {
            scheduler.schedule(Duration.ofMillis(Math.max(PUMP_INTERVAL.toMillis(), freeIn)), this::serveHeld);
            return;
        }
        held = null;
        if (freeIn > 0) {
            h.peer.send(new SegmentAbsent(h.request.segmentId(), h.request.requestId()));
        } else {
            startUpload(h.peer, h.request);
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
                noteSendBacklog(o); // off now, and no longer refreshed
                continue;
            }
            if (o != requester) {
                bytes += buffered;
                if (o.upload != null) {
                    bytes += (long) (o.upload.data.length - o.upload.sent) * o.channel.payloadScale();
                }
            }
        }
        return bytes;
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
     * (time from the request until the channel's buffer has sent them): 0 until measured.
     */
    public double uplinkBytesPerSecond() {
        return uplinkSpeed;
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
        long wire = (long) u.data.length * p.channel.payloadScale();
        long ms = Math.max(1, Duration.between(u.startedAt, host.now()).toMillis());
        long out = wire - buffered;
        if (buffered > UPLINK_BUSY_BYTES) {
            long wait = out <= 0 ? 50 : Math.max(10, Math.min(1_000, buffered * ms / out));
            scheduler.schedule(Duration.ofMillis(wait), () -> uplinkMeasured(p, u));
            return;
        }
        if (out >= MIN_MEASURED_UPLOAD) {
            double rate = out * 1000.0 / ms;
            uplinkSpeed = ewma(uplinkSpeed, rate);
        }
    }

    /** Sends upload chunks while channel buffers and the rate cap allow; re-arms itself while work remains. */
    void pump() {
        pumpScheduled = false;
        boolean pending = false;
        for (PeerLink p : new ArrayList<>(peers.values())) {
            PeerLink.Upload u = p.upload;
            while (u != null && !p.closed && u.sent < u.data.length && p.channel.bufferedAmount() < MAX_BUFFERED) {
                int want = Math.min(io.p2pviewer.engine.peer.transport.PeerChannel.MAX_MESSAGE_BYTES,
                        u.data.length - u.sent);
                int n = limiter.allowance(host.now(), want);
                if (n <= 0) {
                    break;
                }
                for (byte[] chunk : PeerMessages.payloadChunks(u.data, u.sent, n)) {
                    p.channel.send(chunk);
                }
                limiter.spend(n);
                u.sent += n;
                p.bytesUp += n;
                host.uploaded(p.id, n);
            }
            if (u != null && u.sent >= u.data.length && p.upload == u) {
                p.upload = null;
                uplinkMeasured(p, u);
                p.send(new SegmentDataSendingCompleted(u.wireId, u.requestId));
            } else if (u != null && !p.closed) {
                pending = true;
            }
        }
        if (pending && !pumpScheduled && !closed) {
            pumpScheduled = true;
            scheduler.schedule(PUMP_INTERVAL, this::pump);
        }
    }

    // ---- views ----

    /** Connected peers for the planner, in connection order: a read-only view, current as of this call. */
    public List<PeerState> peerStates() {
        refreshStates();
        return statesView;
    }

    /** As {@link #peerStates()}, by peer id. */
    public Map<String, PeerState> peerStatesById() {
        refreshStates();
        return statesByIdView;
    }

    private void refreshStates() {
        Instant now = host.now();
        if (statesStale) {
            states.clear();
            statesById.clear();
            markedBusy.clear();
            busyEnds = null;
            for (PeerLink p : peers.values()) {
                p.stateIndex = states.size();
                states.add(null);
                setState(p, now);
            }
            statesStale = false;
        }
        uploadingTo.forEach(this::noteSendBacklog);
        if (busyEnds != null && !now.isBefore(busyEnds)) {
            busyEnds = null;
            int wereBusy = markedBusy.size();
            for (int i = 0; i < wereBusy; i++) {
                PeerLink p = markedBusy.get(i);
                if (backingOff(p, now)) {
                    noteBusy(p); // marked again, after the ones we walk
                } else if (!p.closed) {
                    setState(p, now);
                }
            }
            markedBusy.subList(0, wereBusy).clear();
        }
    }

    /** Replaces the peer's state after its download, speed or busy time changed. */
    private void stateChanged(PeerLink p) {
        if (!statesStale && !p.closed) {
            setState(p, host.now());
        }
    }

    private void setState(PeerLink p, Instant now) {
        boolean busy = isBusy(p, now);
        PeerState state = new PeerState(p.id, p.download != null, busy, p.speed);
        states.set(p.stateIndex, state);
        statesById.put(p.id, state);
        if (backingOff(p, now) && !markedBusy.contains(p)) {
            noteBusy(p);
        }
    }

    private void noteBusy(PeerLink p) {
        markedBusy.add(p);
        if (busyEnds == null || p.busyUntil.isBefore(busyEnds)) {
            busyEnds = p.busyUntil;
        }
    }

    private static boolean isBusy(PeerLink p, Instant now) {
        return backingOff(p, now) || p.sendBacklogged;
    }

    /** True while the peer is asked nothing after an absent answer ({@link #BUSY_BACKOFF}). */
    private static boolean backingOff(PeerLink p, Instant now) {
        return p.busyUntil != null && now.isBefore(p.busyUntil);
    }

    /**
     * Sets whether a request to the peer would wait behind our upload to it (see {@link #UPLINK_BUSY_BYTES}), and
     * its state if that changed. Only peers we upload to can be backlogged, so only those need this.
     */
    private void noteSendBacklog(PeerLink p) {
        boolean backlogged = !p.closed && p.channel.bufferedAmount() > UPLINK_BUSY_BYTES;
        if (p.sendBacklogged != backlogged) {
            p.sendBacklogged = backlogged;
            stateChanged(p);
        }
    }

    /**
     * Bytes of transfers we cancelled that peers had already sent and are still on their way to us: they share
     * our downlink with whatever we fetch next. Real bytes (payload scale applied).
     */
    public long cancelledTailBytes() {
        long n = 0;
        for (Iterator<PeerLink> it = withTails.iterator(); it.hasNext(); ) {
            PeerLink p = it.next();
            boolean due = false;
            for (PeerLink.Cancelled c : p.cancelled) {
                n += Math.max(0, c.remaining) * p.channel.payloadScale();
                due |= c.remaining != 0;
            }
            if (p.closed || !due) {
                it.remove(); // nothing more due from it until we cancel again
            }
        }
        return n;
    }

    /** The highest segment id any peer announced (loaded or loading) since we joined, or Long.MIN_VALUE. */
    public long newestAnnounced() {
        return newestAnnounced;
    }

    /**
     * Connected peers that announced the segment as held (busy ones included: see {@link #BUSY_BACKOFF}). A
     * read-only view that follows later announcements: read it before handing control back.
     */
    public List<String> holders(long wireId) {
        return holding.peersWith(wireId);
    }

    /** Connected peers that announced the segment as loading over HTTP (a view, as {@link #holders}). */
    public List<String> httpLoaders(long wireId) {
        return loadingOverHttp.peersWith(wireId);
    }

    /** The peer transfer of a segment in flight, or null. */
    public SegmentState.PeerTransfer transfer(long mediaSequence) {
        PeerLink p = downloads.get(mediaSequence);
        PeerLink.Download d = p == null ? null : p.download;
        return d == null ? null : new SegmentState.PeerTransfer(p.id, d.startedAt, d.lastBytesAt, d.received, d.total);
    }

    private void endDownload(PeerLink p) {
        if (p.download != null) {
            downloads.remove(p.download.mediaSequence, p);
            p.download = null;
            stateChanged(p);
        }
    }

    /** Connected peers first, then those that left this session. */
    public List<PeerInfo> peerInfos() {
        List<PeerInfo> out = new ArrayList<>();
        for (PeerLink p : peers.values()) {
            out.add(info(p, true, null));
        }
        departed.values().stream().filter(d -> !peers.containsKey(d.peerId())).forEach(out::add);
        return out;
    }

    private PeerInfo info(PeerLink p, boolean connected, String reason) {
        return new PeerInfo(p.id, track, p.channel.describe(), p.connectedAt, p.bytesDown, p.bytesUp, p.speed,
                connected && p.download != null, connected && p.upload != null, connected, reason);
    }

    public int size() {
        return peers.size();
    }

    /** Disconnects every peer; their totals stay in {@link #peerInfos()}. */
    public void close() {
        closed = true;
        for (PeerLink p : new ArrayList<>(peers.values())) {
            p.closed = true;
            unindex(p);
            p.channel.close();
            departed.put(p.id, info(p, false, "session ended"));
        }
        peers.clear();
        statesStale = true;
    }

    public static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(id.length() - 6);
    }

    /** A peer broke the protocol at the session level (the bytes decoded, the behaviour is wrong). */
    static final class ProtocolViolation extends RuntimeException {
        ProtocolViolation(String message) {
            super(message, null, false, false);
        }
    }
}
