package io.p2pviewer.app.cli;

import io.p2pviewer.app.playback.HeadlessRun;
import io.p2pviewer.app.playback.Playback;
import io.p2pviewer.app.playback.PlayerDefaults;
import io.p2pviewer.app.playback.SessionFactory;
import io.p2pviewer.app.playback.ViewerSession;
import io.p2pviewer.app.ui.AppLaunch;
import io.p2pviewer.player.PlayerBridge;
import io.p2pviewer.player.PlayerBridgeException;
import io.p2pviewer.player.VlcjPlayerBridge;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./viewer play URL [--headless --duration S --report F]}. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Plays an HLS URL (master or media playlist, live or VOD) through the engine.",
                "URL may also be 'demo' (or 'demo:live') or 'demo:vod' for the embedded demo origin.",
                "Exit codes: 0 played, 1 playback failed, 2 bad arguments, 3 stream could not be opened,",
                "4 libVLC missing or broken."})
public final class PlayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "http(s) URL of an HLS playlist, demo, demo:vod, or a channel list file"
            + " (its first http(s) channel).")
    String url;

    @Option(names = "--headless", description = "No window: real libVLC to a callback surface, dummy audio.")
    boolean headless;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a headless run plays (default ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the headless run's JSON report here.")
    Path report;

    @Option(names = "--csv", paramLabel = "FILE", description = "Record delivery counters here, one row per second.")
    Path csv;

    @Option(names = "--no-audio", description = "Play without sound.")
    boolean noAudio;

    @picocli.CommandLine.Mixin
    P2pOptions p2p;

    @Override
    public Integer call() throws Exception {
        try {
            p2p.validate();
            url = PlaylistArgument.resolve(url);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!headless) {
            return AppLaunch.launch(url, noAudio, p2p.trackerUris(), p2p.webRtcConfig(), p2p.trackerConnector());
        }
        if (!(durationSeconds > 0) || durationSeconds > 86_400) {
            spec.commandLine().getErr().println("error: --duration must be between 0 and 86400 seconds");
            return ExitCodes.USAGE;
        }
        try (ViewerSession session = new SessionFactory(p2p, 0).start(url)) {
            Optional<URI> uri = session.source();
            if (uri.isEmpty()) {
                spec.commandLine().getErr().println("error: not a URL: " + url);
                return ExitCodes.USAGE;
            }
            return runHeadless(session, uri.get());
        }
    }

    /** The player first (exit 4 without libVLC, before the engine starts), then the session's engine. */
    private int runHeadless(ViewerSession session, URI uri) throws IOException, InterruptedException {
        PlayerBridge player;
        try {
            player = VlcjPlayerBridge.headless(PlayerDefaults.options("adummy").build());
        } catch (PlayerBridgeException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        }
        try (player; Playback playback = new Playback(session.startEngine(), player, Clock.systemUTC())) {
            return new HeadlessRun(playback, session::notices, System.out, System.err)
                    .run(uri, Duration.ofMillis((long) (durationSeconds * 1000)), report, csv);
        }
    }
}
