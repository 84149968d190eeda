package io.p2pviewer.app.playback;

import io.p2pviewer.app.demo.DemoStream;
import io.p2pviewer.app.demo.DemoSwarm;
import io.p2pviewer.demo.DemoMode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link ViewerSession}s of the window, {@code play} and {@code peer} from their parsed options: the
 * demo origin when the URL is {@code demo}, {@code demo:live} or {@code demo:vod}, the demo's swarm of headless
 * peers (the window only), then the P2P stack and the engine. Immutable; any thread.
 */
public final class SessionFactory {
    private final P2pSetup p2p;
    private final int demoPeers;

    /**
     * @param p2p the P2P stack and engine settings; a session with a demo swarm joins the swarm's tracker with
     *     {@link P2pSetup#defaults(List) the default settings} instead
     * @param demoPeers headless peers a demo session starts in this process (0: none, the demo is CDN only
     *     unless {@code p2p} brings trackers)
     */
    public SessionFactory(P2pSetup p2p, int demoPeers) {
        this.p2p = p2p;
        this.demoPeers = demoPeers;
    }

    /**
     * Starts what the URL argument needs before the engine: the demo origin and the demo swarm when it names the
     * demo, nothing otherwise. The engine starts with {@link ViewerSession#startEngine()}. Blocks while the demo
     * origin starts.
     *
     * @param url the URL argument as typed (may be null or not a URL: then {@link ViewerSession#source()} is empty)
     */
    public ViewerSession start(String url) throws IOException {
        Optional<DemoMode> demoMode = DemoStream.modeOf(url);
        if (demoMode.isEmpty()) {
            return new ViewerSession(null, null, p2p, urlOf(url));
        }
        DemoStream demo = DemoStream.start(demoMode.get());
        try {
            DemoSwarm swarm = demoPeers > 0 ? new DemoSwarm(demo.masterUri(), demoPeers) : null;
            P2pSetup setup = swarm != null ? P2pSetup.defaults(List.of(swarm.trackerUri())) : p2p;
            return new ViewerSession(demo, swarm, setup, Optional.of(demo.masterUri()));
        } catch (IOException | RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    /** The URL argument as a URI when it is one with a scheme. */
    static Optional<URI> urlOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.trim());
            return uri.getScheme() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
