package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer played by a test against a {@link LiveEngineFixture}'s engine: it joins the engine's swarm, says hello
 * with a message of the test's choosing, and answers each segment request as the test scripts it.
 */
abstract class ScriptedPeer implements PeerChannelListener {
    private final PeerMessageDecoder decoder = new PeerMessageDecoder();
    /** The segment ids the engine asked for, in order. */
    final List<Long> requested = new ArrayList<>();
    PeerChannel channel;
    String closeReason;

    /** Joins the swarm as {@code peerId} on node {@code node} of the fixture's network. */
    void join(LiveEngineFixture engine, String node, String peerId, String infoHash) {
        engine.signalling.factory(engine.network.transport(node)).create(infoHash, peerId, (peer, ch) -> {
            channel = ch;
            ch.setListener(this);
            ch.send(hello());
        }).start();
    }

    /** The first message to the engine once connected (an announcement, as a rule). */
    abstract byte[] hello();

    /** Answers one request of the engine. */
    abstract void requested(SegmentRequest request);

    void send(PeerCommand command) {
        PeerMessages.encode(command).forEach(channel::send);
    }

    @Override
    public void onMessage(byte[] message) {
        Decoded decoded;
        try {
            decoded = decoder.feed(message);
        } catch (Exception e) {
            throw new AssertionError("the engine sent something undecodable", e);
        }
        if (decoded instanceof Decoded.Command c && c.command() instanceof SegmentRequest r) {
            requested.add(r.segmentId());
            requested(r);
        }
    }

    @Override
    public void onClose(String reason) {
        closeReason = reason;
    }
}
