package io.p2pviewer.app.swarm;

import io.p2pviewer.testing.NetnsFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small internet in network namespaces, made and removed by a test: a "public" segment (198.51.100.0/24, a
 * documentation range) on a bridge in its own namespace, reached from the test JVM's namespace by a veth (the
 * origin and the tracker bind {@link #PUBLIC_HOST} there), coturn in the public namespace at {@link #TURN_HOST},
 * and per side a NAT router namespace (public address, iptables MASQUERADE, optionally {@code --random-fully} for
 * symmetric mapping, only established traffic let in from the wan, to the router as to its hosts) with one viewer
 * host namespace behind it; or hosts directly on the public segment, whose links tc may shape.
 *
 * <p>Needs root, iproute2 ({@code ip}, {@code tc}), iptables and coturn's {@code turnserver} (the last two only for
 * NAT sides and TURN). One bed per machine at a time (a file lock held until {@link #close()}, which kills every
 * process started here and deletes every namespace and veth, also when the test failed). Not thread-safe.
 */
final class NatBed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NatBed.class);
    static final String PUBLIC_HOST = "198.51.100.254";
    static final String TURN_HOST = "198.51.100.1";
    static final String TURN_USER = "viewer";
    static final String TURN_PASSWORD = "s3cret-turn";
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "p2pv-natbed.lock");

    private final String id = "n" + ProcessHandle.current().pid() % 100000;
    private final String pub = "pv" + id + "P";
    private final Path dir;
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> rootLinks = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final FileChannel lockFile;
    private final FileLock lock;
    private Path turnLog;

    /** Builds the public segment (no router yet); logs go under {@code dir}. */
    NatBed(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        lockFile = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockFile.lock();
        try {
            cleanupLeftovers();
            addNamespace(pub);
            // coturn relays between two allocations of its own address: that traffic goes through lo
            ip("-n", pub, "link", "set", "lo", "up");
            ip("-n", pub, "link", "add", "br0", "type", "bridge");
            ip("-n", pub, "addr", "add", TURN_HOST + "/24", "dev", "br0");
            ip("-n", pub, "link", "set", "br0", "up");
            ip("-n", pub, "route", "add", "default", "dev", "br0");
            String rootSide = "pv" + id + "r";
            ip("link", "add", rootSide, "type", "veth", "peer", "name", "up0", "netns", pub);
            rootLinks.add(rootSide);
            ip("addr", "add", PUBLIC_HOST + "/24", "dev", rootSide);
            ip("link", "set", rootSide, "up");
            ip("-n", pub, "link", "set", "up0", "master", "br0");
            ip("-n", pub, "link", "set", "up0", "up");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Adds a NAT router with public address 198.51.100.{@code n} and a viewer host 172.29.{@code n}.2 behind it.
     *
     * @param symmetric MASQUERADE with {@code --random-fully}: a new public port per destination
     * @return the viewer host's namespace
     */
    String addNatSide(int n, boolean symmetric) {
        String router = "pv" + id + "R" + n;
        String host = "pv" + id + "H" + n;
        addNamespace(router);
        addNamespace(host);
        onPublicSegment(router, "wan0", n);
        ip("-n", router, "link", "add", "lan0", "type", "veth", "peer", "name", "eth0", "netns", host);
        ip("-n", router, "addr", "add", "172.29." + n + ".1/24", "dev", "lan0");
        ip("-n", router, "link", "set", "lan0", "up");
        ip("-n", host, "addr", "add", "172.29." + n + ".2/24", "dev", "eth0");
        ip("-n", host, "link", "set", "eth0", "up");
        ip("-n", host, "link", "set", "lo", "up");
        ip("-n", host, "route", "add", "default", "via", "172.29." + n + ".1");
        inNs(router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        List<String> masquerade = new ArrayList<>(List.of("iptables", "-t", "nat", "-A", "POSTROUTING", "-o",
                "wan0", "-j", "MASQUERADE"));
        if (symmetric) {
            masquerade.add("--random-fully");
        }
        inNs(router, masquerade.toArray(String[]::new));
        inNs(router, "iptables", "-A", "FORWARD", "-i", "wan0", "-m", "conntrack", "--ctstate",
                "ESTABLISHED,RELATED", "-j", "ACCEPT");
        inNs(router, "iptables", "-A", "FORWARD", "-i", "wan0", "-j", "DROP");
        // The router's own firewall, as on any home router: unsolicited packets from the wan are dropped in INPUT.
        // Without it a peer's connectivity check that arrives before our first outbound one is delivered to the
        // router itself (port unreachable) and conntrack confirms an entry for it; our outbound check then
        // clashes with that entry's tuple and MASQUERADE gives it a new public port: symmetric in effect, and as
        // the peer keeps sending, the stale entry never expires (measured: `conntrack -L` showed the UNREPLIED
        // inbound entry and the outbound one mapped to another port on both routers; ICE never connected).
        // A packet dropped in INPUT leaves no confirmed entry, so the mapping stays endpoint-independent.
        inNs(router, "iptables", "-A", "INPUT", "-i", "wan0", "-m", "conntrack", "--ctstate",
                "ESTABLISHED,RELATED", "-j", "ACCEPT");
        inNs(router, "iptables", "-A", "INPUT", "-i", "wan0", "-j", "DROP");
        return host;
    }

    /**
     * Adds a host namespace directly on the public segment (no NAT) with address 198.51.100.{@code n}: its
     * {@code eth0} is one end of a veth whose other end, {@code w<n>}, is a port of the bridge.
     *
     * @return the host's namespace
     */
    String addPublicHost(int n) {
        String host = "pv" + id + "H" + n;
        addNamespace(host);
        onPublicSegment(host, "eth0", n);
        return host;
    }

    /**
     * Plugs a namespace into the bridge: a veth whose end {@code dev} in {@code ns} gets 198.51.100.{@code n} and the
     * default route, and whose other end {@code w<n>} is a bridge port; also brings up the namespace's {@code lo}.
     */
    private void onPublicSegment(String ns, String dev, int n) {
        ip("-n", ns, "link", "add", dev, "type", "veth", "peer", "name", "w" + n, "netns", pub);
        ip("-n", pub, "link", "set", "w" + n, "master", "br0");
        ip("-n", pub, "link", "set", "w" + n, "up");
        ip("-n", ns, "addr", "add", "198.51.100." + n + "/24", "dev", dev);
        ip("-n", ns, "link", "set", dev, "up");
        ip("-n", ns, "link", "set", "lo", "up");
        ip("-n", ns, "route", "add", "default", "dev", dev);
    }

    /**
     * Shapes a public host's links with tc's token bucket filter (tbf): its uplink on the egress of its own
     * {@code eth0} (everything the host sends: to peers, the origin and the tracker) and its downlink on the
     * egress of the bridge's port {@code w<n>} (everything it receives). Each queue holds at most {@code
     * queueMillis} at its rate; more is dropped, as a full router queue does, and the senders' congestion control
     * backs off.
     *
     * @param host a namespace from {@link #addPublicHost}
     * @param n the number it was added with
     */
    void shape(String host, int n, long uplinkBitsPerSecond, long downlinkBitsPerSecond, int queueMillis) {
        tc("-n", host, "qdisc", "add", "dev", "eth0", "root", "tbf", "rate", uplinkBitsPerSecond + "bit", "burst",
                burstBytes(uplinkBitsPerSecond) + "b", "latency", queueMillis + "ms");
        tc("-n", pub, "qdisc", "add", "dev", "w" + n, "root", "tbf", "rate", downlinkBitsPerSecond + "bit", "burst",
                burstBytes(downlinkBitsPerSecond) + "b", "latency", queueMillis + "ms");
    }

    /**
     * What a shaped host's uplink queue sent and dropped so far, from {@code tc -s qdisc show}: "Sent B bytes P pkt
     * (dropped D, ...)".
     */
    String uplinkStats(String host) {
        String out = run(List.of("tc", "-n", host, "-s", "qdisc", "show", "dev", "eth0"));
        var m = java.util.regex.Pattern.compile("Sent (\\d+) bytes (\\d+) pkt \\(dropped (\\d+)").matcher(out);
        return m.find() ? m.group(1) + " B in " + m.group(2) + " packets, " + m.group(3) + " dropped" : out.strip();
    }

    /**
     * The token bucket's depth: two full-size frames, or one timer tick's worth of the rate if that is more (tbf
     * cannot send faster than a bucket per tick).
     */
    private static long burstBytes(long bitsPerSecond) {
        return Math.max(2 * 1514, bitsPerSecond / 8 / 100);
    }

    /** Starts coturn in the public namespace with one static long-term user; its log goes to {@link #turnLog()}. */
    void startTurn() throws IOException, InterruptedException {
        startTurn(null);
    }

    /**
     * Starts coturn in the public namespace with the lock-down settings of docs/DEPLOY.md; its log goes to
     * {@link #turnLog()}.
     *
     * @param restSecret null for one static long-term user ({@link #TURN_USER}); else the shared secret of
     *     time-limited TURN REST credentials ({@link #restCredential})
     */
    void startTurn(String restSecret) throws IOException, InterruptedException {
        turnLog = dir.resolve("turnserver.log").toAbsolutePath();
        Files.deleteIfExists(turnLog);
        Path conf = dir.resolve("turnserver.conf");
        List<String> lines = new ArrayList<>(List.of("listening-ip=" + TURN_HOST, "relay-ip=" + TURN_HOST,
                "listening-port=3478", "min-port=49160", "max-port=49400", "realm=test.invalid", "no-tls", "no-dtls",
                "no-cli", "fingerprint", "no-multicast-peers", "no-tcp-relay", "no-software-attribute",
                "stale-nonce=600", "verbose", "simple-log", "log-file=" + turnLog,
                "pidfile=" + dir.resolve("turnserver.pid").toAbsolutePath()));
        for (String range : List.of("0.0.0.0-0.255.255.255", "10.0.0.0-10.255.255.255", "100.64.0.0-100.127.255.255",
                "169.254.0.0-169.254.255.255", "172.16.0.0-172.31.255.255", "192.168.0.0-192.168.255.255")) {
            lines.add("denied-peer-ip=" + range); // the viewers' private 172.29.x addresses among them
        }
        lines.addAll(restSecret == null ? List.of("lt-cred-mech", "user=" + TURN_USER + ":" + TURN_PASSWORD)
                : List.of("use-auth-secret", "static-auth-secret=" + restSecret));
        Files.writeString(conf, String.join("\n", lines) + "\n");
        start(pub, List.of("turnserver", "-c", conf.toAbsolutePath().toString()), "turnserver");
        for (int i = 0; i < 50 && !(Files.exists(turnLog) && Files.readString(turnLog).contains("listener opened"));
                i++) {
            Thread.sleep(100);
        }
    }

    /**
     * A time-limited TURN REST credential, as an operator's web backend mints it: user name
     * {@code "<expiry epoch seconds>:<user>"}, password base64(HMAC-SHA1(secret, user name)).
     */
    static Credential restCredential(String secret, Instant expiry, String user) {
        String name = expiry.getEpochSecond() + ":" + user;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return new Credential(name, Base64.getEncoder().encodeToString(
                    mac.doFinal(name.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1: " + e, e);
        }
    }

    /** A TURN user name and password. */
    record Credential(String username, String password) {
    }

    Path turnLog() {
        return turnLog;
    }

    /**
     * coturn's CPU time so far, user plus system over all its threads, from {@code /proc/PID/stat} (in clock
     * ticks of 1/100 s, USER_HZ on Linux); its pid comes from the pidfile coturn writes.
     */
    double turnCpuSeconds() throws IOException {
        long pid = Long.parseLong(Files.readString(dir.resolve("turnserver.pid")).strip());
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // stat fields 14 and 15
    }

    /** Writes an ICE servers file naming our coturn (STUN and TURN), with this password. */
    Path iceServers(String name, boolean turn, String password) throws IOException {
        return turn ? turnServers(name, new Credential(TURN_USER, password))
                : Files.writeString(dir.resolve(name + ".json"), "[{\"urls\": \"stun:" + TURN_HOST + ":3478\"}]");
    }

    /** Writes an ICE servers file naming our coturn as a TURN server with this credential. */
    Path turnServers(String name, Credential credential) throws IOException {
        return Files.writeString(dir.resolve(name + ".json"), "[{\"urls\": [\"turn:" + TURN_HOST
                + ":3478?transport=udp\"], \"username\": \"" + credential.username() + "\", \"credential\": \""
                + credential.password() + "\"}]");
    }

    /** Starts a headless viewer ({@code viewer peer ...}) as a child JVM inside a host namespace. */
    Process startViewer(String namespace, String name, List<String> args) {
        return startViewer(namespace, name, args, List.of());
    }

    /** Starts a headless viewer as {@link #startViewer(String, String, List)} with these extra JVM options. */
    Process startViewer(String namespace, String name, List<String> args, List<String> jvmOptions) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "--sun-misc-unsafe-memory-access=allow"));
        jvm.addAll(jvmOptions);
        String extraJvm = System.getProperty("nat.peerJvmOpts", "").strip();
        if (!extraJvm.isEmpty()) {
            jvm.addAll(List.of(extraJvm.split("\\s+"))); // e.g. a debug log level while investigating
        }
        return start(namespace, NetnsFixture.javaCommand("io.p2pviewer.app.cli.ViewerMain", jvm, args), name);
    }

    Path logOf(String name) {
        return dir.resolve(name + ".log");
    }

    private Process start(String namespace, List<String> command, String name) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(logOf(name).toFile());
        pb.environment().keySet().retainAll(List.of("PATH", "HOME", "LANG"));
        try {
            Process p = pb.start();
            processes.add(p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0) + " in " + namespace + ": " + e, e);
        }
    }

    private void addNamespace(String ns) {
        ip("netns", "add", ns);
        namespaces.add(ns);
    }

    private static void inNs(String ns, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(command));
        run(full);
    }

    private static void tc(String... args) {
        List<String> full = new ArrayList<>(List.of("tc"));
        full.addAll(List.of(args));
        run(full);
    }

    private static void ip(String... args) {
        List<String> full = new ArrayList<>(List.of("ip"));
        full.addAll(List.of(args));
        run(full);
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static void quietly(List<String> command) {
        try {
            run(command);
        } catch (IllegalStateException e) {
            log.debug("{}", e.getMessage());
        }
    }

    /** Namespaces and veths of beds whose test JVM died (we hold the lock, so no live bed owns any). */
    private void cleanupLeftovers() {
        for (String line : run(List.of("ip", "netns", "list")).split("\n")) {
            String ns = line.trim().split("\\s+", 2)[0];
            if (ns.matches("pvn\\d+[PRH]\\d*")) {
                killAll(ns);
                quietly(List.of("ip", "netns", "del", ns));
            }
        }
        for (String line : run(List.of("ip", "-o", "link", "show")).split("\n")) {
            var m = java.util.regex.Pattern.compile("^\\d+: (pvn\\d+r)[@:]").matcher(line);
            if (m.find()) {
                quietly(List.of("ip", "link", "del", m.group(1)));
            }
        }
    }

    private static void killAll(String ns) {
        try {
            for (String pid : run(List.of("ip", "netns", "pids", ns)).split("\\s+")) {
                if (pid.matches("\\d+")) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IllegalStateException e) {
            log.debug("{}", e.getMessage());
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String ns : namespaces.reversed()) {
            killAll(ns);
            quietly(List.of("ip", "netns", "del", ns));
        }
        for (String link : rootLinks) {
            quietly(List.of("ip", "link", "del", link));
        }
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            log.debug("lock release: {}", e.toString());
        }
    }
}
