package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.transport.ForwardingPeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;

/**
 * A channel from outside the process (real WebRTC) handed to a real-time {@link LiveEngineFixture}: its callbacks go
 * through the fixture's inbox to the engine thread, and what the engine sends and when it closes are recorded by a
 * {@link WirePeer} tap (its request, cancel and close times in engine time). Engine thread, except the callbacks.
 */
final class TappedChannel extends ForwardingPeerChannel {
    private final LiveEngineFixture engine;
    /** What the engine said to the remote peer, and when. */
    final WirePeer tap = new WirePeer() {
        @Override
        void connected() {
        }
    };

    TappedChannel(PeerChannel channel, LiveEngineFixture engine, String peerId) {
        super(channel);
        this.engine = engine;
        tap.engine = engine;
        tap.peerId = peerId;
        tap.connectedAt = engine.scheduler.now();
    }

    @Override
    public void send(byte[] message) {
        tap.onMessage(message.clone());
        channel.send(message);
    }

    @Override
    public void setListener(PeerChannelListener listener) {
        channel.setListener(new PeerChannelListener() {
            @Override
            public void onMessage(byte[] message) {
                engine.inbox.add(() -> listener.onMessage(message));
            }

            @Override
            public void onClose(String reason) {
                engine.inbox.add(() -> {
                    tap.onClose(reason);
                    listener.onClose(reason);
                });
            }
        });
    }

    @Override
    public void close() {
        tap.onClose("closed by the engine");
        channel.close();
    }
}
