package io.p2pviewer.app.ui;

import io.p2pviewer.app.demo.DemoStream;
import io.p2pviewer.app.playback.P2pSetup;
import io.p2pviewer.app.playback.Playback;
import io.p2pviewer.app.playback.PlayerDefaults;
import io.p2pviewer.app.playback.SessionFactory;
import io.p2pviewer.app.playback.StallTracker;
import io.p2pviewer.app.playback.ViewerSession;
import io.p2pviewer.app.ui.demo.SwarmDemoStage;
import io.p2pviewer.app.ui.player.PlaybackControls;
import io.p2pviewer.app.ui.player.PlayerViewModel;
import io.p2pviewer.app.ui.stats.StatsSample;
import io.p2pviewer.app.ui.stats.StatsViewModel;
import io.p2pviewer.player.FxPlayer;
import io.p2pviewer.player.PlayerStatus;
import io.p2pviewer.player.VlcjPlayerBridge;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running window and everything behind it: the session (demo origin and swarm when asked, engine), player,
 * view models and the sampler that feeds the stats panel once a second. Built on the FX thread; {@link #close()}
 * tears it all down in the safe order (sampler, player, engine, origin).
 */
public final class ViewerRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ViewerRuntime.class);
    private static final long SAMPLE_MILLIS = 250;

    private final ViewerSession session;
    private final FxPlayer fx;
    private final Playback playback;
    private final PlayerViewModel playerModel;
    private final StatsViewModel statsModel = new StatsViewModel();
    private final ScheduledExecutorService sampler;
    private final MainWindow window;
    private final UiExports exports;
    private final javafx.scene.control.Label exportStatus = new javafx.scene.control.Label();
    private long ticks;

    public ViewerRuntime(Stage stage, AppLaunch.Options options) throws IOException {
        // The theme (AtlantaFX Primer Light) for every window of the app; stats.css only lays the panel out.
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
        this.session = new SessionFactory(P2pSetup.defaults(options.trackers()), options.demoPeers())
                .start(options.url());
        Optional<DemoStream> demo = session.demo();
        var engine = session.startEngine();
        var playerOptions = PlayerDefaults.options(options.noAudio() ? "adummy" : "auto");
        if (demo.isPresent()) {
            playerOptions.addLibVlcArg(PlayerDefaults.DEMO_ARG);
        }
        this.fx = VlcjPlayerBridge.forJavaFx(playerOptions.build());
        this.playback = new Playback(engine, fx.bridge(), Clock.systemUTC());
        this.playerModel = new PlayerViewModel(new Controls(), UiThread.FX);
        fx.bridge().addListener(e -> UiThread.FX.execute(() -> playerModel.onPlayerEvent(e)));
        fx.bridge().addListener(e -> {
            if (e instanceof io.p2pviewer.player.PlayerEvent.FirstFrame f) {
                log.info("first frame {} ms after play, {} ms after the app started", f.sincePlay().toMillis(),
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            }
        });
        this.window = new MainWindow(stage, playerModel, statsModel, fx.view());
        if (demo.isPresent()) {
            var swarm = session.demoSwarm();
            window.addUnderUrlBar(new io.p2pviewer.app.ui.demo.DemoControlsView(
                    new io.p2pviewer.app.ui.demo.DemoControlsViewModel(
                            new SwarmDemoStage(demo.get(), swarm.orElse(null)),
                            swarm.isEmpty() ? 0 : options.demoPeers())));
        }
        this.exports = new UiExports(playback);
        installExports();
        stage.setTitle(demo.isPresent() ? "P2P Viewer — demo" : "P2P Viewer");
        stage.setScene(window.scene());
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        String url = demo.map(d -> d.masterUri().toString()).orElse(options.url());
        if (url != null && !url.isBlank()) {
            playerModel.urlProperty().set(url);
            playerModel.open();
        }
    }

    /** Export JSON (Ctrl+E) and record CSV (Ctrl+R): buttons in the controls bar, status next to them. */
    private void installExports() {
        javafx.scene.control.Button json = new javafx.scene.control.Button("Export JSON");
        json.setId("exportJsonButton");
        json.setOnAction(e -> exportJson());
        javafx.scene.control.Button csv = new javafx.scene.control.Button("Record CSV");
        csv.setId("recordCsvButton");
        csv.setOnAction(e -> toggleCsv(csv));
        exportStatus.setId("exportStatus");
        window.addControls(json, csv, exportStatus);
        var accelerators = window.scene().getAccelerators();
        accelerators.put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.E,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), this::exportJson);
        accelerators.put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.R,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), () -> toggleCsv(csv));
    }

    private void exportJson() {
        sampler.execute(() -> {
            String text;
            try {
                text = "Snapshot saved: " + exports.exportJson();
            } catch (java.io.IOException | RuntimeException e) {
                text = "Export failed: " + e.getMessage();
            }
            String shown = text;
            UiThread.FX.execute(() -> exportStatus.setText(shown));
        });
    }

    private void toggleCsv(javafx.scene.control.Button button) {
        sampler.execute(() -> {
            String text;
            boolean on;
            try {
                java.nio.file.Path file = exports.toggleCsv();
                on = file != null;
                text = on ? "Recording CSV to " + file : "CSV recording stopped";
            } catch (java.io.IOException e) {
                on = false;
                text = "Cannot record CSV: " + e.getMessage();
            }
            String shown = text;
            boolean recording = on;
            UiThread.FX.execute(() -> {
                exportStatus.setText(shown);
                button.setText(recording ? "Stop CSV" : "Record CSV");
            });
        });
    }

    public UiExports exports() {
        return exports;
    }

    /** Sampler thread: player progress every tick, the stats panel once a second. */
    private void sample() {
        try {
            PlayerStatus status = playback.tick();
            if (ticks++ % (1000 / SAMPLE_MILLIS) != 0) {
                return;
            }
            StallTracker stalls = playback.stalls();
            var snapshot = playback.session().map(s -> s.snapshot()).orElse(null);
            exports.sample(snapshot);
            StatsSample sample = new StatsSample(snapshot, status, fx.bridge().stats(), stalls.count(),
                    stalls.total(playback.clock().instant()),
                    playback.session().map(s -> s.recentSegments(40)).orElse(List.of()),
                    session.trackerStatuses());
            UiThread.FX.execute(() -> statsModel.update(sample));
        } catch (RuntimeException e) {
            log.warn("stats sample failed: {}", e.toString());
        }
    }

    public PlayerViewModel playerModel() {
        return playerModel;
    }

    public StatsViewModel statsModel() {
        return statsModel;
    }

    public Optional<DemoStream> demo() {
        return session.demo();
    }

    public Playback playback() {
        return playback;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exports.close();
        playback.close();
        fx.close();
        session.close();
    }

    /** Playback as the player view model sees it. */
    private final class Controls implements PlaybackControls {
        @Override
        public CompletableFuture<?> open(URI url) {
            return playback.open(url);
        }

        @Override
        public void togglePause() {
            fx.bridge().togglePause();
        }

        @Override
        public void stop() {
            playback.stop();
        }

        @Override
        public void setVolume(int percent) {
            fx.bridge().setVolume(percent);
        }

        @Override
        public void setMuted(boolean muted) {
            fx.bridge().setMuted(muted);
        }
    }
}
