package io.p2pviewer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Linux network namespace joined to the root namespace by a veth pair, for tests that need a real network
 * interface (libwebrtc ignores loopback, so WebRTC peers on one machine must run inside one).
 *
 * <p>{@link #create()} makes a namespace named {@code p2pv-<pid>-<n>} with {@code lo} up, one end of a veth pair
 * at {@link #nsAddress()} (10.2xx.N.2/24) and a default route via the other end, which stays in the root
 * namespace at {@link #hostAddress()} (10.2xx.N.1/24). Subnets are chosen under a machine-wide file lock among
 * those no address or route of the root namespace overlaps, so fixtures of this JVM and of other test JVMs never
 * collide. Creating a fixture first removes namespaces and veths left by test JVMs that no longer run (killed
 * runs). {@link #exec} starts processes inside the namespace; {@link #close()} kills them and deletes the veth
 * and the namespace, also after failures.
 *
 * <p>Needs root and iproute2's {@code ip}. Thread-safe; create and close block on {@code ip} commands.
 */
public final class NetnsFixture implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NetnsFixture.class);
    private static final String PREFIX = "p2pv-";
    private static final Pattern OUR_NAMESPACE = Pattern.compile("^p2pv-(\\d+)-(\\d+)\\b");
    private static final Pattern OUR_LINK = Pattern.compile("^\\d+: pv(\\d+)h(\\d+)[@:]");
    /** Candidate subnets: 10.200.0.0/24 .. 10.209.255.0/24, first tried at this JVM's fixture counter. */
    private static final int FIRST_SECOND_OCTET = 200;
    private static final int SLOTS = 10 * 256;
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "p2pv-netns.lock");
    private static final Object JVM_LOCK = new Object();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long PID = ProcessHandle.current().pid();

    private final String ip;
    private final String name;
    private final String hostInterface;
    private final String nsInterface;
    private final Ipv4Subnet subnet;
    private final Path logDirectory;
    private final Map<Process, Path> processes = new LinkedHashMap<>();
    private boolean closed;

    private NetnsFixture(String ip, int number, Ipv4Subnet subnet, Path logRoot) {
        this.ip = ip;
        this.name = PREFIX + PID + "-" + number;
        this.hostInterface = "pv" + PID + "h" + number;
        this.nsInterface = "pv" + PID + "n" + number;
        this.subnet = subnet;
        this.logDirectory = logRoot.resolve(name);
    }

    /** Creates a namespace whose process logs go under {@code target/netns/<name>/}. */
    public static NetnsFixture create() {
        return create(Path.of("target", "netns"));
    }

    /**
     * Creates a namespace whose process logs go under {@code logRoot/<name>/}.
     *
     * @throws NetnsException if not root, {@code ip} is missing, or a command fails (nothing is left behind)
     */
    public static NetnsFixture create(Path logRoot) {
        String ip = findIp();
        requireRoot();
        int number = COUNTER.getAndIncrement();
        synchronized (JVM_LOCK) {
            try (FileChannel lockFile = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                removeStale(ip);
                Ipv4Subnet subnet = freeSubnet(ip, number);
                NetnsFixture fixture = new NetnsFixture(ip, number, subnet, logRoot);
                try {
                    fixture.build();
                } catch (RuntimeException e) {
                    fixture.removeNetwork();
                    throw e;
                }
                log.info("network namespace {}: {} (root side {}) <-> {}", fixture.name, fixture.nsAddress(),
                        fixture.hostAddress(), subnet);
                return fixture;
            } catch (IOException e) {
                throw new NetnsException("cannot lock " + LOCK_FILE + ": " + e, e);
            }
        }
    }

    /**
     * Deletes the veth pair, so that the namespace has only {@code lo} (a machine with no network at all, as a
     * laptop offline); call before {@link #exec}. {@link #nsAddress()} and {@link #hostAddress()} are gone then.
     *
     * @return this fixture
     */
    public synchronized NetnsFixture loopbackOnly() {
        run(ip, "link", "del", hostInterface);
        return this;
    }

    /** The namespace's name, e.g. {@code p2pv-4242-0}. */
    public String name() {
        return name;
    }

    /** The root namespace's end of the veth, e.g. 10.200.0.1. */
    public String hostAddress() {
        return subnet.host(1);
    }

    /** The namespace's end of the veth, e.g. 10.200.0.2; every process of the namespace shares it. */
    public String nsAddress() {
        return subnet.host(2);
    }

    /** The /24 both ends are in. */
    public String subnet() {
        return subnet.toString();
    }

    /** Where the output of processes started by {@link #exec} is written. */
    public Path logDirectory() {
        return logDirectory;
    }

    /**
     * Starts a command inside the namespace ({@code ip netns exec}, which runs it in place: the Process is the
     * command itself). The environment is only PATH, LANG, HOME and {@code env}; stdin is a pipe; stdout and
     * stderr go together to a file in {@link #logDirectory()} (see {@link #logFile}).
     */
    public synchronized Process exec(List<String> command, Map<String, String> env) {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        List<String> full = new ArrayList<>(List.of(ip, "netns", "exec", name));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full);
        Map<String, String> environment = pb.environment();
        environment.clear();
        environment.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment.put("LANG", "C.UTF-8");
        String home = System.getenv("HOME");
        if (home != null) {
            environment.put("HOME", home);
        }
        environment.putAll(env);
        String program = Path.of(command.get(0)).getFileName().toString();
        Path logFile = logDirectory.resolve(String.format("%02d-%s.log", processes.size(), program));
        try {
            Files.createDirectories(logDirectory);
            pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
            Process process = pb.start();
            processes.put(process, logFile);
            return process;
        } catch (IOException e) {
            throw new NetnsException("cannot start " + command + " in " + name + ": " + e, e);
        }
    }

    /** The file a process started by {@link #exec} writes its output to. */
    public synchronized Path logFile(Process process) {
        Path file = processes.get(process);
        if (file == null) {
            throw new IllegalArgumentException("not started by " + name);
        }
        return file;
    }

    /**
     * The JVM options the app ships with that shape a long run's memory (scripts/lib.sh {@code java_run_flags},
     * scripts/package {@code JAVA_OPTIONS}): native memory malloc freed is given back to the system every minute.
     * Without it, 50-60 MiB per engine (350 MiB in the window) sat freed but resident in glibc's arenas after 40
     * minutes of a soak (docs/BENCHMARKS.md, soak). Test processes use them too, so a soak measures what ships.
     */
    public static final List<String> SHIPPED_JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "-XX:TrimNativeHeapInterval=60000");

    /** A command that runs a Java main class with this JVM's class path and the app's shipped JVM options. */
    public static List<String> javaCommand(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SHIPPED_JVM_OPTIONS);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Kills what {@link #exec} started (and anything else in the namespace), then deletes veth and namespace. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Process p : processes.keySet()) {
            p.destroy();
        }
        for (Process p : processes.keySet()) {
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        removeNetwork();
        List<String> left = namespaces(ip);
        if (left.contains(name)) {
            throw new NetnsException("namespace " + name + " still exists after close (" + left + ")");
        }
    }

    @Override
    public String toString() {
        return name + " " + nsAddress() + " <-> " + hostAddress();
    }

    private void build() {
        run(ip, "netns", "add", name);
        run(ip, "link", "add", hostInterface, "type", "veth", "peer", "name", nsInterface, "netns", name);
        run(ip, "addr", "add", hostAddress() + "/24", "dev", hostInterface);
        run(ip, "link", "set", hostInterface, "up");
        run(ip, "-n", name, "link", "set", "lo", "up");
        run(ip, "-n", name, "addr", "add", nsAddress() + "/24", "dev", nsInterface);
        run(ip, "-n", name, "link", "set", nsInterface, "up");
        run(ip, "-n", name, "route", "add", "default", "via", hostAddress());
    }

    private void removeNetwork() {
        killAll(ip, name);
        runQuietly(ip, "link", "del", hostInterface);
        Result r = execute(ip, "netns", "del", name);
        if (r.exitCode != 0) {
            log.warn("ip netns del {} failed (exit {}): {}", name, r.exitCode, r.output.strip());
        }
    }

    /** Kills the processes still inside a namespace (children of what we started, strays of killed runs). */
    private static void killAll(String ip, String namespace) {
        String pids = runQuietly(ip, "netns", "pids", namespace);
        for (String pid : pids.split("\\s+")) {
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** Deletes namespaces and veths named after test JVMs that are gone. */
    private static void removeStale(String ip) {
        for (String ns : namespaces(ip)) {
            Matcher m = OUR_NAMESPACE.matcher(ns);
            if (m.find() && !alive(Long.parseLong(m.group(1)))) {
                log.info("removing stale network namespace {}", ns);
                killAll(ip, ns);
                runQuietly(ip, "link", "del", "pv" + m.group(1) + "h" + m.group(2));
                runQuietly(ip, "netns", "del", ns);
            }
        }
        for (String line : runQuietly(ip, "-o", "link", "show").split("\n")) {
            Matcher m = OUR_LINK.matcher(line);
            if (m.find() && !alive(Long.parseLong(m.group(1)))) {
                log.info("removing stale veth pv{}h{}", m.group(1), m.group(2));
                runQuietly(ip, "link", "del", "pv" + m.group(1) + "h" + m.group(2));
            }
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<String> namespaces(String ip) {
        List<String> names = new ArrayList<>();
        for (String line : run(ip, "netns", "list").split("\n")) {
            String n = line.trim().split("\\s+", 2)[0];
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }

    /** The first /24 in 10.200-209.x.0 from this fixture's number on that overlaps nothing in the root namespace. */
    private static Ipv4Subnet freeSubnet(String ip, int number) {
        List<Ipv4Subnet> used = new ArrayList<>();
        for (String line : run(ip, "-4", "-o", "addr", "show").split("\n")) {
            Matcher m = Pattern.compile("\\binet (\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+)").matcher(line);
            if (m.find()) {
                used.add(Ipv4Subnet.parse(m.group(1)));
            }
        }
        for (String line : run(ip, "-4", "route", "show", "table", "all").split("\n")) {
            String first = line.trim().split("\\s+", 2)[0];
            if (first.equals("local") || first.equals("broadcast") || first.equals("unicast")) {
                first = line.trim().split("\\s+")[1];
            }
            if (first.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?")) {
                used.add(Ipv4Subnet.parse(first));
            }
        }
        for (int i = 0; i < SLOTS; i++) {
            int slot = (number + i) % SLOTS;
            Ipv4Subnet candidate = Ipv4Subnet.parse(
                    "10." + (FIRST_SECOND_OCTET + slot / 256) + "." + (slot % 256) + ".0/24");
            if (used.stream().noneMatch(candidate::overlaps)) {
                return candidate;
            }
        }
        throw new NetnsException("no free subnet in 10.200.0.0/12 .. 10.209.255.0/24");
    }

    private static String findIp() {
        for (String candidate : List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new NetnsException("NetnsFixture needs iproute2's 'ip' command (apt-get install iproute2)");
    }

    private static void requireRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String effective = line.split("\\s+")[2];
                    if (!effective.equals("0")) {
                        throw new NetnsException("NetnsFixture needs root to create network namespaces; "
                                + "this JVM runs as uid " + effective);
                    }
                    return;
                }
            }
        } catch (IOException e) {
            throw new NetnsException("cannot read /proc/self/status (NetnsFixture needs Linux): " + e, e);
        }
        throw new NetnsException("no Uid line in /proc/self/status");
    }

    private static String run(String... command) {
        Result r = execute(command);
        if (r.exitCode != 0) {
            throw new NetnsException(String.join(" ", command) + " failed (exit " + r.exitCode + "): "
                    + r.output.strip());
        }
        return r.output;
    }

    private static String runQuietly(String... command) {
        Result r = execute(command);
        return r.exitCode == 0 ? r.output : "";
    }

    private record Result(int exitCode, String output) {
    }

    private static Result execute(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, output + " (timed out)");
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new NetnsException("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetnsException("interrupted running " + String.join(" ", command), e);
        }
    }
}
