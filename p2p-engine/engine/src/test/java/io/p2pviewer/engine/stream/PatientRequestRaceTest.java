package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A patient player request whose peer transfer is still in flight when the patience ends: the CDN fetches it while
 * the transfer goes on (cancelling would not stop what the peer already handed its channel, whose tail would share
 * the downlink with the fallback), and whichever ends first is served; a CDN win gives the transfer up. Virtual time, in-memory channels, a scripted
 * peer on a thin uplink.
 */
class PatientRequestRaceTest {
    private final LiveEngineFixture engine = new LiveEngineFixture();
    private final Map<Long, CachedSegment> got = new HashMap<>();
    private final Map<Long, Instant> servedAt = new HashMap<>();

    /** Holds one segment; sends 7/8 of it at once, then 2,000 bytes every 1.5 s (a thin uplink that slowed down). */
    private static final class SlowingHolder extends ScriptedPeer {
        final long holds;

        SlowingHolder(long holds) {
            this.holds = holds;
        }

        @Override
        byte[] hello() {
            return holding(holds, holds);
        }

        @Override
        void requested(SegmentRequest r) {
            byte[] bytes = FakeLiveOrigin.bytes(r.segmentId());
            send(new SegmentData(r.segmentId(), r.requestId(), bytes.length));
            int first = bytes.length * 7 / 8;
            sendRaw(Arrays.copyOfRange(bytes, 0, first));
            rest(r, bytes, first);
        }

        private void rest(SegmentRequest r, byte[] bytes, int from) {
            engine.scheduler.schedule(Duration.ofMillis(1500), () -> {
                if (!open()) {
                    return;
                }
                int to = Math.min(bytes.length, from + 2_000);
                sendRaw(Arrays.copyOfRange(bytes, from, to));
                if (to < bytes.length) {
                    rest(r, bytes, to);
                } else {
                    send(new SegmentDataSendingCompleted(r.segmentId(), r.requestId()));
                }
            });
        }
    }

    @Test
    void aTransferStillInFlightWhenThePatienceEndsRacesTheCdnInsteadOfBeingCancelled() throws Exception {
        StreamController controller = engine.open();
        engine.scheduler.advance(Duration.ofSeconds(4)); // past the join grace: full patience
        long first = engine.origin.edge() - 4;
        long last = first + 3; // needed 6 s from now: waits for peers 3.5 s
        SlowingHolder holder = new SlowingHolder(last);
        holder.join(engine, "slow", "-PV0100-slow0000000A", engine.infoHashes.get(0));
        engine.scheduler.advance(Duration.ofMillis(200));
        Instant asked = engine.scheduler.now();
        for (long seq = first; seq <= last; seq++) {
            long s = seq;
            controller.segment(0, s).thenAccept(c -> {
                got.put(s, c);
                servedAt.put(s, engine.scheduler.now());
            });
        }
        engine.scheduler.advance(Duration.ofSeconds(10));

        assertThat(holder.requested).as("the holder was asked").containsExactly(last);
        assertThat(got.get(last).source()).as("the CDN won the race").isEqualTo(DeliverySource.FALLBACK);
        assertThat(got.get(last).data()).isEqualTo(FakeLiveOrigin.bytes(last));
        assertThat(Duration.between(asked, servedAt.get(last))).as("served soon after the patience ended")
                .isLessThan(Duration.ofMillis(3500 + 500));
        assertThat(holder.cancelTimes).as("the transfer is given up once the CDN won, not before")
                .singleElement().isEqualTo(servedAt.get(last));
        assertThat(controller.snapshot().missedDeadlines()).isZero();
    }
}
