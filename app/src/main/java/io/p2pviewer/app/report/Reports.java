package io.p2pviewer.app.report;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.swarm.SwarmIds;
import io.p2pviewer.redaction.Redacted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds report parts from engine snapshots. */
public final class Reports {
    private Reports() {
    }

    /** A run's report: the run's own values plus the engine's counters, segments and peers from its snapshot. */
    public static PlayReport of(java.net.URI url, java.time.Instant started, java.time.Instant finished, boolean ok,
                                String reason, long framesDisplayed, double secondsPlayed, double firstFrameSeconds,
                                PlayReport.Stalls stalls, EngineSnapshot snap, List<ServedSegment> served,
                                List<String> errors, Map<String, Object> player, List<String> notices) {
        return new PlayReport(Redacted.url(url), started.toString(),
                java.time.Duration.between(started, finished).toMillis() / 1000.0, ok, Redacted.text(reason),
                framesDisplayed,
                secondsPlayed, firstFrameSeconds, stalls, bySource(snap, true), bySource(snap, false), snap.offload(),
                snap.uploadedBytes(), snap.missedDeadlines(), snap.maxPlayerWaitMillis(), snap.bannedPeers(),
                peers(snap), segments(served), errors.stream().map(Redacted::text).toList(), player, process(),
                snap.relayedBytes(), notices.stream().map(Redacted::text).toList());
    }

    /** libVLC's counters as reports list them. */
    public static Map<String, Object> playerCounters(io.p2pviewer.player.PlayerStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decodedVideo", s.decodedVideo());
        m.put("displayedPictures", s.displayedPictures());
        m.put("lostPictures", s.lostPictures());
        m.put("decodedAudio", s.decodedAudio());
        m.put("lostAudioBuffers", s.lostAudioBuffers());
        m.put("demuxReadBytes", s.demuxReadBytes());
        m.put("demuxCorrupted", s.demuxCorrupted());
        m.put("demuxDiscontinuity", s.demuxDiscontinuity());
        m.put("demuxKbps", s.demuxKbps());
        return m;
    }

    /** The report of a run that could not start. */
    public static PlayReport failed(java.net.URI url, java.time.Instant started, String reason) {
        Map<String, Long> zero = bySource(null, true);
        String shown = Redacted.text(reason);
        return new PlayReport(Redacted.url(url), started.toString(), 0, false, shown, 0, 0, -1,
                new PlayReport.Stalls(0, 0), zero, zero, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(shown),
                Map.of(), Map.of(), 0, List.of());
    }

    public static Map<String, Long> bySource(EngineSnapshot s, boolean downloaded) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (DeliverySource src : DeliverySource.values()) {
            var st = s == null ? null : s.source(src);
            m.put(src.name().toLowerCase(Locale.ROOT),
                    st == null ? 0L : downloaded ? st.downloadedBytes() : st.servedBytes());
        }
        return m;
    }

    /** CPU seconds, heap after a GC and resident set of this process, for reports and benchmarks. */
    public static Map<String, Object> process() {
        Map<String, Object> m = new LinkedHashMap<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        m.put("cpuSeconds", os.getProcessCpuTime() / 1e9);
        System.gc();
        var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        m.put("heapUsedMiB", heap.getUsed() / 1048576.0);
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    m.put("rssMiB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux: no RSS
        }
        return m;
    }

    public static List<PlayReport.Segment> segments(List<ServedSegment> served) {
        return served.stream().map(s -> new PlayReport.Segment(s.variant(), s.mediaSequence(), s.source().name(),
                s.bytes(), s.sha256(), s.peerBytes())).toList();
    }

    public static List<PlayReport.Peer> peers(EngineSnapshot s) {
        return s == null ? List.of() : s.peers().stream().map(Reports::peer).toList();
    }

    private static PlayReport.Peer peer(PeerInfo p) {
        return new PlayReport.Peer(p.peerId(), SwarmIds.isBrowserPeerId(p.peerId()) ? "browser" : "desktop",
                p.track(), p.bytesDown(), p.bytesUp(), p.connected(), p.route(), p.relayedBytes());
    }
}
