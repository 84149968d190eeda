package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One connected remote peer of a swarm, as the engine thread sees it: what it announced, our download from it
 * and our upload to it (one of each at a time, as browsers do), and byte counters. Engine thread only.
 */
final class PeerLink {
    static final long[] NONE = new long[0];
    final String id;
    /** Whether it is a p2p-media-loader browser peer ({@link SwarmIds#isBrowserPeerId}), looked up per announcement. */
    final boolean browser;
    final PeerChannel channel;
    final PeerMessageDecoder decoder = new PeerMessageDecoder();
    /** How many commands a second it may send us. */
    final InboundRateLimits limits = new InboundRateLimits();
    final Instant connectedAt;
    /** The address whose slot the peer took ({@link AddressSlots}), as its channel said when it joined. */
    final String slotAddress;
    /** Ids from its latest announcement, sorted and distinct (the planner looks them up every tick). */
    long[] loaded = NONE;
    long[] httpLoading = NONE;
    /** What our last announcement to it said (it keeps that view until the next one). */
    long[] sentLoaded = NONE;
    long[] sentLoading = NONE;
    Download download;
    /** Its entry in the swarm's list of peer states ({@link PeerStates}). */
    int stateIndex;
    /**
     * Until when it is not asked for anything: it answered absent for a segment it announced
     * ({@link PeerStates#BUSY_BACKOFF}).
     */
    Instant busyUntil;
    /** True while our channel to it holds so much of our upload that a request would wait behind it. */
    boolean sendBacklogged;
    /** Absent answers in a row (a transfer it starts ends the streak). */
    int absentStreak;
    /** Downloads we gave up on whose tails may still be on the wire (oldest first), to be discarded quietly. */
    final java.util.ArrayDeque<Cancelled> cancelled = new java.util.ArrayDeque<>();
    Upload upload;
    long bytesDown;
    /** Of {@link #bytesDown}, those received while the channel's route went through a TURN relay. */
    long bytesRelayed;
    long bytesUp;
    double speed;
    /** The uplink the peer announced (engine peers: field {@code u}), bytes per second; 0 when not told. */
    double announcedUplink;
    int stalls;
    /**
     * True once a segment joined from parts it sent (with other peers') failed verification: we cannot tell whose
     * part was bad, so it is asked for whole segments only, where its own bytes answer for it.
     */
    boolean noParts;
    /** True once the peer answered any request of ours (a data header or SegmentAbsent). */
    boolean answered;
    boolean closed;

    PeerLink(String id, PeerChannel channel, Instant connectedAt, String slotAddress) {
        this.id = id;
        this.browser = SwarmIds.isBrowserPeerId(id);
        this.slotAddress = slotAddress;
        this.channel = channel;
        this.connectedAt = connectedAt;
    }

    /** Whether a sorted array of segment ids (an announced set) holds {@code id}. */
    static boolean contains(long[] sortedIds, long id) {
        return Arrays.binarySearch(sortedIds, id) >= 0;
    }

    void send(PeerCommand command) {
        if (!closed) {
            for (byte[] message : PeerMessages.encode(command)) {
                channel.send(message);
            }
        }
    }

    /** Sends a copy of each message encoded once for several peers (a channel owns the arrays it is given). */
    void sendCopies(List<byte[]> encoded) {
        if (!closed) {
            for (byte[] message : encoded) {
                channel.send(message.clone());
            }
        }
    }

    /**
     * A download from this peer in flight: a whole segment, or a part of one ({@link SplitDownload}), asked from
     * byte {@link #from}: the peer declares the whole segment's size and sends from there to the segment's end (an
     * engine peer's uploads do; we stop it where the next part begins).
     */
    static final class Download {
        final long mediaSequence;
        final long wireId;
        final int requestId;
        final Instant startedAt;
        /** The peer it is from. */
        final PeerLink source;
        /** The segment's byte the peer sends first (0 for a whole segment); at most the declared size once known. */
        long from;
        /** The segment's size as the peer declared it, -1 until its data header came. */
        long total = -1;
        /** Payload bytes received, all of them (a part's beyond its end too). */
        long received;
        Instant lastBytesAt;
        /** When the peer's data header came (it began sending), null before: the planner judges the rate from it. */
        Instant answeredAt;
        /**
         * The bytes received that we keep, from {@link #from} (also the buffer our uploads may pass on for a whole
         * segment); null until the data header came.
         */
        Relay relay;
        /** The segment this is a part of, or null for a whole segment. */
        SplitDownload split;
        /** A part that has all its bytes (it reached the next part, or the segment's end). */
        boolean done;

        Download(long mediaSequence, long wireId, int requestId, Instant startedAt) {
            this(mediaSequence, wireId, requestId, startedAt, null, 0);
        }

        Download(long mediaSequence, long wireId, int requestId, Instant startedAt, PeerLink source, long from) {
            this.mediaSequence = mediaSequence;
            this.wireId = wireId;
            this.requestId = requestId;
            this.startedAt = startedAt;
            this.source = source;
            this.from = from;
        }

        /** Payload bytes the peer sends: from {@link #from} to the segment's end (-1 before the header). */
        long expected() {
            return total < 0 ? -1 : total - from;
        }

        /** Bytes kept so far. */
        int kept() {
            return relay == null ? 0 : relay.received;
        }
    }

    /**
     * A download we cancelled while the peer may already have sent (part of) it: its data header, up to
     * {@code remaining} payload bytes (-1 until the header tells) and its completion may still arrive.
     */
    static final class Cancelled {
        final long wireId;
        final int requestId;
        /** When we cancelled it. */
        final Instant at;
        long remaining;
        /** Payload bytes of it that arrived after the cancel (wire bytes, before the payload scale). */
        long arrived;

        Cancelled(long wireId, int requestId, long remaining, Instant at) {
            this.wireId = wireId;
            this.requestId = requestId;
            this.remaining = remaining;
            this.at = at;
        }

        boolean is(long wireId, int requestId) {
            return this.wireId == wireId && this.requestId == requestId;
        }
    }

    /**
     * An upload to this peer in flight: the whole segment's bytes, where the upload began (the request's byte
     * offset) and how far we got. {@code relay} is the segment we are still receiving when we pass it on as it
     * arrives, null for a segment we hold.
     */
    static final class Upload {
        final long wireId;
        final int requestId;
        /** A held segment's bytes; null for a relayed one, whose array {@link #relay} grows as bytes arrive. */
        private final byte[] data;
        final int from;
        final Relay relay;
        final Instant startedAt;
        /** The position in the segment up to which we sent. */
        int sent;
        /** Wire bytes our uploads had sent out through the network when this one began ({@code SwarmUploads}). */
        long uplinkOutAtStart;

        Upload(long wireId, int requestId, byte[] data, int from, Relay relay, Instant startedAt) {
            this.wireId = wireId;
            this.requestId = requestId;
            this.data = data;
            this.from = from;
            this.relay = relay;
            this.startedAt = startedAt;
            this.sent = from;
        }

        /** The segment's bytes as far as they are here (of a relayed one, the relay's current array). */
        byte[] bytes() {
            return relay == null ? data : relay.data;
        }

        /** The segment's size. */
        int total() {
            return relay == null ? data.length : relay.total;
        }

        /** Bytes of the segment that may be sent now: all of a held segment, what arrived of a relayed one. */
        int available() {
            return relay == null ? data.length : relay.received;
        }

        /** Bytes this upload has still to send. */
        int remaining() {
            return total() - sent;
        }

        /** Whether its completion may be sent once all is sent: a relayed segment must be verified first. */
        boolean releasable() {
            return relay == null || relay.state == Relay.State.VERIFIED;
        }
    }
}
