package io.p2pviewer.app.report;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.swarm.SwarmIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds report parts from engine snapshots. */
public final class Reports {
    private Reports() {
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
                s.bytes(), s.sha256())).toList();
    }

    public static List<PlayReport.Peer> peers(EngineSnapshot s) {
        return s == null ? List.of() : s.peers().stream().map(Reports::peer).toList();
    }

    private static PlayReport.Peer peer(PeerInfo p) {
        return new PlayReport.Peer(p.peerId(), SwarmIds.isBrowserPeerId(p.peerId()) ? "browser" : "desktop",
                p.track(), p.bytesDown(), p.bytesUp(), p.connected());
    }
}
