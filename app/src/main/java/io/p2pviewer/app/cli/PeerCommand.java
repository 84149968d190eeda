package io.p2pviewer.app.cli;

import io.p2pviewer.app.playback.HeadlessPeerRun;
import io.p2pviewer.app.playback.SessionFactory;
import io.p2pviewer.app.playback.ViewerSession;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./viewer peer URL --tracker ws://...}: a viewer without a window or a decoder. */
@Command(name = "peer", mixinStandardHelpOptions = true,
        description = {"Runs a headless viewer: the whole engine, reading segments at playback pace as a player would",
                "(no libVLC), sharing them with peers found through the trackers. Writes the same JSON report as",
                "'play', plus bytes up and down per peer. Exit codes as 'play'."})
public final class PeerCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "http(s) URL of an HLS playlist, or demo, demo:vod.")
    String url;

    @Mixin
    P2pOptions p2p;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to watch (default ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here.")
    Path report;

    @Option(names = "--csv", paramLabel = "FILE", description = "Record delivery counters here, one row per second.")
    Path csv;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant to watch, e.g. 720p (default: highest).")
    String variant;

    @Override
    public Integer call() throws Exception {
        if (!(durationSeconds > 0) || durationSeconds > 86_400) {
            System.err.println("error: --duration must be between 0 and 86400 seconds");
            return ExitCodes.USAGE;
        }
        try {
            p2p.validate();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (ViewerSession session = new SessionFactory(p2p, 0).start(url)) {
            Optional<URI> uri = session.source();
            if (uri.isEmpty()) {
                System.err.println("error: not a URL: " + url);
                return ExitCodes.USAGE;
            }
            return new HeadlessPeerRun(session, variant, System.out, System.err)
                    .run(uri.get(), Duration.ofMillis((long) (durationSeconds * 1000)), report, csv);
        }
    }
}
