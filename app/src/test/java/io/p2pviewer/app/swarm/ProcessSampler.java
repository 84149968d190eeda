package io.p2pviewer.app.swarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads one process's resources from outside: live heap after a full GC and live {@code RTCPeerConnection} objects
 * (both from {@code jcmd PID GC.class_histogram}, which runs a full GC first), threads and RSS from
 * {@code /proc/PID/status}, open file descriptors from {@code /proc/PID/fd}. Works on processes in another network
 * namespace (the attach socket is a file). Blocking; call from one thread.
 */
final class ProcessSampler {
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern PEER_CONNECTIONS =
            Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+dev\\.onvoid\\.webrtc\\.RTCPeerConnection\\s*$");

    /** One sample of one process; a value is -1 when it could not be read. */
    record Sample(double seconds, long heapAfterGcBytes, long peerConnections, long threads, long fds, long rssKiB) {
        /** The value of a metric by its name (see {@link #METRICS}). */
        long value(String metric) {
            return switch (metric) {
                case "heapAfterGcMiB" -> heapAfterGcBytes < 0 ? -1 : heapAfterGcBytes >> 20;
                case "peerConnections" -> peerConnections;
                case "threads" -> threads;
                case "fds" -> fds;
                case "rssMiB" -> rssKiB < 0 ? -1 : rssKiB >> 10;
                default -> throw new IllegalArgumentException(metric);
            };
        }
    }

    /** The metrics a sample holds, in print order. */
    static final List<String> METRICS = List.of("heapAfterGcMiB", "threads", "fds", "peerConnections", "rssMiB");

    private final Path jcmd;

    ProcessSampler() {
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    Sample sample(long pid, double seconds) {
        long heap = -1;
        long pcs = -1;
        String histogram = run(List.of(jcmd.toString(), Long.toString(pid), "GC.class_histogram"));
        if (histogram != null) {
            Matcher total = TOTAL.matcher(histogram);
            if (total.find()) {
                heap = Long.parseLong(total.group(2));
                Matcher m = PEER_CONNECTIONS.matcher(histogram);
                pcs = m.find() ? Long.parseLong(m.group(1)) : 0;
            }
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        String status = read(proc.resolve("status"));
        return new Sample(seconds, heap, pcs, field(status, "Threads").orElse(-1),
                fds(proc.resolve("fd")), field(status, "VmRSS").orElse(-1));
    }

    private static OptionalLong field(String status, String name) {
        if (status == null) {
            return OptionalLong.empty();
        }
        Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\d+)").matcher(status);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private static long fds(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
