package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One engine and one scripted browser peer doing what p2p-media-loader browsers have been seen doing: it announces
 * every id of a full 256-id block in upstream's wrapped encoding (segments it does not all have), then answers our
 * requests with an empty segment (s=0, hls.js worker bug), too few bytes, SegmentAbsent, or nothing at all. The
 * player must get every segment intact from the origin (counted as FALLBACK), and the peer must be dropped where
 * the protocol says so. Virtual time, in-memory channels.
 */
class BrowserPeerQuirksTest {
    private static final String BROWSER_ID = "-PM0203-scriptedpeer";

    private final LiveEngineFixture engine = new LiveEngineFixture();
    private final FakeTaskScheduler scheduler = engine.scheduler;
    private final FakeLiveOrigin origin = engine.origin;

    /** What the scripted browser does when asked for a segment. */
    enum Quirk { EMPTY_SEGMENT, TOO_FEW_BYTES, ABSENT_AFTER_ANNOUNCING, SILENCE }

    /** The scripted browser: it answers every request according to its quirk. */
    private static final class ScriptedBrowser extends ScriptedPeer {
        final Quirk quirk;

        ScriptedBrowser(Quirk quirk) {
            this.quirk = quirk;
        }

        @Override
        byte[] hello() {
            return fullBlockAnnouncementAsUpstreamEncodesIt();
        }

        @Override
        void requested(SegmentRequest r) {
            switch (quirk) {
                case EMPTY_SEGMENT -> {
                    send(new SegmentData(r.segmentId(), r.requestId(), 0));
                    send(new SegmentDataSendingCompleted(r.segmentId(), r.requestId()));
                }
                case TOO_FEW_BYTES -> {
                    send(new SegmentData(r.segmentId(), r.requestId(), FakeLiveOrigin.SEGMENT_BYTES));
                    byte[] bytes = FakeLiveOrigin.bytes(r.segmentId());
                    PeerMessages.payloadChunks(bytes, 0, bytes.length - 1).forEach(channel::send);
                    send(new SegmentDataSendingCompleted(r.segmentId(), r.requestId()));
                }
                case ABSENT_AFTER_ANNOUNCING -> send(new SegmentAbsent(r.segmentId(), r.requestId()));
                case SILENCE -> { }
            }
        }
    }

    /**
     * A SegmentsAnnouncement of ids 0..255 as p2p-media-loader 2.3 writes it: one group whose count byte wrapped to
     * 0 ("cstr" 00 'l' 10 01 01 00, the 256 low bytes, "cend").
     */
    static byte[] fullBlockAnnouncementAsUpstreamEncodesIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("cstr".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0x00, 'l', 0x10, 0x01, 0x01, 0x00});
        for (int i = 0; i < 256; i++) {
            out.write(i);
        }
        out.writeBytes("cend".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Quirk.class)
    void nothingABrowserGetsWrongReachesThePlayerAndTheSegmentComesFromTheOriginAsFallback(Quirk quirk)
            throws Exception {
        StreamController controller = engine.open();
        assertThat(engine.infoHashes).as("the engine joined its swarm").isNotEmpty();
        ScriptedBrowser browser = new ScriptedBrowser(quirk);
        browser.join(engine, "browser", BROWSER_ID, engine.infoHashes.get(0));

        List<CachedSegment> got = new ArrayList<>();
        long firstSeq = origin.edge() - 3;
        for (int i = 0; i < 20; i++) {
            long seq = firstSeq + i;
            scheduler.schedule(Duration.ofSeconds(2L * i), () -> controller.segment(0, seq).thenAccept(s -> {
                controller.served(s, s.size(), s.sha256());
                got.add(s);
            }));
        }
        scheduler.advance(Duration.ofSeconds(45));

        EngineSnapshot snapshot = controller.snapshot();
        assertThat(browser.requested).as("the engine asked the browser for segments it announced").isNotEmpty();
        assertThat(got).hasSize(20);
        for (CachedSegment s : got) {
            assertThat(s.data()).isEqualTo(FakeLiveOrigin.bytes(s.id().mediaSequence()));
            assertThat(s.source()).isNotEqualTo(DeliverySource.PEER);
        }
        assertThat(snapshot.source(DeliverySource.PEER).servedBytes()).isZero();
        assertThat(snapshot.source(DeliverySource.FALLBACK).downloadedBytes()).as("FALLBACK counted").isPositive();
        assertThat(snapshot.missedDeadlines()).isZero();

        PeerInfo peer = snapshot.peers().stream().filter(p -> p.peerId().equals(BROWSER_ID)).findFirst().orElseThrow();
        switch (quirk) {
            case EMPTY_SEGMENT -> {
                assertThat(peer.connected()).isFalse();
                assertThat(peer.closeReason()).contains("declared segment size 0");
                assertThat(browser.requested).hasSize(1);
            }
            case TOO_FEW_BYTES -> {
                assertThat(peer.connected()).isFalse();
                assertThat(peer.closeReason()).contains("size mismatch");
                assertThat(browser.requested).hasSize(1);
            }
            case SILENCE -> {
                assertThat(peer.connected()).isFalse();
                // it never answered anything: dropped on its first silence, not after three
                assertThat(peer.closeReason()).contains("silent, never answered a request");
                assertThat(browser.requested).hasSize(1);
            }
            case ABSENT_AFTER_ANNOUNCING -> {
                // SegmentAbsent is an answer (a busy peer's, as a rule): the peer stays, and is asked again after a
                // backoff that doubles with each absent answer in a row, up to PeerStates.MAX_BUSY_BACKOFF (1.6 s): in
                // 45 s at most 28 requests at that pace plus the 6 of the doubling (a tick's pace: over 150)
                assertThat(peer.connected()).isTrue();
                assertThat(browser.requested).hasSizeLessThanOrEqualTo(45_000 / 1_600 + 6);
            }
        }
    }
}
