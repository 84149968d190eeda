package io.p2pviewer.app.cli;

import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import io.p2pviewer.engine.peer.tracker.EmbeddedTrackerConfig;
import io.p2pviewer.engine.peer.tracker.JoinTokens;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./viewer tracker --port P}: the embedded WebTorrent tracker, until interrupted. */
@Command(name = "tracker", mixinStandardHelpOptions = true,
        description = "Runs the embedded WebSocket tracker (WebTorrent protocol) for demos, LAN use and tests.")
public final class TrackerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "Port (default ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for the LAN).")
    String host;

    @Option(names = "--token-secret", paramLabel = "FILE",
            description = "Require join tokens signed with this secret (see 'viewer token'); at least 32 bytes.")
    Path tokenSecret;

    @Option(names = "--max-messages-per-second", defaultValue = "20", paramLabel = "N",
            description = "Messages one connection may send a second, burst twice that (default ${DEFAULT-VALUE}); "
                    + "more are refused and a sustained flood closes the connection.")
    int maxMessagesPerSecond;

    @Option(names = "--max-swarm-peers", defaultValue = "1000", paramLabel = "N",
            description = "Peers one swarm may hold; more are refused with \"swarm full\" (default ${DEFAULT-VALUE}).")
    int maxSwarmPeers;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            System.err.println("error: --port must be 0..65535");
            return ExitCodes.USAGE;
        }
        if (maxMessagesPerSecond < 1 || maxSwarmPeers < 1) {
            System.err.println("error: --max-messages-per-second and --max-swarm-peers must be at least 1");
            return ExitCodes.USAGE;
        }
        JoinTokens tokens = null;
        if (tokenSecret != null) {
            try {
                tokens = new JoinTokens(SecretFile.read(tokenSecret), Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        EmbeddedTrackerConfig config = EmbeddedTrackerConfig.builder().maxMessagesPerSecond(maxMessagesPerSecond)
                .maxSwarmPeers(maxSwarmPeers).build();
        EmbeddedTracker tracker = new EmbeddedTracker(config, Clock.systemUTC(), tokens, null);
        try {
            System.out.println("tracker listening on " + tracker.start(InetAddress.getByName(host), port)
                    + (tokens == null ? "" : " (join tokens required)"));
        } catch (java.io.IOException e) {
            System.err.println("error: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tracker.close();
            stop.countDown();
        }));
        stop.await();
        return ExitCodes.OK;
    }
}
