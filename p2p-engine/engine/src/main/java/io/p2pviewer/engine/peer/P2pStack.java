package io.p2pviewer.engine.peer;

import io.p2pviewer.engine.P2pConfig;
import io.p2pviewer.engine.peer.swarm.SwarmIds;
import io.p2pviewer.engine.peer.swarm.SwarmSignalling;
import io.p2pviewer.engine.peer.tracker.OkHttpTrackerConnector;
import io.p2pviewer.engine.peer.tracker.TrackerClientConfig;
import io.p2pviewer.engine.peer.tracker.TrackerConnector;
import io.p2pviewer.engine.peer.tracker.TrackerStatus;
import io.p2pviewer.engine.peer.tracker.TrackerSwarmSignalling;
import io.p2pviewer.engine.peer.transport.PeerTransport;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcPeerTransport;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcTransportConfig;
import io.p2pviewer.engine.scheduler.SchedulerConfig;
import io.p2pviewer.engine.time.ExecutorTaskScheduler;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The parts of peer-to-peer delivery that live as long as the process: the WebRTC transport (one factory per
 * process), the tracker clients' thread, and the signalling factory the engine's swarms use. Close it after the
 * engine.
 */
public final class P2pStack implements AutoCloseable {
    private final PeerTransport transport;
    private final ExecutorTaskScheduler signallingThread;
    private final TrackerSwarmSignalling signalling;
    private final String peerId;

    private P2pStack(List<URI> trackers, PeerTransport transport, TrackerConnector connector) {
        this.transport = transport;
        this.signallingThread = new ExecutorTaskScheduler("tracker-client", Clock.systemUTC());
        this.signalling = new TrackerSwarmSignalling(trackers, transport, signallingThread, connector,
                TrackerClientConfig.defaults());
        this.peerId = SwarmIds.newPeerId(new SecureRandom());
    }

    /** WebRTC peers found through these WebSocket trackers (no ICE servers: host candidates only). */
    public static P2pStack webRtc(List<URI> trackers) {
        return with(trackers, new WebRtcPeerTransport());
    }

    /** WebRTC peers found through these WebSocket trackers, with these settings (ICE servers, relay only). */
    public static P2pStack webRtc(List<URI> trackers, WebRtcTransportConfig config) {
        return with(trackers, new WebRtcPeerTransport(config));
    }

    /** Peers through any transport (tests, or a transport decorated for a demo). */
    public static P2pStack with(List<URI> trackers, PeerTransport transport) {
        return with(trackers, transport, OkHttpTrackerConnector.derivedFrom(new OkHttpClient()));
    }

    /** Peers through any transport, trackers reached through this connector (e.g. one trusting a named CA). */
    public static P2pStack with(List<URI> trackers, PeerTransport transport, TrackerConnector connector) {
        return new P2pStack(trackers, transport, connector);
    }

    public String peerId() {
        return peerId;
    }

    public SwarmSignalling.Factory signalling() {
        return signalling;
    }

    /** The engine's P2P settings over this stack. */
    public P2pConfig config(String swarmId, boolean upload, long uploadBytesPerSecond) {
        return new P2pConfig(signalling, peerId, swarmId, upload, uploadBytesPerSecond, SchedulerConfig.DEFAULTS);
    }

    public Map<URI, TrackerStatus> trackerStatuses() {
        return signalling.statuses();
    }

    /**
     * What the user should know about reaching peers, one line each, no secrets: TURN/STUN servers' errors (e.g.
     * a refused credential) and "peers found but unreachable: configure a TURN server". Any thread.
     */
    public List<String> notices() {
        List<String> out = new ArrayList<>(transport.problems());
        out.addAll(signalling.notices());
        return out;
    }

    @Override
    public void close() {
        signallingThread.close();
        transport.close();
    }
}
