package io.p2pviewer.app.cli;

import io.p2pviewer.app.playback.P2pSetup;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.engine.peer.transport.CorruptingPeerTransport;
import io.p2pviewer.engine.peer.P2pStack;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcPeerTransport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
                throw new IllegalArgumentException("--tracker " + t + " is not a URL");
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("ws") || scheme.equals("wss")) || u.getHost() == null) {
                throw new IllegalArgumentException("--tracker " + t + " must be a ws:// or wss:// URL");
            }
            out.add(u);
        }
        return out;
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
        return corruptUploads
                ? P2pStack.with(trackerUris(), new CorruptingPeerTransport(new WebRtcPeerTransport(), true))
                : P2pStack.webRtc(trackerUris());
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
