package io.p2pviewer.app.cli;

import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import java.net.InetAddress;
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

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            System.err.println("error: --port must be 0..65535");
            return ExitCodes.USAGE;
        }
        EmbeddedTracker tracker = new EmbeddedTracker();
        try {
            System.out.println("tracker listening on " + tracker.start(InetAddress.getByName(host), port));
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
