package io.p2pviewer.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.cli.ExitCodes;
import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.StreamSession;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.RequestKind;
import io.p2pviewer.demo.ServedRequest;
import io.p2pviewer.engine.stream.Hashes;
import io.p2pviewer.player.PlayerStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo origin -> engine -> real libVLC (headless surface), AES-128 live. */
class EncryptedLivePlaybackIT {
    private PlaybackRig rig;
    private DemoOrigin origin;
    private Playback playback;

    @BeforeEach
    void start() throws Exception {
        rig = PlaybackRig.start(DemoMode.LIVE, Duration.ofSeconds(6));
        origin = rig.origin();
        playback = rig.playback();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void playsTheEncryptedLiveStreamThroughTheEngineForTwentySeconds() throws Exception {
        StreamSession session = playback.open(origin.masterUri()).get(10, TimeUnit.SECONDS);
        List<Long> framesPerSecond = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(22);
        int tick = 0;
        PlayerStatus status = playback.tick();
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = playback.tick();
            if (++tick % 5 == 0) {
                framesPerSecond.add(status.framesDisplayed());
            }
        }
        // Frames: shown, and still growing in the last seconds (not a frozen picture).
        assertThat(status.framesDisplayed()).isGreaterThan(300);
        int n = framesPerSecond.size();
        assertThat(framesPerSecond.get(n - 1)).isGreaterThan(framesPerSecond.get(n - 4));
        assertThat(framesPerSecond.get(n / 2)).isGreaterThan(framesPerSecond.get(2));
        assertThat(playback.playedMillis()).isGreaterThan(15_000);
        assertThat(playback.stalls().count()).as("stalls after start").isZero();

        playback.player().stop();
        Thread.sleep(500); // let the last proxy writes be accounted
        EngineSnapshot snap = session.snapshot();
        List<ServedSegment> served = session.servedSegments();
        assertThat(served).hasSizeGreaterThanOrEqualTo(8);
        for (ServedSegment s : served) {
            byte[] expected = origin.segmentBytes(s.variant(), s.mediaSequence());
            assertThat(s.sha256()).as("segment %s#%d", s.variant(), s.mediaSequence())
                    .isEqualTo(Hashes.sha256Hex(expected));
            assertThat(s.bytes()).isEqualTo(expected.length);
            assertThat(s.source()).isEqualTo(DeliverySource.CDN);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                session.snapshot().source(DeliverySource.CDN).downloadedBytes() == origin.segmentBytesServed());
        assertThat(session.snapshot().source(DeliverySource.CDN).downloadedBytes())
                .isEqualTo(origin.segmentBytesServed());
        assertThat(snap.source(DeliverySource.PEER).downloadedBytes()).isZero();
        assertThat(snap.source(DeliverySource.FALLBACK).downloadedBytes()).isZero();

        List<ServedRequest> keys = origin.requests().stream().filter(r -> r.kind() == RequestKind.KEY).toList();
        assertThat(keys).isNotEmpty();
        assertThat(keys).allSatisfy(k -> {
            assertThat(k.userAgent()).containsIgnoringCase("vlc");
            assertThat(k.status()).isEqualTo(200);
        });
        assertThat(origin.requests()).filteredOn(r -> r.userAgent() != null
                && r.userAgent().startsWith("p2p-viewer-engine"))
                .extracting(ServedRequest::kind).doesNotContain(RequestKind.KEY);
        // Every segment byte the origin served went to the engine, none to libVLC directly.
        assertThat(origin.requests()).filteredOn(r -> r.kind() == RequestKind.SEGMENT)
                .allSatisfy(r -> assertThat(r.userAgent()).startsWith("p2p-viewer-engine"));
    }

    @Test
    void aWrongKeyTokenIsAClearErrorNotACrash(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path report = dir.resolve("report.json");
        int code = new HeadlessRun(playback, System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(origin.masterUri("not-entitled"), Duration.ofSeconds(20), report);
        assertThat(code).isEqualTo(ExitCodes.PLAYBACK_FAILED);
        String line = err.toString(StandardCharsets.UTF_8).trim();
        assertThat(line).startsWith("error: playback failed:").doesNotContain("\n");
        assertThat(line.toLowerCase()).containsAnyOf("key", "no video");
        PlayReport r = ReportWriter.mapper().readValue(Files.readString(report), PlayReport.class);
        assertThat(r.ok()).isFalse();
        assertThat(r.framesDisplayed()).isZero();
        assertThat(r.errors()).isNotEmpty();
        assertThat(origin.requests()).filteredOn(q -> q.kind() == RequestKind.KEY)
                .allSatisfy(k -> assertThat(k.status()).isEqualTo(403));

        // The same player and engine still play an entitled stream afterwards.
        StreamSession again = playback.open(origin.masterUri()).get(10, TimeUnit.SECONDS);
        // As long as the other first frames here may take (20 s): a loaded machine's libVLC opens slowly.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && playback.tick().framesDisplayed() < 25) {
            Thread.sleep(100);
        }
        assertThat(playback.tick().framesDisplayed()).isGreaterThanOrEqualTo(25);
        assertThat(again.servedSegments()).isNotEmpty();
    }

    @Test
    void theReportAndTheCsvAgreeWithTheOriginToTheByte(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("r.json");
        Path csv = dir.resolve("r.csv");
        int code = new HeadlessRun(playback, System.out, System.err).run(origin.masterUri(), Duration.ofSeconds(8),
                report, csv);
        assertThat(code).isEqualTo(ExitCodes.OK);
        PlayReport r = ReportWriter.mapper().readValue(Files.readString(report), PlayReport.class);
        long originBytes = origin.segmentBytesServed();
        assertThat(r.downloadedBytes().get("cdn") + r.downloadedBytes().get("fallback")).isEqualTo(originBytes);
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo(io.p2pviewer.app.report.CsvRecorder.HEADER);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(1 + 7);
        String[] last = rows.get(rows.size() - 1).split(",");
        List<String> header = List.of(rows.get(0).split(","));
        assertThat(Long.parseLong(last[header.indexOf("cdn_downloaded")])
                + Long.parseLong(last[header.indexOf("fallback_downloaded")])).isEqualTo(originBytes);
        assertThat(Long.parseLong(last[header.indexOf("cdn_served")])).isEqualTo(r.servedBytes().get("cdn"));
        // the counters only grow, row after row
        long previous = -1;
        for (String row : rows.subList(1, rows.size())) {
            long cdn = Long.parseLong(row.split(",")[header.indexOf("cdn_downloaded")]);
            assertThat(cdn).isGreaterThanOrEqualTo(previous);
            previous = cdn;
        }
    }

    @Test
    void anUnreachableUrlFailsFastWithExitCodeAndReason(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new HeadlessRun(playback, System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(java.net.URI.create("http://127.0.0.1:1/live/master.m3u8"), Duration.ofSeconds(5),
                        dir.resolve("r.json"));
        assertThat(code).isEqualTo(ExitCodes.OPEN_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: cannot open stream: Cannot connect");
        assertThat(Files.readString(dir.resolve("r.json"))).contains("\"ok\" : false");
    }
}
