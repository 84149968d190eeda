package io.p2pviewer.engine.peer.transport.webrtc;

import io.p2pviewer.testing.NetnsFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.TimeUnit;

/**
 * The test's handle on a {@link TestPeerMain} JVM running inside a network namespace: writes commands to its
 * stdin and waits for its "@@ " event lines in its log file. Each {@link #await} consumes the next occurrence of
 * that event. Used from the test thread only.
 */
final class TestPeerProcess {
    private static final String MARK = "@@ ";

    private final String label;
    private final Process process;
    private final Path log;
    private final OutputStream stdin;
    private final Map<String, Integer> consumed = new HashMap<>();

    private TestPeerProcess(String label, Process process, Path log) {
        this.label = label;
        this.process = process;
        this.log = log;
        this.stdin = process.getOutputStream();
    }

    /** Starts a peer ("transport" or "raw") in the namespace and waits until it is ready. */
    static TestPeerProcess start(NetnsFixture ns, String label, String implementation) {
        return start(ns, label, implementation, List.of());
    }

    /** Starts a peer with extra JVM options (e.g. -Dpeer.threshold=..., see {@link TransportTestEndpoint}). */
    static TestPeerProcess start(NetnsFixture ns, String label, String implementation, List<String> jvmOptions) {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.io.p2pviewer=debug"));
        options.addAll(jvmOptions);
        List<String> cmd = NetnsFixture.javaCommand(TestPeerMain.class.getName(), options, List.of(implementation));
        Process p = ns.exec(cmd, Map.of());
        TestPeerProcess peer = new TestPeerProcess(label, p, ns.logFile(p));
        peer.await("ready", Duration.ofSeconds(30));
        return peer;
    }

    /** Sends one command line. */
    void command(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(label + " does not take commands (dead?); log:\n" + tail(), e);
        }
    }

    /** Waits for the next occurrence of the event and returns its arguments. */
    String await(String event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int index = consumed.getOrDefault(event, 0);
        while (true) {
            List<String> found = events(event);
            if (found.size() > index) {
                consumed.put(event, index + 1);
                return found.get(index);
            }
            if (!event.equals("error") && !events("error").isEmpty()) {
                throw new AssertionError(label + " reported an error while waiting for '" + event + "'; log:\n"
                        + tail());
            }
            if (!process.isAlive()) {
                throw new AssertionError(label + " exited (" + process.exitValue() + ") before '" + event
                        + "'; log:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(label + " sent no '" + event + "' within " + timeout + "; log:\n" + tail());
            }
            sleep(20);
        }
    }

    /** Every occurrence of the event so far (arguments only). */
    List<String> events(String event) {
        List<String> found = new ArrayList<>();
        String prefix = MARK + event;
        for (String line : lines()) {
            if (line.equals(prefix)) {
                found.add("");
            } else if (line.startsWith(prefix + " ")) {
                found.add(line.substring(prefix.length() + 1));
            }
        }
        return found;
    }

    /** Every event line so far, as "name args", for assertion messages. */
    List<String> allEvents() {
        return lines().stream().filter(l -> l.startsWith(MARK)).map(l -> abbreviate(l.substring(3))).toList();
    }

    /** Waits for the JVM to end and returns its exit code, or fails with its log. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(label + " did not exit within " + timeout + "; log:\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    /** CPU time the JVM has used so far (user + system, all threads), from /proc; Linux clock ticks are 10 ms. */
    Duration cpuTime() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
            return Duration.ofMillis(ticks * 10);
        } catch (IOException e) {
            throw new UncheckedIOException(label + " has no /proc entry (exited?)", e);
        }
    }

    Process process() {
        return process;
    }

    String label() {
        return label;
    }

    /** The last lines of the log, SDP lines abbreviated. */
    String tail() {
        List<String> lines = lines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                .map(TestPeerProcess::abbreviate).toList());
    }

    private List<String> lines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Connects offerer to answerer through their SDPs; returns both channel labels (offerer's, answerer's). */
    static Entry<String, String> connect(TestPeerProcess offerer, TestPeerProcess answerer) {
        offerer.command("offer");
        String offer = offerer.await("offer", Duration.ofSeconds(20));
        answerer.command("answer " + offer);
        String answer = answerer.await("answer", Duration.ofSeconds(20));
        offerer.command("accept " + answer);
        String offererChannel = offerer.await("open", Duration.ofSeconds(30));
        String answererChannel = answerer.await("open", Duration.ofSeconds(30));
        return Map.entry(offererChannel, answererChannel);
    }

    @Override
    public String toString() {
        return label;
    }
}
