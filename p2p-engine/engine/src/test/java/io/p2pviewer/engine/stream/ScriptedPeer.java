package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A peer played by a test against a {@link LiveEngineFixture}'s engine: it joins the engine's swarm, says hello
 * with a message of the test's choosing, and answers each segment request as the test scripts it.
 */
abstract class ScriptedPeer extends WirePeer {
    /** The segment ids the engine asked for, in order. */
    final List<Long> requested = new ArrayList<>();

    @Override
    void connected() {
        sendRaw(hello());
    }

    /** The first message to the engine once connected (an announcement, as a rule). */
    abstract byte[] hello();

    /** An announcement of holding segments {@code from..to}: the hello of a peer that has everything. */
    static byte[] holding(long from, long to) {
        return PeerMessages.encode(new SegmentsAnnouncement(LongStream.rangeClosed(from, to).toArray(), new long[0]))
                .get(0);
    }

    @Override
    void command(PeerCommand c) {
        if (c instanceof SegmentRequest r) {
            requested.add(r.segmentId());
            requested(r);
        }
    }

    /** Answers one request of the engine. */
    @Override
    abstract void requested(SegmentRequest request);
}
