package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import java.util.stream.LongStream;

/**
 * An honest peer of the adversary runs ({@link AttackRun}) that holds the even segments and serves each request whole
 * at once: the odd ones only an adversary that announces everything offers, so that the engine asks it too.
 */
final class HonestHolder extends WirePeer {
    int served;

    @Override
    void connected() {
        send(new SegmentsAnnouncement(LongStream.rangeClosed(0, 100).map(k -> 2 * k).toArray(), new long[0]));
    }

    @Override
    void requested(SegmentRequest r) {
        served++;
        serve(r, FakeLiveOrigin.bytes(r.segmentId()));
    }
}
