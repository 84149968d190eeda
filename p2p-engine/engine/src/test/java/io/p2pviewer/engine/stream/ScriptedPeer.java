package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

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

    /**
     * Joins the swarm as {@code peerId} on node {@code node} of the fixture's network; speaks to the engine only
     * (connections to other scripted peers are closed).
     */
    void join(LiveEngineFixture engine, String node, String peerId, String infoHash) {
        engine.signalling.factory(engine.network.transport(node)).create(infoHash, peerId, (peer, ch) -> {
            if (!peer.equals(LiveEngineFixture.ENGINE_ID)) {
                ch.close();
                return;
            }
            channel = ch;
            ch.setListener(this);
            ch.send(hello());
        }).start();
    }

    /** The first message to the engine once connected (an announcement, as a rule). */
    abstract byte[] hello();

    /** An announcement of holding segments {@code from..to}: the hello of a peer that has everything. */
    static byte[] holding(long from, long to) {
        return PeerMessages.encode(new SegmentsAnnouncement(LongStream.rangeClosed(from, to).toArray(), new long[0]))
                .get(0);
    }

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
