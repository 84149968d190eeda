package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerTransport;
import io.p2pviewer.engine.stats.TokenBucket;
import io.p2pviewer.engine.peer.transport.PeerTransport.PendingOffer;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.TaskScheduler;
import io.p2pviewer.redaction.Redacted;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebTorrent tracker client for one tracker and one swarm: announces with WebRTC offers made by a
 * {@link PeerTransport}, answers offers relayed by the tracker, and reports each new peer channel to a
 * {@link TrackerListener}; speaks the protocol as browsers do (p2p-media-loader over bittorrent-tracker's
 * client), so browser peers and existing trackers work with it.
 *
 * <p>Behaviour: on connect it announces "started" with up to {@code offersPerAnnounce} offers, then re-announces
 * (no event) at the tracker's interval with fresh offers for the members it counts that we are not connected to
 * ({@link #offersWanted()}), keeping at most {@code maxPendingOffers} unanswered
 * offers (the oldest are cancelled first); unanswered offers are cancelled after {@code offerTimeout}. When the
 * socket closes or fails it reconnects with exponential backoff and jitter. {@link #stop()} announces
 * "stopped" and closes the socket; channels already handed out stay open (they belong to the listener).
 * Garbage, oversized messages and messages for other swarms are logged and dropped.
 *
 * <p>Threading: all state lives on the given {@link TaskScheduler}'s thread; public methods may be called from
 * any thread and return at once (they post to it). Listener methods are called on that thread. Time (expiry,
 * interval, backoff) comes only from the scheduler, so the logic runs in virtual time in tests.
 *
 * <p>Over 500 lines: announces, offers, answers, expiry and reconnection are one conversation over one socket,
 * and each step reads and changes the same pending-offer and connection state. What stands apart already lives
 * apart: the wire format ({@link ClientCodec}), reconnection delays ({@link Backoff}), the socket
 * ({@link TrackerConnector}) and the several-tracker fan-out ({@link TrackerSignalling}).
 */
public final class TrackerClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrackerClient.class);

    private enum Phase { NEW, RUNNING, STOPPED }

    private final URI tracker;
    /** The tracker's URL as log lines show it: query values (a join token) masked. */
    private final String shown;
    private final SwarmIdentity swarm;
    private final PeerTransport transport;
    private final TrackerConnector connector;
    private final TaskScheduler scheduler;
    private final TrackerClientConfig config;
    private final TrackerListener listener;
    private final RandomGenerator random;
    private final ConnectedPeers peers;

    // Engine-thread state.
    private Phase phase = Phase.NEW;
    private Connection connection;
    private int retries;
    private Duration interval;
    private Cancellable reconnectTimer = Cancellable.NONE;
    private Cancellable announceTimer = Cancellable.NONE;
    private AnnounceRound round;
    private final TokenBucket answerBudget;
    private int answersRefused;
    /** Members the tracker last counted in the swarm (us included); -1 until it told us. */
    private int swarmSize = -1;
    private final LinkedHashMap<String, OutstandingOffer> offers = new LinkedHashMap<>();
    private final Map<String, Answering> answering = new HashMap<>();

    private volatile TrackerStatus status;
    private volatile long uploaded;
    private volatile long downloaded;

    /**
     * A client with a secure random source for offer ids and its own record of connected peers.
     *
     * @param tracker a ws:// or wss:// URI
     * @throws IllegalArgumentException if the URI is not a WebSocket URI
     */
    public TrackerClient(URI tracker, SwarmIdentity swarm, PeerTransport transport, TrackerConnector connector,
                         TaskScheduler scheduler, TrackerClientConfig config, TrackerListener listener) {
        this(tracker, swarm, transport, connector, scheduler, config, listener, new SecureRandom(),
                new ConnectedPeers());
    }

    TrackerClient(URI tracker, SwarmIdentity swarm, PeerTransport transport, TrackerConnector connector,
                  TaskScheduler scheduler, TrackerClientConfig config, TrackerListener listener,
                  RandomGenerator random, ConnectedPeers peers) {
        this.tracker = requireWebSocketUri(tracker);
        this.shown = Redacted.url(this.tracker);
        this.swarm = Objects.requireNonNull(swarm, "swarm");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.random = Objects.requireNonNull(random, "random");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.interval = config.defaultInterval();
        this.answerBudget = new TokenBucket(config.answersPerMinute() / 60.0, config.maxPendingAnswers());
    }

    static URI requireWebSocketUri(URI tracker) {
        Objects.requireNonNull(tracker, "tracker");
        String scheme = tracker.getScheme() == null ? "" : tracker.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || tracker.getHost() == null) {
            throw new IllegalArgumentException("tracker must be a ws:// or wss:// URI, got "
                    + Redacted.url(tracker));
        }
        return tracker;
    }

    public URI tracker() {
        return tracker;
    }

    public SwarmIdentity swarm() {
        return swarm;
    }

    /** The last status reported (null before {@link #start()}); readable from any thread. */
    public TrackerStatus status() {
        return status;
    }

    /** Connects and announces; later calls, and calls after {@link #stop()}, do nothing. */
    public void start() {
        scheduler.execute(this::doStart);
    }

    /** Announces "stopped", closes the socket and cancels pending offers; the client cannot be restarted. */
    public void stop() {
        scheduler.execute(this::doStop);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Announces now with fresh offers (e.g. when the engine wants more peers); no-op while not connected. */
    public void announceNow() {
        scheduler.execute(() -> announce(AnnounceEvent.NONE));
    }

    /** Sets the byte totals sent in the next announces ("uploaded", "downloaded"). */
    public void reportTransferred(long uploadedBytes, long downloadedBytes) {
        uploaded = Math.max(0, uploadedBytes);
        downloaded = Math.max(0, downloadedBytes);
    }

    /** Our unanswered offers; call on the scheduler thread (tests). */
    int pendingOffers() {
        return offers.size();
    }

    /** The current re-announce interval; call on the scheduler thread (tests). */
    Duration interval() {
        return interval;
    }

    // ---- connection lifecycle -------------------------------------------------------------------------

    private void doStart() {
        if (phase != Phase.NEW) {
            return;
        }
        phase = Phase.RUNNING;
        connect();
    }

    private void connect() {
        reconnectTimer = Cancellable.NONE;
        if (phase != Phase.RUNNING) {
            return;
        }
        Connection c = new Connection();
        connection = c;
        report(new TrackerStatus.Connecting(tracker, retries + 1));
        try {
            c.socket = connector.open(tracker, c);
        } catch (RuntimeException e) {
            log.warn("tracker {}: cannot open socket", shown, e);
            c.socket = null;
            onClosed(c, "cannot open: " + e.getMessage());
        }
    }

    private void onOpen(Connection c) {
        if (c != connection || phase != Phase.RUNNING) {
            return;
        }
        c.open = true;
        // Forget the swarm's last count: a tracker that restarted counts nobody until members re-announce, and the
        // members who came meanwhile offered into an empty swarm. Announcing as a newcomer does (with offers) is
        // what joins us up again; each side's offers reach whoever is listed before it.
        swarmSize = -1;
        log.debug("tracker {}: connected", shown);
        report(new TrackerStatus.Connected(tracker));
        announce(AnnounceEvent.STARTED);
    }

    private void onClosed(Connection c, String reason) {
        if (c != connection) {
            return;
        }
        connection = null;
        c.open = false;
        announceTimer.cancel();
        if (round != null) {
            finishRound(round);
        }
        if (phase != Phase.RUNNING) {
            return;
        }
        Duration delay = config.backoff().delay(retries, random);
        retries++;
        log.info("tracker {}: disconnected ({}), retry in {} ms", shown, reason, delay.toMillis());
        report(new TrackerStatus.Disconnected(tracker, reason, delay));
        reconnectTimer = scheduler.schedule(delay, this::connect);
    }

    private void doStop() {
        if (phase == Phase.STOPPED) {
            return;
        }
        boolean started = phase == Phase.RUNNING;
        phase = Phase.STOPPED;
        reconnectTimer.cancel();
        announceTimer.cancel();
        if (round != null) {
            finishRound(round);
        }
        offers.values().forEach(OutstandingOffer::cancel);
        offers.clear();
        new ArrayList<>(answering.values()).forEach(a -> a.done(answering, peers));
        Connection c = connection;
        connection = null;
        if (c != null && c.socket != null) {
            if (c.open) {
                c.socket.send(ClientCodec.announce(swarm, AnnounceEvent.STOPPED, uploaded, downloaded, List.of()));
            }
            c.socket.close();
        }
        if (started) {
            report(new TrackerStatus.Stopped(tracker));
        }
    }

    // ---- announcing -----------------------------------------------------------------------------------

    private void announce(AnnounceEvent event) {
        Connection c = connection;
        if (phase != Phase.RUNNING || c == null || !c.open) {
            return;
        }
        if (round != null) {
            log.debug("tracker {}: announce already being prepared", shown);
            return;
        }
        int count = offersWanted();
        AnnounceRound r = new AnnounceRound(c, event, count);
        round = r;
        if (count == 0) {
            finishRound(r);
            return;
        }
        r.timeout = scheduler.schedule(config.offerCreationTimeout(), () -> finishRound(r));
        for (int i = 0; i < count; i++) {
            CompletableFuture<PendingOffer> made;
            try {
                made = transport.createOffer();
            } catch (RuntimeException e) {
                made = CompletableFuture.failedFuture(e);
            }
            made.whenComplete((offer, error) -> scheduler.execute(() -> r.offerDone(offer, error)));
        }
    }

    /**
     * Offers worth making for the next announce: {@code offersPerAnnounce} until the tracker has counted the swarm;
     * then only as many as it counts members we are neither connected to nor already offering to. Every offer is
     * a peer connection gathering candidates, and an unanswered one is wasted work (and, with webrtc-java 0.14.0,
     * native memory never given back: docs/BENCHMARKS.md, Connection churn). An announce without offers keeps us
     * listed, so newcomers' offers still reach us.
     */
    int offersWanted() {
        if (swarmSize < 0) {
            return config.offersPerAnnounce();
        }
        int missing = swarmSize - 1 - peers.count() - offers.size();
        return Math.max(0, Math.min(config.offersPerAnnounce(), missing));
    }

    private void finishRound(AnnounceRound r) {
        if (r.finished) {
            return;
        }
        r.finished = true;
        r.timeout.cancel();
        if (round == r) {
            round = null;
        }
        Connection c = connection;
        if (phase != Phase.RUNNING || c != r.connection || c == null || !c.open) {
            r.ready.forEach(PendingOffer::cancel);
            return;
        }
        List<PendingOffer> ready = r.ready;
        while (ready.size() > config.maxPendingOffers()) {
            ready.remove(ready.size() - 1).cancel();
        }
        makeRoom(ready.size());
        List<ClientCodec.OutgoingOffer> out = new ArrayList<>(ready.size());
        for (PendingOffer offer : ready) {
            String id = newOfferId();
            OutstandingOffer o = new OutstandingOffer(offer);
            o.expiry = scheduler.schedule(config.offerTimeout(), () -> expire(id, o));
            offers.put(id, o);
            out.add(new ClientCodec.OutgoingOffer(id, offer.sdp()));
        }
        String message = ClientCodec.announce(swarm, r.event, uploaded, downloaded, out);
        if (!c.socket.send(message)) {
            log.debug("tracker {}: announce not sent, socket closing", shown);
        }
        scheduleAnnounce(interval);
    }

    /** Cancels our oldest unanswered offers until {@code incoming} more fit under the bound. */
    private void makeRoom(int incoming) {
        Iterator<OutstandingOffer> oldest = offers.values().iterator();
        while (oldest.hasNext() && offers.size() + incoming > config.maxPendingOffers()) {
            OutstandingOffer o = oldest.next();
            oldest.remove();
            o.cancel();
        }
    }

    private String newOfferId() {
        byte[] bytes = new byte[BinaryString.ID_LENGTH];
        String id;
        do {
            random.nextBytes(bytes);
            id = BinaryString.fromBytes(bytes);
        } while (offers.containsKey(id));
        return id;
    }

    private void expire(String id, OutstandingOffer o) {
        if (offers.remove(id, o)) {
            log.debug("tracker {}: offer unanswered, cancelled", shown);
            o.offer.cancel();
        }
    }

    private void scheduleAnnounce(Duration delay) {
        announceTimer.cancel();
        announceTimer = scheduler.schedule(delay, () -> announce(AnnounceEvent.NONE));
    }

    // ---- incoming messages ----------------------------------------------------------------------------

    private void onMessage(Connection c, String text) {
        if (c != connection || phase != Phase.RUNNING) {
            return;
        }
        if (text.length() > config.maxMessageChars()) {
            log.warn("tracker {}: dropped a message of {} chars (limit {})", shown, text.length(),
                    config.maxMessageChars());
            return;
        }
        TrackerReply reply = ClientCodec.parse(text, swarm);
        switch (reply) {
            case TrackerReply.Garbage g -> log.warn("tracker {}: dropped a message: {}", shown, g.why());
            case TrackerReply.Ignored i -> log.debug("tracker {}: ignored a message: {}", shown, i.why());
            case TrackerReply.Failure f -> {
                retries = 0;
                log.warn("tracker {}: failure reason: {}", shown, f.reason());
                report(new TrackerStatus.Refused(tracker, f.reason()));
                notify(() -> listener.onTrackerMessage(tracker, f.reason(), true));
            }
            case TrackerReply.AnnounceReply a -> {
                retries = 0;
                onAnnounceReply(a);
            }
            case TrackerReply.RelayedOffer o -> {
                retries = 0;
                notify(() -> listener.onPeerSignal(tracker));
                onRelayedOffer(o);
            }
            case TrackerReply.RelayedAnswer a -> {
                retries = 0;
                notify(() -> listener.onPeerSignal(tracker));
                onRelayedAnswer(a);
            }
        }
    }

    private void onAnnounceReply(TrackerReply.AnnounceReply a) {
        if (status instanceof TrackerStatus.Refused) {
            report(new TrackerStatus.Connected(tracker)); // admitted again (e.g. a later announce was accepted)
        }
        a.warning().ifPresent(w -> {
            log.warn("tracker {}: warning message: {}", shown, w);
            notify(() -> listener.onTrackerMessage(tracker, w, false));
        });
        a.interval().ifPresent(i -> {
            interval = i.compareTo(config.minInterval()) < 0 ? config.minInterval() : i;
            scheduleAnnounce(interval);
        });
        if (a.complete().isPresent() || a.incomplete().isPresent()) {
            int complete = a.complete().orElse(0);
            int incomplete = a.incomplete().orElse(0);
            swarmSize = (int) Math.min(Integer.MAX_VALUE, (long) Math.max(0, complete) + Math.max(0, incomplete));
            notify(() -> listener.onSwarmCounts(tracker, complete, incomplete));
        }
    }

    private void onRelayedOffer(TrackerReply.RelayedOffer m) {
        String from = m.peerId();
        if (answering.size() >= config.maxPendingAnswers()) {
            log.debug("tracker {}: offer ignored, {} answers pending", shown, answering.size());
            return;
        }
        if (answering.containsKey(from) || !peers.startAnswering(from)) {
            log.debug("tracker {}: offer from {} ignored, already connected or connecting", shown,
                    BinaryString.printable(from));
            return;
        }
        if (!answerBudget.take(scheduler.clock().instant())) {
            peers.doneAnswering(from);
            answersRefused++;
            log.debug("tracker {}: offer from {} ignored, over {} answers a minute", shown,
                    BinaryString.printable(from), config.answersPerMinute());
            return;
        }
        Answering a = new Answering(from);
        a.timeout = scheduler.schedule(config.offerTimeout(), () -> a.done(answering, peers));
        answering.put(from, a);
        CompletableFuture<PeerTransport.Answered> made;
        try {
            made = transport.answer(m.sdp());
        } catch (RuntimeException e) {
            made = CompletableFuture.failedFuture(e);
        }
        made.whenComplete((answered, error) -> scheduler.execute(() -> answered(m, a, answered, error)));
    }

    /** Relayed offers ignored for being over {@code answersPerMinute}; engine thread (tests). */
    int answersRefused() {
        return answersRefused;
    }

    private void answered(TrackerReply.RelayedOffer m, Answering a, PeerTransport.Answered answered,
                          Throwable error) {
        if (error != null) {
            log.debug("tracker {}: cannot answer offer: {}", shown, error.toString());
            a.done(answering, peers);
            return;
        }
        Connection c = connection;
        if (phase != Phase.RUNNING || c == null || !c.open) {
            a.done(answering, peers);
            answered.channel().thenAccept(PeerChannel::close);
            return;
        }
        c.socket.send(ClientCodec.answer(swarm, m.peerId(), m.offerId(), answered.sdp()));
        answered.channel().whenComplete((channel, failed) -> scheduler.execute(() -> {
            if (failed != null) {
                log.debug("tracker {}: answered connection failed: {}", shown, failed.toString());
            } else {
                channelOpened(m.peerId(), channel, false);
            }
            a.done(answering, peers);
        }));
    }

    private void onRelayedAnswer(TrackerReply.RelayedAnswer m) {
        OutstandingOffer o = offers.remove(m.offerId());
        if (o == null) {
            log.debug("tracker {}: answer for an unknown or expired offer", shown);
            return;
        }
        o.expiry.cancel();
        if (peers.isConnected(m.peerId())) {
            o.offer.cancel();
            return;
        }
        CompletableFuture<PeerChannel> accepted;
        try {
            accepted = o.offer.accept(m.sdp());
        } catch (RuntimeException e) {
            accepted = CompletableFuture.failedFuture(e);
        }
        accepted.whenComplete((channel, error) -> scheduler.execute(() -> {
            if (error != null) {
                log.debug("tracker {}: offered connection failed: {}", shown, error.toString());
            } else {
                channelOpened(m.peerId(), channel, true);
            }
        }));
    }

    private void channelOpened(String peerId, PeerChannel channel, boolean weOffered) {
        if (phase != Phase.RUNNING) {
            channel.close();
            return;
        }
        TrackedPeerChannel tracked = new TrackedPeerChannel(channel, peerId, peers);
        if (!peers.claim(peerId, tracked)) {
            log.debug("tracker {}: second channel to {} closed", shown, BinaryString.printable(peerId));
            channel.close();
            return;
        }
        log.debug("tracker {}: connected to peer {} ({})", shown, BinaryString.printable(peerId),
                weOffered ? "our offer" : "their offer");
        notify(() -> listener.onPeer(peerId, tracked, weOffered));
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private void report(TrackerStatus s) {
        status = s;
        notify(() -> listener.onStatus(s));
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("tracker listener failed", e);
        }
    }

    /** One socket attempt; its callbacks are posted to the scheduler and ignored once it is not current. */
    private final class Connection implements TrackerSocketListener {
        TrackerSocket socket;
        boolean open;

        @Override
        public void onOpen() {
            scheduler.execute(() -> TrackerClient.this.onOpen(this));
        }

        @Override
        public void onMessage(String text) {
            scheduler.execute(() -> TrackerClient.this.onMessage(this, text));
        }

        @Override
        public void onClosed(String reason) {
            scheduler.execute(() -> TrackerClient.this.onClosed(this, reason));
        }
    }

    /** Offers being made for one announce. */
    private final class AnnounceRound {
        final Connection connection;
        final AnnounceEvent event;
        final int expected;
        final List<PendingOffer> ready = new ArrayList<>();
        int done;
        boolean finished;
        Cancellable timeout = Cancellable.NONE;

        AnnounceRound(Connection connection, AnnounceEvent event, int expected) {
            this.connection = connection;
            this.event = event;
            this.expected = expected;
        }

        void offerDone(PendingOffer offer, Throwable error) {
            if (error != null || offer == null) {
                log.debug("tracker {}: offer not created: {}", shown, String.valueOf(error));
            } else if (finished) {
                offer.cancel();
            } else {
                ready.add(offer);
            }
            if (++done == expected) {
                finishRound(this);
            }
        }
    }

    /** One of our offers sent to the tracker, waiting for an answer. */
    private static final class OutstandingOffer {
        final PendingOffer offer;
        Cancellable expiry = Cancellable.NONE;

        OutstandingOffer(PendingOffer offer) {
            this.offer = offer;
        }

        void cancel() {
            expiry.cancel();
            offer.cancel();
        }
    }

    /** A relayed offer we are answering; holds the peer's reservation in {@link ConnectedPeers} until done. */
    private static final class Answering {
        final String peerId;
        Cancellable timeout = Cancellable.NONE;
        boolean done;

        Answering(String peerId) {
            this.peerId = peerId;
        }

        /** Ends this answer (connected, failed, timed out or stopped); idempotent. */
        void done(Map<String, Answering> answering, ConnectedPeers peers) {
            if (done) {
                return;
            }
            done = true;
            timeout.cancel();
            answering.remove(peerId, this);
            peers.doneAnswering(peerId);
        }
    }
}
