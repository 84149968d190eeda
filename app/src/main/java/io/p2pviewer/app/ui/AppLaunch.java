package io.p2pviewer.app.ui;

import io.p2pviewer.engine.peer.tracker.TrackerConnector;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcTransportConfig;
import javafx.application.Application;

/**
 * Starts the JavaFX window from the command line. JavaFX creates the Application itself, so the options travel
 * through this holder; it is written once before launch and read once in {@link ViewerApp#init()}.
 */
public final class AppLaunch {
    /**
     * What the window should do when it opens.
     *
     * @param trackers WebSocket trackers for P2P (empty: CDN only, except the demo, which brings its own)
     * @param demoPeers headless peers the demo starts in this process
     * @param webRtc the window's WebRTC settings (ICE servers, relay only) for the trackers given
     * @param trackerConnector how the trackers given are reached (TLS trust), null for the default
     * @param p2pGiven whether the command line gave P2P options: they win over the settings' P2P for this run
     */
    public record Options(String url, boolean noAudio, java.util.List<java.net.URI> trackers, int demoPeers,
                          WebRtcTransportConfig webRtc, TrackerConnector trackerConnector, boolean p2pGiven) {
        public Options(String url, boolean noAudio, java.util.List<java.net.URI> trackers, int demoPeers,
                       WebRtcTransportConfig webRtc, TrackerConnector trackerConnector) {
            this(url, noAudio, trackers, demoPeers, webRtc, trackerConnector, !trackers.isEmpty());
        }

        public Options(String url, boolean noAudio) {
            this(url, noAudio, java.util.List.of(), 3);
        }

        public Options(String url, boolean noAudio, java.util.List<java.net.URI> trackers, int demoPeers) {
            this(url, noAudio, trackers, demoPeers, WebRtcTransportConfig.defaults(), null);
        }
    }

    private static volatile Options options = new Options(null, false);

    private AppLaunch() {
    }

    /** Opens the window and blocks until it is closed; returns the exit code. */
    public static int launch(String url, boolean noAudio, java.util.List<java.net.URI> trackers,
                             WebRtcTransportConfig webRtc, TrackerConnector trackerConnector) {
        return launch(url, noAudio, trackers, webRtc, trackerConnector, !trackers.isEmpty());
    }

    /** As above; {@code p2pGiven}: the command line gave P2P options, which then win over the settings. */
    public static int launch(String url, boolean noAudio, java.util.List<java.net.URI> trackers,
                             WebRtcTransportConfig webRtc, TrackerConnector trackerConnector, boolean p2pGiven) {
        options = new Options(url, noAudio || "1".equals(System.getenv("P2PVIEWER_NO_AUDIO")), trackers, 3,
                webRtc, trackerConnector, p2pGiven);
        // The window's log also goes to a rotated file in the XDG state dir (headless commands log to the console).
        io.p2pviewer.app.logging.LogFiles.install(io.p2pviewer.app.settings.XdgDirs.fromEnvironment().state(),
                io.p2pviewer.app.logging.LogFiles.Rotation.DEFAULT);
        try {
            Application.launch(ViewerApp.class);
            return 0;
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (msg.contains("DISPLAY") || msg.contains("Unable to open")) {
                System.err.println("error: no display: the window needs X11 or Wayland (or run under xvfb-run);"
                        + " for scripted runs use: ./viewer play URL --headless");
                return 4;
            }
            throw e;
        }
    }

    static Options options() {
        return options;
    }
}
