package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.peer.transport.ForwardingPeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;

/**
 * A channel handed to a {@link TrackerListener}: the transport's channel, plus a note to {@link ConnectedPeers}
 * when it ends (closed here or reported closed to its listener) so that the peer may be connected again.
 */
final class TrackedPeerChannel extends ForwardingPeerChannel {
    private final String peerId;
    private final ConnectedPeers peers;

    TrackedPeerChannel(PeerChannel channel, String peerId, ConnectedPeers peers) {
        super(channel);
        this.peerId = peerId;
        this.peers = peers;
    }

    @Override
    public void setListener(PeerChannelListener listener) {
        channel.setListener(new PeerChannelListener() {
            @Override
            public void onMessage(byte[] message) {
                listener.onMessage(message);
            }

            @Override
            public void onClose(String reason) {
                peers.release(peerId, TrackedPeerChannel.this);
                listener.onClose(reason);
            }
        });
    }

    @Override
    public void close() {
        peers.release(peerId, this);
        channel.close();
    }
}
