package io.p2pviewer.engine.peer.transport.webrtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionIceErrorEvent;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerRoute;
import io.p2pviewer.engine.peer.transport.PeerTransport.Answered;
import io.p2pviewer.engine.peer.transport.PeerTransport.PendingOffer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebRTC peer connection and its single data channel, from negotiation to teardown.
 *
 * <p>Threading: every native call and every state change happens on the transport's control thread; the
 * webrtc-java observers ({@link Events}) run on WebRTC's threads and only complete futures whose dependent stages
 * are asynchronous on the control thread, post to it, or copy a received message. Futures handed to callers are
 * completed on delivery threads.
 *
 * <p>Negotiation is non-trickle: a description is handed out only after ICE gathering completed, so it holds
 * every candidate. Teardown follows the order webrtc-java needs: data channel unregisterObserver, close, dispose;
 * then the peer connection's close.
 *
 * <p>Over 500 lines: negotiation, the channel's flow control and teardown are one lifecycle over one native handle
 * on one control thread, and the order of their steps is what keeps the JVM alive (WEBRTC-NOTES: disposing in the
 * wrong order crashes it). Split apart, each part would need the handle and those ordering rules; read top to
 * bottom, the class is that lifecycle. Sending is already apart ({@code WebRtcPeerChannel}, its sender).
 */
final class WebRtcConnection implements NativeChannel {
    private static final Logger log = LoggerFactory.getLogger(WebRtcConnection.class);
    /** The label of the one data channel the offerer creates (the answerer accepts any label). */
    static final String CHANNEL_LABEL = "p2p";
    /** How often an open connection re-reads its selected candidate pair (it may change after a network change). */
    static final Duration ROUTE_REFRESH = Duration.ofSeconds(5);
    /**
     * How long an opened channel waits for its first stats report before it is handed over anyway: with the report,
     * {@link #remoteHost()} is the selected pair's address (the swarm's per-address key) when the swarm takes it.
     */
    static final Duration FIRST_ROUTE_WAIT = Duration.ofMillis(250);

    private final int id;
    private final TransportThreads threads;
    private final WebRtcTransportConfig config;
    private final SharedPeerConnectionFactory.Use factory;
    private final Consumer<WebRtcConnection> onTeardown;
    private final IceServerProblems iceProblems;
    private final Events events = new Events();
    /** What the data channel holds (webrtc-java never lets go of it); detached at teardown. */
    private final DetachableChannelObserver channelEvents = new DetachableChannelObserver(events);
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private final CompletableFuture<PeerChannel> opened = new CompletableFuture<>();
    private final AtomicBoolean acceptCalled = new AtomicBoolean();
    private volatile String remote = "connecting";
    /**
     * The remote's address unmasked, for per-address limits only (never logged); "" while unknown or not limited:
     * first from its SDP, then the selected candidate pair's ({@link SelectedRoute#remoteAddress}).
     */
    private volatile String remoteHost = "";
    private volatile WebRtcPeerChannel channel;
    private volatile PeerRoute route = PeerRoute.UNKNOWN;

    // control thread only
    private RTCPeerConnection pc;
    private RTCDataChannel dc;
    private CompletableFuture<?> starting;
    private boolean closed;
    private String closeReason;
    private boolean openSettled; // the opened future is (being) completed, with the channel or an error
    private RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;
    private Future<?> gatheringTimer;
    private Future<?> openTimer;
    private Future<?> disconnectTimer;
    private Future<?> routeTimer;

    WebRtcConnection(int id, TransportThreads threads, WebRtcTransportConfig config,
            SharedPeerConnectionFactory.Use factory,
            Consumer<WebRtcConnection> onTeardown, IceServerProblems iceProblems) {
        this.id = id;
        this.iceProblems = iceProblems;
        this.threads = threads;
        this.config = config;
        this.factory = factory;
        this.onTeardown = onTeardown;
    }

    /** Creates the connection and its data channel and makes a complete offer; the task is queued at once. */
    CompletableFuture<PendingOffer> startOffer() {
        CompletableFuture<PendingOffer> result = new CompletableFuture<>();
        threads.onControl(() -> {
            starting = result;
            try {
                createPeerConnection();
                RTCDataChannelInit init = new RTCDataChannelInit();
                init.ordered = true;
                useDataChannel(pc.createDataChannel(CHANNEL_LABEL, init));
                createDescription(true)
                        .thenComposeAsync(this::setLocal, threads.control())
                        .thenComposeAsync(v -> gathered, threads.control())
                        .thenAcceptAsync(v -> {
                            String sdp = localSdp();
                            starting = null;
                            threads.complete(result, new Offer(sdp));
                        }, threads.control())
                        .whenCompleteAsync((v, e) -> failOnError(e, "offer failed"), threads.control());
            } catch (RuntimeException e) {
                failOnError(e, "offer failed");
            }
        });
        return result;
    }

    /** Creates the connection from a remote offer and makes a complete answer; the task is queued at once. */
    CompletableFuture<Answered> startAnswer(String offerSdp) {
        CompletableFuture<Answered> result = new CompletableFuture<>();
        threads.onControl(() -> {
            starting = result;
            try {
                createPeerConnection();
                remote = RemoteAddress.fromSdp(offerSdp, config.revealRemoteAddresses());
                remoteHost = RemoteAddress.hostOf(offerSdp);
                setRemote(new RTCSessionDescription(RTCSdpType.OFFER, offerSdp), "remote offer rejected")
                        .thenComposeAsync(v -> createDescription(false), threads.control())
                        .thenComposeAsync(this::setLocal, threads.control())
                        .thenComposeAsync(v -> gathered, threads.control())
                        .thenAcceptAsync(v -> {
                            String sdp = localSdp();
                            starting = null;
                            scheduleOpenTimeout();
                            threads.complete(result, new Answered(sdp, channelFuture()));
                        }, threads.control())
                        .whenCompleteAsync((v, e) -> failOnError(e, "answer failed"), threads.control());
            } catch (RuntimeException e) {
                failOnError(e, "answer failed");
            }
        });
        return result;
    }

    /** Closes the connection from any thread (teardown runs on the control thread); idempotent. */
    @Override
    public void close(String reason) {
        threads.onControl(() -> teardown(reason, null));
    }

    /**
     * The remote's public address, unmasked, "" while unknown: the selected candidate pair's once a stats report named
     * it (where its packets come from), before that its SDP's first candidate (its own word); see
     * {@link PeerChannel#remoteHost()}.
     */
    @Override
    public String remoteHost() {
        return remoteHost;
    }

    /** A label for logs: connection number and remote address (masked unless configured otherwise). */
    @Override
    public String describe() {
        return "webrtc#" + id + " " + remote;
    }

    /** The selected candidate pair's types, read when the channel opened and every {@link #ROUTE_REFRESH}. */
    @Override
    public PeerRoute route() {
        return route;
    }

    /** The data channel's buffered amount; control thread. */
    @Override
    public long bufferedAmount() {
        return closed || dc == null ? 0 : dc.getBufferedAmount();
    }

    /**
     * Hands one exact-size message to the data channel; control thread.
     *
     * @return false if the connection is closed (now or already)
     */
    @Override
    public boolean send(byte[] message) {
        if (closed || dc == null) {
            return false;
        }
        try {
            dc.send(new RTCDataChannelBuffer(ByteBuffer.wrap(message), true));
            return true;
        } catch (Exception e) {
            teardown("send failed: " + e.getMessage(), e);
            return false;
        }
    }

    /**
     * Closes everything native in the safe order and fails what is still pending; control thread, idempotent.
     * The channel's listener gets {@code onClose(reason)} unless a local close came first.
     */
    void teardown(String reason, Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        closeReason = reason;
        cancel(gatheringTimer);
        cancel(openTimer);
        cancel(disconnectTimer);
        cancel(routeTimer);
        WebRtcPeerChannel ch = channel;
        if (ch != null) {
            ch.markClosed(reason, false);
        }
        WebRtcTransportException error = new WebRtcTransportException(reason, cause);
        if (starting != null) {
            threads.fail(starting, error);
            starting = null;
        }
        if (!openSettled) {
            openSettled = true;
            threads.fail(opened, error);
        }
        gathered.completeExceptionally(error);
        if (dc != null) {
            disposeChannel(dc);
            dc = null;
        }
        channelEvents.detach();
        if (pc != null) {
            long handle = NativePeerConnectionRelease.handleOf(pc);
            try {
                pc.close();
                NativePeerConnectionRelease.release(handle); // before the factory may be disposed
            } catch (RuntimeException e) {
                log.debug("{}: peer connection close failed: {}", describe(), e.toString());
            }
            pc = null;
        }
        factory.close();
        onTeardown.accept(this);
        log.debug("{} closed: {}", describe(), reason);
    }

    private void createPeerConnection() {
        RTCConfiguration rtc = new RTCConfiguration();
        for (IceServer server : config.iceServers()) {
            RTCIceServer s = new RTCIceServer();
            s.urls.addAll(server.urls());
            s.username = server.username();
            s.password = server.password();
            rtc.iceServers.add(s);
        }
        rtc.iceTransportPolicy = config.relayOnly() ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
        pc = factory.factory().createPeerConnection(rtc, events);
        if (pc == null) {
            throw new WebRtcTransportException("webrtc-java refused to create a peer connection");
        }
        Duration timeout = config.gatheringTimeout();
        gatheringTimer = threads.schedule(timeout, () -> gathered.completeExceptionally(
                new WebRtcTransportException("ICE gathering did not complete within " + text(timeout))));
    }

    private CompletableFuture<RTCSessionDescription> createDescription(boolean offer) {
        requireLive();
        String what = offer ? "createOffer" : "createAnswer";
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        CreateSessionDescriptionObserver observer = new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                f.complete(description);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new WebRtcTransportException(what + " failed: " + error));
            }
        };
        if (offer) {
            pc.createOffer(new RTCOfferOptions(), observer);
        } else {
            pc.createAnswer(new RTCAnswerOptions(), observer);
        }
        return f;
    }

    private CompletableFuture<Void> setLocal(RTCSessionDescription description) {
        requireLive();
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setLocalDescription(description, completing(f, "setLocalDescription failed"));
        return f;
    }

    private CompletableFuture<Void> setRemote(RTCSessionDescription description, String failure) {
        requireLive();
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setRemoteDescription(description, completing(f, failure));
        return f;
    }

    private static SetSessionDescriptionObserver completing(CompletableFuture<Void> f, String failure) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new WebRtcTransportException(failure + ": " + error));
            }
        };
    }

    private String localSdp() {
        requireLive();
        RTCSessionDescription local = pc.getLocalDescription();
        if (local == null) {
            throw new WebRtcTransportException("no local description after ICE gathering");
        }
        return local.sdp;
    }

    private void requireLive() {
        if (closed) {
            throw new WebRtcTransportException(closeReason);
        }
    }

    private void failOnError(Throwable error, String what) {
        if (error == null || closed) {
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause instanceof WebRtcTransportException ? cause.getMessage() : what + ": " + cause;
        teardown(message, cause);
    }

    private void scheduleOpenTimeout() {
        Duration timeout = config.openTimeout();
        openTimer = threads.schedule(timeout, () -> {
            if (!openSettled) {
                teardown("data channel did not open within " + text(timeout), null);
            }
        });
    }

    /** The channel future for a caller: a copy, so cancelling it closes the connection and touches nothing else. */
    private CompletableFuture<PeerChannel> channelFuture() {
        CompletableFuture<PeerChannel> copy = opened.copy();
        copy.whenComplete((c, e) -> {
            if (e instanceof CancellationException) {
                close("channel future cancelled");
            }
        });
        return copy;
    }

    private void useDataChannel(RTCDataChannel c) {
        dc = c;
        channel = new WebRtcPeerChannel(this, threads.controlScheduler(), threads.newSerialExecutor(),
                config.sendBufferThreshold(), config.sendPollInterval());
        c.registerObserver(channelEvents);
        channelStateChanged();
    }

    private void remoteDataChannel(RTCDataChannel c) {
        if (closed || dc != null) {
            log.debug("{}: extra data channel from the remote closed", describe());
            try {
                c.close();
                c.dispose();
            } catch (RuntimeException e) {
                log.debug("{}: extra data channel dispose failed: {}", describe(), e.toString());
            }
            return;
        }
        useDataChannel(c);
    }

    private void channelStateChanged() {
        if (closed || dc == null) {
            return;
        }
        RTCDataChannelState state = dc.getState();
        log.debug("{}: data channel {}", describe(), state);
        switch (state) {
            case OPEN -> {
                if (!openSettled) {
                    openSettled = true;
                    cancel(openTimer);
                    log.debug("{}: data channel open", describe());
                    readRoute(); // its first report hands the channel over, with the selected pair's address
                    threads.schedule(FIRST_ROUTE_WAIT, () -> threads.complete(opened, channel));
                }
            }
            case CLOSING, CLOSED -> teardown(openSettled ? "closed by remote" : "data channel closed before opening",
                    null);
            default -> {
            }
        }
    }

    private void connectionStateChanged(RTCPeerConnectionState state) {
        if (closed) {
            return;
        }
        connectionState = state;
        log.debug("{}: connection {}", describe(), state);
        switch (state) {
            case CONNECTED -> {
                cancel(disconnectTimer);
                disconnectTimer = null;
            }
            case DISCONNECTED -> {
                if (disconnectTimer == null) {
                    Duration grace = config.disconnectedGrace();
                    disconnectTimer = threads.schedule(grace, () -> {
                        disconnectTimer = null;
                        if (connectionState == RTCPeerConnectionState.DISCONNECTED) {
                            teardown("connection lost (disconnected for " + text(grace) + ")", null);
                        }
                    });
                }
            }
            case FAILED -> teardown("connection failed", null);
            case CLOSED -> teardown("connection closed", null);
            default -> {
            }
        }
    }

    /** Asks for the stats report and keeps the selected pair's types; control thread, repeats while open. */
    private void readRoute() {
        if (closed || pc == null) {
            return;
        }
        try {
            pc.getStats(this::routeReport);
        } catch (RuntimeException e) {
            log.debug("{}: getStats failed: {}", describe(), e.toString());
        }
        routeTimer = threads.schedule(ROUTE_REFRESH, this::readRoute);
    }

    /**
     * The stats callback (a WebRTC thread): copies the report's entries and derives the route. Never throws: an
     * exception escaping a native callback aborts the JVM.
     */
    private void routeReport(RTCStatsReport report) {
        try {
            readRoute(report);
        } catch (RuntimeException e) {
            log.debug("{}: unreadable stats report: {}", describe(), e.toString());
        }
    }

    private void readRoute(RTCStatsReport report) {
        Map<String, SelectedRoute.Entry> byId = new HashMap<>();
        for (Map.Entry<String, RTCStats> e : report.getStats().entrySet()) {
            RTCStats s = e.getValue();
            String type = s.getType() == null ? "" : s.getType().name().toLowerCase(Locale.ROOT).replace('_', '-');
            byId.put(e.getKey(), new SelectedRoute.Entry(type, s.getAttributes()));
        }
        PeerRoute next = SelectedRoute.from(byId);
        PeerRoute previous = route;
        if (!next.equals(PeerRoute.UNKNOWN) && !next.equals(previous)) {
            route = next;
            log.debug("{}: route {}", describe(), next);
        }
        String seen = SelectedRoute.remoteAddress(byId);
        if (!seen.isEmpty()) {
            remoteHost = RemoteAddress.isPublicLiteral(seen) ? seen : "";
        }
        threads.complete(opened, channel);
    }

    private void disposeChannel(RTCDataChannel c) {
        try {
            c.unregisterObserver();
            c.close();
            c.dispose();
        } catch (RuntimeException e) {
            log.debug("{}: data channel dispose failed: {}", describe(), e.toString());
        }
    }

    /** "10 s", "250 ms", "1 ns": durations in messages. */
    static String text(Duration d) {
        if (d.toMillis() >= 1000 && d.toMillisPart() == 0) {
            return d.toSeconds() + " s";
        }
        return d.toMillis() >= 1 ? d.toMillis() + " ms" : d.toNanos() + " ns";
    }

    private static void cancel(Future<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** The offer handed to the caller: its SDP, accept and cancel. */
    private final class Offer implements PendingOffer {
        private final String sdp;

        Offer(String sdp) {
            this.sdp = sdp;
        }

        @Override
        public String sdp() {
            return sdp;
        }

        @Override
        public CompletableFuture<PeerChannel> accept(String answerSdp) {
            if (answerSdp == null || !answerSdp.startsWith("v=")) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("not an SDP answer"));
            }
            if (!acceptCalled.compareAndSet(false, true)) {
                return CompletableFuture.failedFuture(new IllegalStateException("offer already accepted"));
            }
            CompletableFuture<PeerChannel> result = channelFuture();
            threads.onControl(() -> {
                if (closed) {
                    return;
                }
                remote = RemoteAddress.fromSdp(answerSdp, config.revealRemoteAddresses());
                remoteHost = RemoteAddress.hostOf(answerSdp);
                scheduleOpenTimeout();
                setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, answerSdp), "remote answer rejected")
                        .whenCompleteAsync((v, e) -> failOnError(e, "answer rejected"), threads.control());
            });
            return result;
        }

        /** Closes the connection unless its channel already opened (then the channel is the caller's). */
        @Override
        public void cancel() {
            threads.onControl(() -> {
                if (!openSettled) {
                    teardown("offer cancelled", null);
                }
            });
        }
    }

    /** The webrtc-java observers; they run on WebRTC threads, so they only copy, complete and post. */
    private final class Events implements PeerConnectionObserver, RTCDataChannelObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            // non-trickle: candidates travel inside the complete description
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
                threads.onControl(() -> cancel(gatheringTimer));
            }
        }

        @Override
        public void onIceCandidateError(RTCPeerConnectionIceErrorEvent event) {
            iceProblems.report(event.getUrl(), event.getErrorCode(), event.getErrorText());
        }

        @Override
        public void onIceConnectionChange(RTCIceConnectionState state) {
            log.debug("{}: ICE {}", describe(), state);
        }

        @Override
        public void onSignalingChange(RTCSignalingState state) {
            log.debug("{}: signaling {}", describe(), state);
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            threads.onControl(() -> connectionStateChanged(state));
        }

        @Override
        public void onDataChannel(RTCDataChannel c) {
            threads.onControl(() -> remoteDataChannel(c));
        }

        @Override
        public void onBufferedAmountChange(long previousAmount) {
            // never called by webrtc-java 0.14.0; the channel polls
        }

        @Override
        public void onStateChange() {
            threads.onControl(WebRtcConnection.this::channelStateChanged);
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            WebRtcPeerChannel ch = channel;
            if (ch == null) {
                return;
            }
            ByteBuffer data = buffer.data;
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            ch.received(copy);
        }
    }
}
