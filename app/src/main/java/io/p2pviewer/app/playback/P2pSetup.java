package io.p2pviewer.app.playback;

import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.engine.peer.P2pStack;
import io.p2pviewer.engine.peer.tracker.TrackerConnector;
import io.p2pviewer.engine.peer.transport.PeerTransport;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcPeerTransport;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcTransportConfig;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a {@link ViewerSession} gets its peers: the P2P stack (or none) and the engine settings over it. The
 * command line's {@code P2pOptions} is one; the window and the demo swarm use {@link #defaults(List)}.
 */
public interface P2pSetup {
    /** A new P2P stack, or null for CDN only. The caller closes it, after the engine. */
    P2pStack stack();

    /** Engine settings with P2P over the stack (CDN only when it is null). */
    EngineConfig engineConfig(P2pStack stack);

    /**
     * WebRTC peers through these trackers (CDN only when there are none), with the default settings: the swarm
     * id from the playlist URL, uploads on and uncapped.
     */
    static P2pSetup defaults(List<URI> trackers) {
        return defaults(trackers, WebRtcTransportConfig.defaults());
    }

    /** As {@link #defaults(List)}, with these WebRTC settings (ICE servers, relay only). */
    static P2pSetup defaults(List<URI> trackers, WebRtcTransportConfig webRtc) {
        List<URI> copy = List.copyOf(trackers);
        return withDefaultSettings(copy, () -> P2pStack.webRtc(copy, webRtc));
    }

    /** As {@link #defaults(List, WebRtcTransportConfig)}, trackers reached through {@code connector} (null: default). */
    static P2pSetup defaults(List<URI> trackers, WebRtcTransportConfig webRtc, TrackerConnector connector) {
        if (connector == null) {
            return defaults(trackers, webRtc);
        }
        List<URI> copy = List.copyOf(trackers);
        return withDefaultSettings(copy, () -> P2pStack.with(copy, new WebRtcPeerTransport(webRtc), connector));
    }

    /**
     * Peers through these trackers over the given transport (the demo's viewers wrap theirs so that one can turn
     * malicious), with the default settings. The transport serves one stack: call {@link #stack()} once.
     */
    static P2pSetup over(List<URI> trackers, PeerTransport transport) {
        List<URI> copy = List.copyOf(trackers);
        return withDefaultSettings(copy, () -> P2pStack.with(copy, transport));
    }

    private static P2pSetup withDefaultSettings(List<URI> trackers, Supplier<P2pStack> stacks) {
        return new P2pSetup() {
            @Override
            public P2pStack stack() {
                return trackers.isEmpty() ? null : stacks.get();
            }

            @Override
            public EngineConfig engineConfig(P2pStack stack) {
                EngineConfig.Builder config = EngineConfig.builder();
                if (stack != null) {
                    config.p2p(stack.config(null, true, 0));
                }
                return config.build();
            }
        };
    }
}
