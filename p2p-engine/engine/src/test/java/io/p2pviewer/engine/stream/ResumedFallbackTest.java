package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A peer that sends the first half of every segment it is asked for and then goes quiet: the engine gives the
 * transfer up, keeps the half, and fetches only the rest from the origin (an HTTP range), as p2p-media-loader does.
 * The joined segment is verified against the origin's hash list; a peer whose half differs from the origin's is
 * banned and the segment fetched whole. Virtual time, in-memory channels.
 */
class ResumedFallbackTest {
    private static final String PEER_ID = "-PV0100-halfandquiet";
    private static final int HALF = FakeLiveOrigin.SEGMENT_BYTES / 2;

    private final LiveEngineFixture engine = new LiveEngineFixture();
    private final FakeLiveOrigin origin = engine.origin;
    private StreamController controller;

    /** Sends half of each asked segment, the first byte flipped when {@code corrupt}, then nothing more. */
    private static final class HalfAndQuietPeer extends ScriptedPeer {
        final boolean corrupt;

        HalfAndQuietPeer(boolean corrupt) {
            this.corrupt = corrupt;
        }

        @Override
        byte[] hello() {
            return holding(0, 200);
        }

        @Override
        void requested(SegmentRequest r) {
            byte[] bytes = FakeLiveOrigin.bytes(r.segmentId());
            if (corrupt) {
                bytes[0] ^= 1;
            }
            send(new SegmentData(r.segmentId(), r.requestId(), bytes.length));
            PeerMessages.payloadChunks(bytes, 0, HALF).forEach(channel::send);
        }
    }

    /**
     * Opens the engine with the peer in its swarm and plays 12 segments from a little behind the edge, one every
     * 2 s; returns them in the order served, each checked against the origin's bytes.
     */
    private List<CachedSegment> playWith(HalfAndQuietPeer peer) throws Exception {
        controller = engine.open();
        peer.join(engine, "half", PEER_ID, engine.infoHashes.get(0));
        List<CachedSegment> got = new ArrayList<>();
        long firstSeq = origin.edge() - 3;
        for (int i = 0; i < 12; i++) {
            long seq = firstSeq + i;
            engine.scheduler.schedule(Duration.ofSeconds(2L * i), () -> controller.segment(0, seq).thenAccept(s -> {
                controller.served(s, s.size(), s.sha256());
                got.add(s);
            }));
        }
        engine.scheduler.advance(Duration.ofSeconds(30));
        assertThat(peer.requested).as("the engine asked the peer").isNotEmpty();
        assertThat(got).hasSize(12);
        for (CachedSegment s : got) {
            assertThat(s.data()).as("segment %s", s.id()).isEqualTo(FakeLiveOrigin.bytes(s.id().mediaSequence()));
        }
        return got;
    }

    @Test
    void theHalfAPeerSentIsKeptAndTheOriginSendsOnlyTheRest() throws Exception {
        List<CachedSegment> got = playWith(new HalfAndQuietPeer(false));

        List<CachedSegment> resumed = got.stream().filter(s -> s.peerBytes() > 0).toList();
        assertThat(resumed).as("segments joined from the peer's half and the origin's rest").isNotEmpty();
        for (CachedSegment s : resumed) {
            assertThat(s.source()).isEqualTo(DeliverySource.FALLBACK);
            assertThat(s.peerBytes()).isEqualTo(HALF);
            assertThat(s.peer()).isEqualTo(PEER_ID);
            assertThat(s.verifiedBy()).isEqualTo("sha256");
            assertThat(origin.ranges).as("the origin sent only the rest")
                    .contains(s.id().mediaSequence() + ":" + HALF + "-" + FakeLiveOrigin.SEGMENT_BYTES);
        }
        EngineSnapshot snapshot = controller.snapshot();
        assertThat(snapshot.source(DeliverySource.PEER).servedBytes()).as("the peer's halves count as PEER")
                .isEqualTo((long) HALF * resumed.size());
        assertThat(snapshot.source(DeliverySource.FALLBACK).servedBytes())
                .isEqualTo((long) HALF * resumed.size()
                        + (long) FakeLiveOrigin.SEGMENT_BYTES * (got.stream()
                        .filter(s -> s.source() == DeliverySource.FALLBACK).count() - resumed.size()));
        assertThat(snapshot.missedDeadlines()).isZero();
    }

    @Test
    void aPeerWhoseHalfDiffersFromTheOriginsIsBannedAndTheSegmentFetchedWhole() throws Exception {
        List<CachedSegment> got = playWith(new HalfAndQuietPeer(true));

        assertThat(origin.ranges).as("the rest was fetched").isNotEmpty();
        assertThat(got).allSatisfy(s -> assertThat(s.peerBytes()).isZero());
        EngineSnapshot snapshot = controller.snapshot();
        PeerInfo info = snapshot.peers().stream().filter(p -> p.peerId().equals(PEER_ID)).findFirst().orElseThrow();
        assertThat(info.connected()).isFalse();
        assertThat(info.closeReason()).contains("differ from the origin's");
        assertThat(snapshot.bannedPeers()).isEqualTo(1);
        assertThat(snapshot.recentErrors()).anySatisfy(e -> assertThat(e.message()).contains("bad first bytes"));
        assertThat(snapshot.source(DeliverySource.PEER).servedBytes()).isZero();
        assertThat(snapshot.missedDeadlines()).isZero();
    }
}
