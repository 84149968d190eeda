package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A player filling its buffer asks for segments seconds before it needs them; such a patient request waits for
 * peers. A holder that answers SegmentAbsent (busy) does not send it to the CDN while enough patience is left:
 * another holder may deliver it. Virtual time, in-memory channels, scripted peers.
 */
class PatientRequestRetryTest {
    private final LiveEngineFixture engine = new LiveEngineFixture();

    /** Announces every segment; answers absent, or with the whole segment. */
    private static final class Holder extends ScriptedPeer {
        final boolean busy;

        Holder(boolean busy) {
            this.busy = busy;
        }

        @Override
        byte[] hello() {
            return holding(0, 200);
        }

        @Override
        void requested(SegmentRequest r) {
            if (busy) {
                send(new SegmentAbsent(r.segmentId(), r.requestId()));
                return;
            }
            byte[] bytes = FakeLiveOrigin.bytes(r.segmentId());
            send(new SegmentData(r.segmentId(), r.requestId(), bytes.length));
            PeerMessages.payloadChunks(bytes, 0, bytes.length).forEach(channel::send);
            send(new SegmentDataSendingCompleted(r.segmentId(), r.requestId()));
        }
    }

    private StreamController controller;
    private final Holder busy = new Holder(true);
    private final Map<Long, CachedSegment> got = new HashMap<>();

    /**
     * Opens the engine, waits out its join grace (full patience), lets the busy holder join, and has the player
     * fill its buffer: four segments at once, needed 0, 2, 4 and 6 s from now. Returns the last, the most patient.
     */
    private long fillBufferWithABusyHolder() throws Exception {
        controller = engine.open();
        engine.scheduler.advance(Duration.ofSeconds(4));
        busy.join(engine, "busy", "-PV0100-busy0000000A", engine.infoHashes.get(0));
        engine.scheduler.advance(Duration.ofMillis(200));
        long first = engine.origin.edge() - 4;
        for (long seq = first; seq < first + 4; seq++) {
            long s = seq;
            controller.segment(0, s).thenAccept(c -> got.put(s, c));
        }
        return first + 3;
    }

    @Test
    void aBusyHoldersAbsentLeavesAPatientRequestToAnotherHolder() throws Exception {
        long last = fillBufferWithABusyHolder();
        engine.scheduler.advance(Duration.ofMillis(1000));
        assertThat(busy.requested).as("the busy holder was asked for the most patient request").contains(last);
        assertThat(got).as("not served yet: waiting for peers, not fetched from the CDN").doesNotContainKey(last);

        Holder free = new Holder(false);
        free.join(engine, "free", "-PV0100-free0000000B", engine.infoHashes.get(0));
        engine.scheduler.advance(Duration.ofSeconds(8));

        assertThat(got).containsKey(last);
        assertThat(got.get(last).source()).as("delivered by the free holder").isEqualTo(DeliverySource.PEER);
        assertThat(got.get(last).peer()).isEqualTo("-PV0100-free0000000B");
        assertThat(got.get(last).data()).isEqualTo(FakeLiveOrigin.bytes(last));
        assertThat(controller.snapshot().missedDeadlines()).isZero();
    }

    @Test
    void withLittlePatienceLeftAnAbsentSendsTheRequestToTheCdn() throws Exception {
        long last = fillBufferWithABusyHolder();
        engine.scheduler.advance(Duration.ofSeconds(8)); // nobody else: the CDN once the patience runs low

        assertThat(got).hasSize(4);
        assertThat(got.values()).allSatisfy(c -> assertThat(c.source()).isNotEqualTo(DeliverySource.PEER));
        assertThat(got.get(last).source()).isEqualTo(DeliverySource.FALLBACK);
        assertThat(engine.events.ofType(DeliveryEvent.PeersRetried.class))
                .as("asked while patient, then given to the CDN").anySatisfy(e -> assertThat(e.segment()).isEqualTo(new SegmentId("main", last)));
        assertThat(controller.snapshot().missedDeadlines()).isZero();
    }
}
