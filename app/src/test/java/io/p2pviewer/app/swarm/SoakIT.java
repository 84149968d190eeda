package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.testing.NetnsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Soak: 8 headless engines (separate processes, real WebRTC, the live demo stream, the embedded tracker) and one
 * window ({@code viewer play}, real libVLC, when a display is set) for {@code soak.minutes} (60), with churn: 4 engines
 * stay the whole time, 4 leave after 1-3 minutes and rejoin as new processes. Every {@code soak.sampleSeconds} it
 * samples each staying process (heap after a full GC, threads, file descriptors, live RTCPeerConnections, RSS) and
 * at the end prints, per metric, whether it stayed flat within 10 % after warm-up (the first {@code soak.warmUpMinutes},
 * default a fifth of the run). Prints numbers; it asserts only that the staying engines exited cleanly and the window
 * ran to the end (a churning engine that fails, e.g. no segment on an overloaded machine, is counted and printed).
 *
 * <p>Run (not in CI): {@code xvfb-run -a -s "-screen 0 1280x800x24" mvn -Psoak verify -pl app -am
 * -Dit.test=SoakIT -Dfailsafe.failIfNoSpecifiedTests=false -Dsoak.minutes=60}. Lines: {@code SOAK sample ...}
 * (one per process and sample), {@code SOAK flat ...} (the verdicts), {@code SOAK summary ...}.
 */
@Tag("soak")
class SoakIT {
    private static final int STAYERS = 4;
    private static final int CHURNERS = 4;

    @Test
    @Timeout(value = 4, unit = TimeUnit.HOURS) // the module's default is 5 minutes; soak.minutes up to about 3 hours
    void eightEnginesAndAWindowWithChurnStayFlat() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "60"));
        double sampleSeconds = Double.parseDouble(System.getProperty("soak.sampleSeconds", "30"));
        double warmUpMinutes = Double.parseDouble(System.getProperty("soak.warmUpMinutes",
                Double.toString(minutes / 5)));
        double seconds = minutes * 60;
        SplittableRandom random = new SplittableRandom(Long.getLong("soak.seed", 24));
        ProcessSampler sampler = new ProcessSampler();
        Map<String, List<ProcessSampler.Sample>> samples = new LinkedHashMap<>();
        Map<String, Process> watched = new LinkedHashMap<>();
        int rejoins = 0;
        int churnFailures = 0;
        try (SwarmHarness swarm = new SwarmHarness("soak");
             ExecutorService pool = Executors.newFixedThreadPool(STAYERS + 1)) {
            for (int i = 0; i < STAYERS; i++) {
                watched.put("stay" + i, swarm.startPeer("stay" + i, seconds + 30));
                Thread.sleep(2000);
            }
            String display = System.getenv("DISPLAY");
            if (display != null && !display.isBlank()) {
                List<String> args = List.of("play", swarm.origin.masterUri().toString(), "--tracker",
                        swarm.trackerUri.toString(), "--no-audio");
                Map<String, String> env = new LinkedHashMap<>(Map.of("DISPLAY", display));
                // Its own settings, logs and cache: not the user's (a remembered playlist would load first).
                Path home = Files.createTempDirectory(Path.of("target"), "soak-window-").toAbsolutePath();
                env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
                env.put("XDG_STATE_HOME", home.resolve("state").toString());
                env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
                String xauthority = System.getenv("XAUTHORITY"); // xvfb-run's cookie: without it X refuses
                if (xauthority != null) {
                    env.put("XAUTHORITY", xauthority);
                }
                watched.put("window", swarm.ns.exec(NetnsFixture.javaCommand("io.p2pviewer.app.cli.ViewerMain",
                        List.of("-Xmx256m", "--sun-misc-unsafe-memory-access=allow", "-Dprism.order=sw"), args),
                        env));
            } else {
                System.out.println("SOAK no DISPLAY: running without the window");
            }
            watched.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
            Process[] churners = new Process[CHURNERS];
            String[] churnNames = new String[CHURNERS];
            for (int c = 0; c < CHURNERS; c++) {
                churnNames[c] = "churn" + c + "-0";
                churners[c] = swarm.startPeer(churnNames[c], 60 + random.nextInt(120));
            }
            long start = System.nanoTime();
            double nextSample = 0;
            while (elapsed(start) < seconds) {
                for (int c = 0; c < CHURNERS; c++) {
                    if (!churners[c].isAlive()) {
                        if (churners[c].exitValue() != 0) {
                            churnFailures++;
                            System.out.printf("SOAK churn %s exited %d (log %s)%n", churnNames[c],
                                    churners[c].exitValue(), swarm.ns.logFile(churners[c]));
                        }
                        double left = seconds - elapsed(start);
                        if (left > 30) {
                            churnNames[c] = "churn" + c + "-" + (++rejoins);
                            churners[c] = swarm.startPeer(churnNames[c], Math.min(left, 60 + random.nextInt(120)));
                        }
                    }
                }
                if (elapsed(start) >= nextSample) {
                    double t = elapsed(start);
                    Map<String, Future<ProcessSampler.Sample>> round = new LinkedHashMap<>();
                    for (var e : watched.entrySet()) {
                        if (e.getValue().isAlive()) { // all at once: one jcmd takes seconds on a loaded machine
                            long pid = e.getValue().pid();
                            round.put(e.getKey(), pool.submit(() -> sampler.sample(pid, t)));
                        }
                    }
                    for (var e : round.entrySet()) {
                        ProcessSampler.Sample s = e.getValue().get();
                        samples.get(e.getKey()).add(s);
                        System.out.printf(Locale.ROOT, "SOAK sample t=%.0fs %s heapAfterGcMiB=%d threads=%d fds=%d "
                                        + "peerConnections=%d rssMiB=%d%n", t, e.getKey(), s.value("heapAfterGcMiB"),
                                s.threads(), s.fds(), s.peerConnections(), s.value("rssMiB"));
                    }
                    nextSample = Math.max(nextSample + sampleSeconds, elapsed(start));
                }
                Thread.sleep(1000);
            }
            boolean allFlat = true;
            for (var e : samples.entrySet()) {
                List<ProcessSampler.Sample> after = e.getValue().stream()
                        .filter(s -> s.seconds() >= warmUpMinutes * 60).toList();
                for (String metric : ProcessSampler.METRICS) {
                    List<Double> values = after.stream().map(s -> (double) s.value(metric)).filter(v -> v >= 0)
                            .toList();
                    Flatness f = Flatness.of(metric, values, 0.10, slack(metric));
                    allFlat &= f.flat();
                    System.out.printf(Locale.ROOT, "SOAK flat %-7s %s (%d samples after %.1f min warm-up)%n",
                            e.getKey(), f.line(), values.size(), warmUpMinutes);
                }
            }
            long missed = 0;
            double offload = 0;
            List<String> failedStayers = new ArrayList<>();
            for (int i = 0; i < STAYERS; i++) {
                Process p = watched.get("stay" + i);
                if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    failedStayers.add("stay" + i + " (log " + swarm.ns.logFile(p) + ")");
                    continue;
                }
                PlayReport r = swarm.await("stay" + i, 1);
                missed += r.missedDeadlines();
                offload += r.offload() / STAYERS;
            }
            Process window = watched.get("window");
            boolean windowAlive = window != null && window.isAlive();
            System.out.printf(Locale.ROOT, "SOAK summary %.1f min, %d staying engines + %d churning (%d rejoins, %d "
                            + "failed exits), window %s; staying engines: offload %.1f%% (failed ones count 0), missed deadlines %d; "
                            + "all metrics flat within 10%% after warm-up: %s; staying engines that failed: %s%n",
                    minutes, STAYERS, CHURNERS, rejoins, churnFailures,
                    window == null ? "none" : windowAlive ? "alive at the end" : "DIED", offload * 100, missed,
                    allFlat ? "YES" : "NO", failedStayers);
            assertThat(failedStayers).as("staying engines that exited with an error").isEmpty();
            if (window != null) {
                assertThat(windowAlive).as("the window ran to the end (log %s)", swarm.ns.logFile(window)).isTrue();
                assertThat(Files.readString(swarm.ns.logFile(window))).as("the window played (log %s)",
                        swarm.ns.logFile(window)).contains("first frame");
                window.destroy();
            }
        }
    }

    /** Absolute change that counts as flat whatever the percentage: small counts move by a few. */
    private static double slack(String metric) {
        return switch (metric) {
            case "peerConnections" -> 1.5;
            case "threads", "fds" -> 5;
            default -> 0;
        };
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
