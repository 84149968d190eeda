package io.p2pviewer.app.cli;

import io.p2pviewer.app.ui.AppLaunch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of the app ({@code ./viewer}). A plain main class (not a JavaFX Application) so that
 * packaging and headless subcommands work without the toolkit.
 */
@Command(name = "viewer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Plays live and on-demand HLS streams through the P2P delivery engine.",
        subcommands = {PlayCommand.class, PeerCommand.class, TrackerCommand.class, TokenCommand.class,
                SimulateCommand.class, ChannelsCommand.class})
public final class ViewerMain implements Callable<Integer> {
    @Option(names = "--demo", description = "Start the embedded demo origin and play its live stream.")
    boolean demo;

    @Option(names = "--no-audio", description = "Play without sound (for machines without an audio device).")
    boolean noAudio;

    @picocli.CommandLine.Mixin
    P2pOptions p2p;

    @Parameters(arity = "0..1", paramLabel = "URL", description = "An HLS master or media playlist URL to open, or a channel list (a .m3u/.m3u8"
                    + " file, or a .m3u URL) to open in the channel sidebar.")
    String url;

    @Override
    public Integer call() {
        try {
            return AppLaunch.launch(demo ? "demo" : PlaylistArgument.forWindow(url), noAudio, p2p.trackerUris(),
                    p2p.webRtcConfig(), p2p.trackerConnector(), p2p.given());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    public static void main(String[] args) {
        NativeHeapTuning.fixMmapThreshold();
        int code = commandLine().execute(args);
        NativeStdout.handOverToStderr();
        System.exit(code);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ViewerMain());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}
