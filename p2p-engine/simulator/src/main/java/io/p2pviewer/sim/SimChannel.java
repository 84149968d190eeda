package io.p2pviewer.sim;

import io.p2pviewer.engine.peer.transport.ChannelInbox;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import java.util.Arrays;

/**
 * One end of a simulated peer connection: what it sends crosses the {@link LinkNetwork} to the other end, segment
 * payload in 64 KiB-of-wire pieces (see {@link LinkNetwork}), commands whole. A close reaches the other end one
 * latency later, with what was already on its way, as on a real network. Ordered and reliable, as a WebRTC data
 * channel. Its partition's thread only (the other end lives in its own).
 */
final class SimChannel implements PeerChannel {
    private final LinkNetwork links;
    private final LinkNetwork.Flow out;
    private final SimNode self;
    private final SimNode peer;
    private final ChannelInbox inbox = new ChannelInbox();
    private SimChannel remote;
    private boolean closed;

    private SimChannel(LinkNetwork links, SimNode self, SimNode peer) {
        this.links = links;
        this.self = self;
        this.peer = peer;
        this.out = links.channelFlow(self, peer);
    }

    /** The two ends of a new connection between {@code a} and {@code b}: a's first. Any thread. */
    static SimChannel[] pair(LinkNetwork links, SimNode a, SimNode b) {
        SimChannel ab = new SimChannel(links, a, b);
        SimChannel ba = new SimChannel(links, b, a);
        ab.remote = ba;
        ba.remote = ab;
        return new SimChannel[] {ab, ba};
    }

    @Override
    public void send(byte[] message) {
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("message of " + message.length + " bytes exceeds " + MAX_MESSAGE_BYTES);
        }
        if (closed) {
            return;
        }
        SimChannel to = remote;
        int piece = links.pieceBytes();
        boolean payload = LinkNetwork.isPayload(message);
        if (!payload) {
            out.sendCommand(message.length, () -> to.inbox.deliver(message));
            return;
        }
        if (message.length <= piece) {
            out.send((long) message.length * links.payloadScale(), () -> to.inbox.deliver(message));
            return;
        }
        for (int from = 0; from < message.length; from += piece) {
            byte[] part = Arrays.copyOfRange(message, from, Math.min(message.length, from + piece));
            out.send((long) part.length * links.payloadScale(), () -> to.inbox.deliver(part));
        }
    }

    /** In wire bytes, so the engine's flow control (at most 1 MiB buffered) works as over WebRTC. */
    @Override
    public long bufferedAmount() {
        return out.buffered();
    }

    @Override
    public void setListener(PeerChannelListener l) {
        inbox.setListener(l);
    }

    @Override
    public void close() {
        closeWith("closed locally");
    }

    private void closeWith(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        out.closeSending();
        inbox.close();
        PeerChannelListener l = inbox.listener();
        if (l != null) {
            links.post(self, self, 0, () -> l.onClose(reason));
        }
        SimChannel other = remote;
        links.post(self, peer, out.latencyNanos(), () -> other.closeWith("closed by remote"));
    }

    @Override
    public String describe() {
        return "sim:" + self.name() + "->" + peer.name();
    }

    @Override
    public int payloadScale() {
        return links.payloadScale();
    }
}
