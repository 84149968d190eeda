package io.p2pviewer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link NetnsFixture} against the real kernel: addresses, routing, environment, cleanup. */
class NetnsFixtureIT {
    @Test
    void twoFixturesAtOnceGetTheirOwnNamespacesAndSubnets() {
        try (NetnsFixture a = NetnsFixture.create(); NetnsFixture b = NetnsFixture.create()) {
            assertThat(a.name()).startsWith("p2pv-" + ProcessHandle.current().pid() + "-").isNotEqualTo(b.name());
            assertThat(a.subnet()).isNotEqualTo(b.subnet());
            assertThat(Ipv4Subnet.parse(a.subnet()).overlaps(Ipv4Subnet.parse(b.subnet()))).isFalse();
            assertThat(a.nsAddress()).matches("10\\.2\\d\\d\\.\\d+\\.2");
            assertThat(a.hostAddress()).matches("10\\.2\\d\\d\\.\\d+\\.1");
        }
    }

    @Test
    void processesInsideSeeOnlyTheirVethAndReachTheRootSide() throws Exception {
        try (NetnsFixture ns = NetnsFixture.create();
             ServerSocket server = new ServerSocket()) {
            Process addr = ns.exec(List.of("ip", "-4", "-o", "addr", "show"), Map.of());
            assertThat(addr.waitFor(10, TimeUnit.SECONDS)).isTrue();
            String addresses = Files.readString(ns.logFile(addr));
            assertThat(addresses).contains("inet " + ns.nsAddress() + "/24").contains("inet 127.0.0.1/8")
                    .doesNotContain("eth0");

            Process route = ns.exec(List.of("ip", "route", "show", "default"), Map.of());
            assertThat(route.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(ns.logFile(route))).contains("default via " + ns.hostAddress());

            Process env = ns.exec(List.of("env"), Map.of("P2PV_TEST", "yes"));
            assertThat(env.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readAllLines(ns.logFile(env))).contains("P2PV_TEST=yes")
                    .allMatch(l -> l.matches("(PATH|LANG|HOME|P2PV_TEST)=.*"));

            server.bind(new InetSocketAddress(InetAddress.getByName(ns.hostAddress()), 0));
            Process hello = ns.exec(List.of("bash", "-c",
                    "echo hello > /dev/tcp/" + ns.hostAddress() + "/" + server.getLocalPort()), Map.of());
            server.setSoTimeout(10_000);
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                assertThat(s.getInetAddress().getHostAddress()).isEqualTo(ns.nsAddress());
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
            }
            assertThat(hello.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(hello.exitValue()).isZero();
        }
    }

    @Test
    void closeKillsWhatItStartedAndRemovesTheNetwork() throws Exception {
        NetnsFixture ns = NetnsFixture.create();
        Process sleeper = ns.exec(List.of("sleep", "600"), Map.of());
        String name = ns.name();
        ns.close();
        ns.close();
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(ip("netns", "list")).doesNotContain(name);
        assertThat(ip("-o", "link", "show")).doesNotContain("pv" + ProcessHandle.current().pid() + "h"
                + name.substring(name.lastIndexOf('-') + 1) + "@");
    }

    @Test
    void removesWhatKilledRunsLeftBehind() throws Exception {
        // 4194304 is above the largest pid Linux can hand out, so no live JVM owns these names.
        run("ip", "netns", "add", "p2pv-4194304-7");
        run("ip", "link", "add", "pv4194304h7", "type", "veth", "peer", "name", "pv4194304n7");
        try (NetnsFixture ignored = NetnsFixture.create()) {
            assertThat(ip("netns", "list")).doesNotContain("p2pv-4194304-7");
            assertThat(ip("-o", "link", "show")).doesNotContain("pv4194304h7");
        } finally {
            new ProcessBuilder("ip", "netns", "del", "p2pv-4194304-7").start().waitFor();
            new ProcessBuilder("ip", "link", "del", "pv4194304h7").start().waitFor();
        }
    }

    private static String ip(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ip";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return run(cmd);
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(10)).until(() -> !p.isAlive());
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }
}
