package io.p2pviewer.app.playback;

import io.p2pviewer.app.settings.Settings;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.engine.peer.P2pStack;
import io.p2pviewer.engine.peer.transport.webrtc.IceServer;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcTransportConfig;
import io.p2pviewer.redaction.Redacted;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P2P setup the window takes from its settings when the command line gave no P2P option: trackers, ICE
 * servers, relay only, upload limit, P2P on or off, cache size. A tracker or ICE server the file holds but that
 * cannot be used (the file was edited by hand) is left out with a WARN naming it, never its credential. Immutable.
 */
public final class SettingsP2pSetup implements P2pSetup {
    private static final Logger log = LoggerFactory.getLogger(SettingsP2pSetup.class);

    private final Settings.P2p p2p;
    private final List<URI> trackers;
    private final WebRtcTransportConfig webRtc;

    public SettingsP2pSetup(Settings.P2p p2p) {
        this.p2p = p2p;
        List<IceServer> servers = iceServers(p2p.iceServers());
        boolean relayWithoutTurn = p2p.relayOnly() && servers.stream().noneMatch(IceServer::isTurn);
        if (relayWithoutTurn && p2p.enabled()) {
            // Relay only is a privacy choice: without a TURN server, no peer at all rather than a direct one.
            log.warn("settings: relay only is on but no usable TURN server is set: P2P is off for this run");
        }
        this.trackers = p2p.enabled() && !relayWithoutTurn ? trackers(p2p.trackers()) : List.of();
        this.webRtc = WebRtcTransportConfig.defaults().withIceServers(servers, p2p.relayOnly() && !relayWithoutTurn);
    }

    /** The trackers in use (empty when P2P is off). */
    public List<URI> trackers() {
        return trackers;
    }

    public WebRtcTransportConfig webRtc() {
        return webRtc;
    }

    @Override
    public P2pStack stack() {
        return trackers.isEmpty() ? null : P2pStack.webRtc(trackers, webRtc);
    }

    @Override
    public EngineConfig engineConfig(P2pStack stack) {
        EngineConfig.Builder config = EngineConfig.builder().cacheMaxBytes((long) p2p.cacheSizeMb() << 20);
        if (stack != null) {
            config.p2p(stack.config(null, true, (long) p2p.uploadLimitKbps() * 1000 / 8));
        }
        return config.build();
    }

    /** The ws:// and wss:// URLs among {@code urls}; the others are logged and left out. */
    static List<URI> trackers(List<String> urls) {
        List<URI> out = new ArrayList<>();
        for (String t : urls) {
            try {
                URI u = new URI(t.trim());
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("ws") || scheme.equals("wss")) && u.getHost() != null) {
                    out.add(u);
                    continue;
                }
            } catch (URISyntaxException e) {
                // said below
            }
            log.warn("settings: tracker {} left out: not a ws:// or wss:// URL", Redacted.url(t));
        }
        return List.copyOf(out);
    }

    private static List<IceServer> iceServers(List<Settings.IceServerEntry> entries) {
        List<IceServer> out = new ArrayList<>();
        for (Settings.IceServerEntry e : entries) {
            try {
                IceServer server = new IceServer(e.urls(), e.username(), e.credential());
                if (server.isTurn() && (e.username() == null || e.credential() == null)) {
                    throw new IllegalArgumentException("a TURN server needs a user name and a credential");
                }
                out.add(server);
            } catch (IllegalArgumentException ex) {
                log.warn("settings: ICE server {} left out: {}", e, Redacted.text(ex.getMessage()));
            }
        }
        return List.copyOf(out);
    }
}
