package io.p2pviewer.app.cli;

import io.p2pviewer.app.playback.P2pSetup;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.engine.peer.transport.CorruptingPeerTransport;
import io.p2pviewer.engine.peer.P2pStack;
import io.p2pviewer.engine.peer.transport.webrtc.IceServer;
import io.p2pviewer.engine.peer.tracker.OkHttpTrackerConnector;
import io.p2pviewer.engine.peer.tracker.TrackerConnector;
import io.p2pviewer.engine.peer.tracker.TrackerTrust;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcPeerTransport;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcTransportConfig;
import io.p2pviewer.redaction.Redacted;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Option;

/** The peer-to-peer options shared by the app, {@code play} and {@code peer}; the P2P setup of their sessions. */
public final class P2pOptions implements P2pSetup {
    @Option(names = "--tracker", paramLabel = "WS_URL",
            description = "WebSocket tracker to find peers (ws:// or wss://); repeat for several. None: CDN only.")
    List<String> trackers = new ArrayList<>();

    @Option(names = "--upload-limit", paramLabel = "KBPS", defaultValue = "0",
            description = "Cap uploads to peers at this many kbit/s (0: no cap).")
    long uploadLimitKbps;

    @Option(names = "--no-upload", description = "Never send segments to peers.")
    boolean noUpload;

    @Option(names = "--swarm-id", paramLabel = "ID", description = "Swarm id instead of the playlist URL.")
    String swarmId;

    @Option(names = "--ice-servers", paramLabel = "FILE",
            description = "STUN/TURN servers: a JSON array as in the browser's rtcConfig.iceServers, e.g. "
                    + "[{\"urls\": \"turn:host:3478\", \"username\": \"u\", \"credential\": \"p\"}]."
                    + " None: peers on the same network only.")
    Path iceServersFile;

    @Option(names = "--relay-only", description = "Reach peers only through the TURN server (needs one in "
            + "--ice-servers): peers never see this machine's address.")
    boolean relayOnly;

    @Option(names = "--tracker-ca", paramLabel = "FILE",
            description = "Also trust this CA (PEM) for wss:// trackers, besides the system's CAs.")
    Path trackerCa;

    @Option(names = "--corrupt-uploads", hidden = true, description = "Test only: serve corrupted bytes to peers.")
    boolean corruptUploads;

    /** The trackers as URIs; a clear message for anything that is not ws:// or wss://. */
    public List<URI> trackerUris() {
        List<URI> out = new ArrayList<>();
        for (String t : trackers) {
            URI u;
            try {
                u = new URI(t.trim());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("--tracker " + Redacted.url(t) + " is not a URL");
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("ws") || scheme.equals("wss")) || u.getHost() == null) {
                throw new IllegalArgumentException("--tracker " + Redacted.url(u)
                        + " must be a ws:// or wss:// URL");
            }
            out.add(u);
        }
        if (trackerCa != null) {
            trackerConnector(); // a bad CA file is a bad argument too
        }
        return out;
    }

    /**
     * The WebRTC settings: ICE servers from {@code --ice-servers}, relay only with {@code --relay-only}.
     *
     * @throws IllegalArgumentException one line naming the file and the problem, or why relay-only cannot work
     */
    public WebRtcTransportConfig webRtcConfig() {
        List<IceServer> servers = iceServersFile == null ? List.of() : IceServersFile.read(iceServersFile);
        if (relayOnly && servers.stream().noneMatch(IceServer::isTurn)) {
            throw new IllegalArgumentException("--relay-only needs a TURN server (a turn: or turns: URL) in "
                    + (iceServersFile == null ? "--ice-servers FILE" : "--ice-servers " + iceServersFile));
        }
        return WebRtcTransportConfig.defaults().withIceServers(servers, relayOnly);
    }

    /** Checks every option (trackers, ICE servers file); throws IllegalArgumentException with one line. */
    public void validate() {
        trackerUris();
        webRtcConfig();
    }

    /** How trackers are reached: OkHttp, trusting the {@code --tracker-ca} CA as well as the system's. */
    public TrackerConnector trackerConnector() {
        OkHttpClient base = new OkHttpClient();
        return OkHttpTrackerConnector.derivedFrom(trackerCa == null ? base : TrackerTrust.trustingAlso(base, trackerCa));
    }

    /** Whether any P2P option was given (then the window ignores the settings' P2P part for this run). */
    public boolean given() {
        return !trackers.isEmpty() || uploadLimitKbps != 0 || noUpload || swarmId != null || iceServersFile != null
                || relayOnly || trackerCa != null || corruptUploads;
    }

    public boolean enabled() {
        return !trackers.isEmpty();
    }

    /**
     * A P2P stack for these options, or null when no tracker was given. With {@code --corrupt-uploads} its
     * transport corrupts every segment we upload ({@link CorruptingPeerTransport}).
     */
    public P2pStack stack() {
        if (!enabled()) {
            return null;
        }
        WebRtcTransportConfig webRtc = webRtcConfig();
        return corruptUploads
                ? P2pStack.with(trackerUris(), new CorruptingPeerTransport(new WebRtcPeerTransport(webRtc), true),
                        trackerConnector())
                : P2pStack.with(trackerUris(), new WebRtcPeerTransport(webRtc), trackerConnector());
    }

    /** Engine settings with P2P over the stack (CDN only when it is null). */
    public EngineConfig engineConfig(P2pStack stack) {
        EngineConfig.Builder b = EngineConfig.builder();
        if (stack != null) {
            b.p2p(stack.config(swarmId, !noUpload, uploadLimitKbps * 1000 / 8));
        }
        return b.build();
    }
}
