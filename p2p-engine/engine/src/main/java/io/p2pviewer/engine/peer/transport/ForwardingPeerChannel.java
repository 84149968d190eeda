package io.p2pviewer.engine.peer.transport;

/**
 * A channel that passes every call to another: the base of wrappers that change one thing (what is sent, what the
 * listener hears, what closing does) and override only that. Threading is the wrapped channel's.
 */
public abstract class ForwardingPeerChannel implements PeerChannel {
    /** The wrapped channel. */
    protected final PeerChannel channel;

    protected ForwardingPeerChannel(PeerChannel channel) {
        this.channel = channel;
    }

    @Override
    public void send(byte[] message) {
        channel.send(message);
    }

    @Override
    public long bufferedAmount() {
        return channel.bufferedAmount();
    }

    @Override
    public void setListener(PeerChannelListener listener) {
        channel.setListener(listener);
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String describe() {
        return channel.describe();
    }

    @Override
    public String remoteHost() {
        return channel.remoteHost();
    }

    @Override
    public int payloadScale() {
        return channel.payloadScale();
    }

    @Override
    public PeerRoute route() {
        return channel.route();
    }
}
