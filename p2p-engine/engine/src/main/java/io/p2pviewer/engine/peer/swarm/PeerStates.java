package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.scheduler.PeerState;
import io.p2pviewer.engine.time.EngineThread;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's view of one swarm's connected peers, and what makes a peer busy or struck: one {@link PeerState} per
 * peer (downloading, busy, measured speed), the back-off after absent answers ({@link #BUSY_BACKOFF}), the wait
 * behind our upload to a peer ({@link PeerLink#sendBacklogged}) and the strikes for silent transfers. The
 * {@link Swarm} tells it what happened to a peer; {@link SwarmUploads} tells it which peers our uploads fill.
 * Engine thread only.
 */
@EngineThread
final class PeerStates {
    /**
     * A peer that answers SegmentAbsent for a segment it announced is, as a rule, busy uploading to another peer
     * (see {@link SwarmUploads#UPLINK_BUSY_BYTES}) and free again within a second: it is asked nothing for this long,
     * twice as long after each further absent answer in a row (at most {@link #MAX_BUSY_BACKOFF}, which also bounds
     * the requests to a peer whose announcement is stale), then it is a holder again. Taking it for a non-holder
     * until its next announcement (about a segment duration later) left a fresh live segment's few holders unasked
     * while they were free: n100 simulated, 4 seeds, 58.7 % offload against 68-70 % with 1-100 ms.
     */
    static final Duration BUSY_BACKOFF = Duration.ofMillis(50);
    static final Duration MAX_BUSY_BACKOFF = Duration.ofMillis(1600);
    /** How long a peer that fell silent on a transfer is asked nothing (doubled per further silence in a row). */
    static final Duration SILENCE_BACKOFF = Duration.ofSeconds(2);
    /** Silent transfers in a row (strikes) that drop a peer. */
    static final int MAX_STRIKES = 3;
    /** How long a peer that never answered us may leave a request unanswered before it is dropped. */
    static final Duration FIRST_ANSWER_WITHIN = Duration.ofSeconds(1);

    private final SwarmHost host;
    /**
     * One state per connected peer, in connection order: an entry is replaced when its peer starts or ends a
     * download, is measured or becomes busy or free; the list is rebuilt when peers join or leave ({@link #stale}).
     * The planner asks every tick; most ticks nothing changed.
     */
    private final List<PeerState> states = new ArrayList<>();
    private final List<PeerState> statesView = Collections.unmodifiableList(states);
    /** The same states by peer id, in the same order. */
    private final Map<String, PeerState> statesById = new LinkedHashMap<>();
    private final Map<String, PeerState> statesByIdView = Collections.unmodifiableMap(statesById);
    private boolean stale = true;
    /** Peers whose entry in {@link #states} says busy, and when the first of them stops being busy. */
    private final List<PeerLink> markedBusy = new ArrayList<>();
    private Instant busyEnds;

    PeerStates(SwarmHost host) {
        this.host = host;
    }

    /** Peers joined or left: the states are rebuilt on the next read. */
    void membershipChanged() {
        stale = true;
    }

    /**
     * The connected peers' states in connection order: a read-only view, current as of this call.
     *
     * @param connected   the connected peers, in connection order
     * @param uploadingTo the peers whose channel may still hold much of our upload ({@link SwarmUploads#receivers})
     */
    List<PeerState> list(Collection<PeerLink> connected, List<PeerLink> uploadingTo) {
        refresh(connected, uploadingTo);
        return statesView;
    }

    /** As {@link #list}, by peer id. */
    Map<String, PeerState> byId(Collection<PeerLink> connected, List<PeerLink> uploadingTo) {
        refresh(connected, uploadingTo);
        return statesByIdView;
    }

    private void refresh(Collection<PeerLink> connected, List<PeerLink> uploadingTo) {
        Instant now = host.now();
        if (stale) {
            states.clear();
            statesById.clear();
            markedBusy.clear();
            busyEnds = null;
            for (PeerLink p : connected) {
                p.stateIndex = states.size();
                states.add(null);
                setState(p, now);
            }
            stale = false;
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
    void changed(PeerLink p) {
        if (!stale && !p.closed) {
            setState(p, host.now());
        }
    }

    /** Folds a measured download rate (real bytes per second) into the peer's speed. */
    void measured(PeerLink p, double rate) {
        p.speed = ewma(p.speed, rate);
        changed(p);
    }

    /** A download from the peer ended whole after {@code rate} (real bytes per second): its strikes are cleared. */
    void delivered(PeerLink p, double rate) {
        p.stalls = 0;
        measured(p, rate);
    }

    /**
     * The peer sent nothing of a transfer for the stall timeout: one strike, and it is asked nothing for
     * {@link #SILENCE_BACKOFF}, twice that after a second silence in a row (a peer that sends half a segment and
     * stalls costs the player's patience once per backoff, not once per segment).
     */
    void struck(PeerLink p) {
        p.stalls++;
        p.busyUntil = host.now().plus(SILENCE_BACKOFF.multipliedBy(1L << Math.min(10, p.stalls - 1)));
        changed(p);
    }

    /** Whether the peer stayed silent {@link #MAX_STRIKES} transfers in a row. */
    static boolean outOfStrikes(PeerLink p) {
        return p.stalls >= MAX_STRIKES;
    }

    /**
     * Whether the peer never answered any request of ours (neither a data header nor SegmentAbsent) and our first
     * request to it went unanswered for {@link #FIRST_ANSWER_WITHIN}: an honest peer answers within a moment, with
     * data, or held at most {@link SwarmUploads#HOLD_MAX} and then SegmentAbsent when it is busy, so this is a peer
     * that announces what it never sends. A peer that answered before keeps its {@link #MAX_STRIKES}, as an honest
     * slow uplink may fall silent once.
     *
     * @param waited how long the abandoned request went unanswered
     */
    static boolean neverAnswers(PeerLink p, Duration waited) {
        return !p.answered && waited.compareTo(FIRST_ANSWER_WITHIN) >= 0;
    }

    /**
     * The peer answered SegmentAbsent: it is asked nothing for {@link #BUSY_BACKOFF}, doubled per absent answer in a
     * row up to {@link #MAX_BUSY_BACKOFF}.
     */
    void answeredAbsent(PeerLink p) {
        p.answered = true;
        p.absentStreak++;
        long backoff = Math.min(MAX_BUSY_BACKOFF.toMillis(),
                BUSY_BACKOFF.toMillis() << Math.min(10, p.absentStreak - 1));
        p.busyUntil = host.now().plusMillis(backoff);
        changed(p);
    }

    /** The peer started sending us a segment: its streak of absent answers ends. */
    static void transferStarted(PeerLink p) {
        p.absentStreak = 0;
        p.answered = true;
    }

    /**
     * Sets whether a request to the peer would wait behind our upload to it (see
     * {@link SwarmUploads#UPLINK_BUSY_BYTES}), and its state if that changed. Only peers we upload to can be
     * backlogged, so only those need this.
     */
    void noteSendBacklog(PeerLink p) {
        boolean backlogged = !p.closed && p.channel.bufferedAmount() > SwarmUploads.UPLINK_BUSY_BYTES;
        if (p.sendBacklogged != backlogged) {
            p.sendBacklogged = backlogged;
            changed(p);
        }
    }

    private void setState(PeerLink p, Instant now) {
        boolean busy = isBusy(p, now);
        PeerState state = new PeerState(p.id, p.download != null, busy, p.speed, !p.browser && !p.noParts,
                p.announcedUplink);
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

    /** A moving average of speeds that starts at the first sample (0 = none yet). */
    static double ewma(double average, double sample) {
        return average == 0 ? sample : 0.7 * average + 0.3 * sample;
    }
}
