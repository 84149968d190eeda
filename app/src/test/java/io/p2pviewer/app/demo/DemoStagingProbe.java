package io.p2pviewer.app.demo;

import io.p2pviewer.app.playback.PacedPlayer;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.StreamSession;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.engine.peer.P2pStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the demo without a window inside a network namespace (started by {@link DemoStagingIT}): the demo origin,
 * its swarm of 3 headless peers, and a viewer engine standing in for the window. Stages "all peers leave" after
 * 30 s and writes the viewer's counters before and after to a JSON file: args = output file.
 */
public final class DemoStagingProbe {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Map<String, Object> result = new LinkedHashMap<>();
        try (DemoStream demo = DemoStream.start(DemoMode.LIVE);
             DemoSwarm swarm = new DemoSwarm(demo.masterUri(), 3)) {
            P2pStack stack = P2pStack.webRtc(List.of(swarm.trackerUri()));
            try (Engine engine = Engine.start(EngineConfig.builder().p2p(stack.config(null, true, 0)).build())) {
                StreamSession session = engine.open(demo.masterUri()).get(30, TimeUnit.SECONDS);
                Thread viewer = new Thread(() -> {
                    try {
                        new PacedPlayer(Clock.systemUTC(), PacedPlayer.BUFFER_TARGET, PacedPlayer.LIVE_DELAY_SEGMENTS,
                                null).play(session.playerUri(), Instant.now().plusSeconds(70));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "viewer");
                viewer.start();
                Thread.sleep(30_000);
                EngineSnapshot before = session.snapshot();
                swarm.leaveAll();
                Thread.sleep(30_000);
                EngineSnapshot after = session.snapshot();
                viewer.join(20_000);
                result.put("before", counters(before));
                result.put("after", counters(after));
            } finally {
                stack.close();
            }
        }
        ReportWriter.write(result, out);
        System.exit(0);
    }

    private static Map<String, Object> counters(EngineSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (DeliverySource src : DeliverySource.values()) {
            m.put(src.name().toLowerCase() + "Served", s.source(src).servedBytes());
        }
        m.put("offload", s.offload());
        m.put("connectedPeers", s.peers().stream().filter(p -> p.connected()).count());
        m.put("missedDeadlines", s.missedDeadlines());
        return m;
    }
}
