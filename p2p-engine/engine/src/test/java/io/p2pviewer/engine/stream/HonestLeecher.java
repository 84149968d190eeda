package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * An honest peer of the adversary runs ({@link AttackRun}) that holds nothing and asks the engine for the newest
 * segment it announced and we lack, one at a time; checks that each arrives whole.
 */
final class HonestLeecher extends WirePeer {
    final Set<Long> got = new HashSet<>();
    int completed;
    long asking = -1;
    long expected;
    long received;
    int nextRequest;

    @Override
    void connected() {
        send(new SegmentsAnnouncement(new long[0], new long[0]));
    }

    @Override
    void command(PeerCommand c) {
        super.command(c);
        switch (c) {
            case SegmentData d -> {
                expected = d.totalBytes();
                received = 0;
            }
            case SegmentDataSendingCompleted done -> {
                if (received == expected && expected == FakeLiveOrigin.SEGMENT_BYTES) {
                    got.add(done.segmentId());
                    completed++;
                }
                asking = -1;
            }
            case SegmentAbsent a -> {
                asking = -1;
                engine.scheduler.schedule(Duration.ofMillis(300), this::askNext);
                return;
            }
            default -> { }
        }
        askNext();
    }

    @Override
    void payload(byte[] bytes) {
        received += bytes.length;
    }

    private void askNext() {
        if (asking >= 0 || !open()) {
            return;
        }
        for (int k = engineHolds.length - 1; k >= 0; k--) {
            if (!got.contains(engineHolds[k])) {
                asking = engineHolds[k];
                send(new SegmentRequest(asking, nextRequest++, null));
                return;
            }
        }
    }
}
