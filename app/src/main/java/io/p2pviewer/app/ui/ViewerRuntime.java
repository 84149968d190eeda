package io.p2pviewer.app.ui;

import io.p2pviewer.app.AppVersion;
import io.p2pviewer.app.demo.DemoStream;
import io.p2pviewer.app.playback.LocalNetworks;
import io.p2pviewer.app.playback.P2pSetup;
import io.p2pviewer.app.playback.Playback;
import io.p2pviewer.app.playback.PlayerDefaults;
import io.p2pviewer.app.playback.SessionFactory;
import io.p2pviewer.app.playback.SettingsP2pSetup;
import io.p2pviewer.app.settings.SettingsService;
import io.p2pviewer.app.settings.SettingsStore;
import io.p2pviewer.app.ui.settings.SettingsFeature;
import io.p2pviewer.app.ui.settings.Themes;
import io.p2pviewer.app.playback.StallTracker;
import io.p2pviewer.app.playback.ViewerSession;
import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.settings.XdgDirs;
import io.p2pviewer.app.ui.about.AboutView;
import io.p2pviewer.app.ui.channels.ChannelsFeature;
import io.p2pviewer.app.ui.channels.ChannelsViewModel;
import io.p2pviewer.app.ui.about.AboutViewModel;
import io.p2pviewer.app.ui.demo.DemoControlsView;
import io.p2pviewer.app.ui.demo.DemoControlsViewModel;
import io.p2pviewer.app.ui.demo.SwarmDemoStage;
import io.p2pviewer.app.ui.exports.ExportsView;
import io.p2pviewer.app.ui.exports.ExportsViewModel;
import io.p2pviewer.app.ui.exports.PlaybackExports;
import io.p2pviewer.app.ui.guide.GuideFeature;
import io.p2pviewer.app.ui.guide.GuideService;
import io.p2pviewer.app.ui.guide.XmltvGuideLoader;
import io.p2pviewer.app.ui.player.PlaybackControls;
import io.p2pviewer.app.ui.player.PlayerChoices;
import io.p2pviewer.app.ui.player.SeekBar;
import io.p2pviewer.app.ui.player.SeekViewModel;
import io.p2pviewer.app.ui.player.TrackMenus;
import io.p2pviewer.app.ui.player.TrackMenusViewModel;
import io.p2pviewer.app.ui.player.PlayerViewModel;
import io.p2pviewer.app.ui.stats.StatsSample;
import io.p2pviewer.app.ui.stats.StatsViewModel;
import io.p2pviewer.player.FxPlayer;
import io.p2pviewer.player.MediaTracks;
import io.p2pviewer.player.PlayerStatus;
import io.p2pviewer.player.VlcjPlayerBridge;
import io.p2pviewer.engine.time.ExecutorTaskScheduler;
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
    /** Replaced (FX thread) when the P2P settings change: the next stream opens on a new engine. */
    private volatile Playback playback;
    /** P2P settings changed in the dialog, applied when the next stream opens; null when none (FX thread). */
    private io.p2pviewer.app.settings.Settings.P2p pendingP2p;
    /** The catch-up archive the guide plays (FX thread), null while nothing is replayed. */
    private String replayingUrl;
    /** FX thread: completes when the last P2P restart is done (streams opened meanwhile wait for it). */
    private CompletableFuture<Void> restarted = CompletableFuture.completedFuture(null);
    private final PlayerViewModel playerModel;
    private final SeekViewModel seekModel = new SeekViewModel(new Choices());
    private final TrackMenusViewModel menusModel = new TrackMenusViewModel(new Choices());
    private final StatsViewModel statsModel = new StatsViewModel();
    private final ScheduledExecutorService sampler;
    private final PlaybackExports exports;
    private final ExportsViewModel exportsModel;
    private final GuideFeature guide;
    private final ExecutorTaskScheduler guideThread;
    private final XmltvGuideLoader guideLoader = new XmltvGuideLoader();
    private final ChannelsFeature channels;
    /** The window's one clock (the machine's zone: the guide shows local times). */
    private final Clock clock = Clock.systemDefaultZone();
    private long ticks;
    private final SettingsService settings;
    private final SettingsFeature settingsFeature;
    /** Whether the stream playing is live, read from the engine once a second (sampler thread). */
    private boolean liveStream;

    /** The window with default settings that are not saved (the ITs' windows: no user file read or written). */
    public ViewerRuntime(Stage stage, AppLaunch.Options options) throws IOException {
        this(stage, options, SettingsService.unsaved(io.p2pviewer.app.settings.Settings.DEFAULTS));
    }

    /** The window with its settings and caches in {@code dirs} (tests pass a temporary directory). */
    public ViewerRuntime(Stage stage, AppLaunch.Options options, XdgDirs dirs) throws IOException {
        this(stage, options, SettingsService.load(new SettingsStore(dirs.config(), Clock.systemUTC())), dirs.cache());
    }

    /**
     * The window with these settings (closed with the runtime); the app passes the user's, from
     * {@link SettingsStore#forUser}.
     */
    public ViewerRuntime(Stage stage, AppLaunch.Options options, SettingsService settings) throws IOException {
        this(stage, options, settings, XdgDirs.fromEnvironment().cache());
    }

    /** The window with these settings and this cache directory (channel logos). */
    public ViewerRuntime(Stage stage, AppLaunch.Options options, SettingsService settings, java.nio.file.Path cache)
            throws IOException {
        this.settings = settings;
        // A channel list given on the command line goes to the sidebar, not to the player.
        boolean listArgument = ChannelsViewModel.isPlaylistArgument(options.url());
        // The theme (AtlantaFX Primer Light or Dark, from the settings) is set by SettingsFeature below.
        Themes.apply(settings.get().appearance().theme());
        // P2P options on the command line win; without them the settings' P2P part is used.
        P2pSetup p2p = options.p2pGiven()
                ? P2pSetup.defaults(options.trackers(), options.webRtc(), options.trackerConnector())
                : new SettingsP2pSetup(settings.get().p2p());
        this.session = new SessionFactory(p2p, options.demoPeers()).start(listArgument ? null : options.url());
        Optional<DemoStream> demo = session.demo();
        var engine = session.startEngine();
        var playerOptions = PlayerDefaults.options(options.noAudio() ? "adummy" : "auto");
        if (demo.isPresent()) {
            playerOptions.addLibVlcArg(PlayerDefaults.DEMO_ARG);
        }
        this.fx = VlcjPlayerBridge.forJavaFx(playerOptions.build());
        this.playback = new Playback(engine, fx.bridge(), clock);
        this.playerModel = new PlayerViewModel(new Controls(), UiThread.FX);
        fx.bridge().addListener(e -> {
            var shown = e instanceof io.p2pviewer.player.PlayerEvent.Error error ? playback.explain(error) : e;
            UiThread.FX.execute(() -> playerModel.onPlayerEvent(shown));
        });
        fx.bridge().addListener(e -> {
            if (e instanceof io.p2pviewer.player.PlayerEvent.FirstFrame f) {
                log.info("first frame {} ms after play, {} ms after the app started", f.sincePlay().toMillis(),
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            }
        });
        MainWindow window = new MainWindow(stage, playerModel, statsModel, fx.view());
        this.channels = new ChannelsFeature(settings, cache,
                this::playChannel, clock);
        window.setSidebar(channels.view());
        // A channel list typed into the URL bar opens in the sidebar; an HLS playlist there still plays.
        playerModel.setListOpener(channels.model()::openGiven);
        window.addOnVideo(channels.numberIndicator());
        channels.installKeys(window.scene());
        if (demo.isPresent()) {
            var swarm = session.demoSwarm();
            boolean loopbackOnly = LocalNetworks.onlyLoopback();
            if (loopbackOnly && swarm.isPresent()) {
                log.warn("demo: this machine has no network interface besides loopback, which WebRTC ignores:"
                        + " the demo peers cannot connect, the demo shows CDN only");
            }
            window.addUnderUrlBar(new DemoControlsView(new DemoControlsViewModel(
                    new SwarmDemoStage(demo.get(), swarm.orElse(null)), swarm.isEmpty() ? 0 : options.demoPeers(),
                    loopbackOnly)));
        }
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-sampler");
            t.setDaemon(true);
            return t;
        });
        // Export JSON (Ctrl+E) and record CSV (Ctrl+R): buttons in the controls bar, file work on the sampler.
        this.exports = new PlaybackExports(() -> playback, session::notices);
        this.exportsModel = new ExportsViewModel(exports,
                ExportsViewModel.directory(System::getenv, System.getProperty("user.home")), clock,
                sampler, UiThread.FX);
        ExportsView exportsView = new ExportsView(exportsModel);
        window.addControls(exportsView, new AboutView(new AboutViewModel(AppVersion.current(),
                fx.bridge()::libVlcVersion, Runtime.version().toString())));
        exportsView.installShortcuts(window.scene());
        io.p2pviewer.app.ui.about.ShortcutsWindow.install(window.scene()); // F1 or ?: the keys
        // The programme guide: read on its own thread, now/next on the video, the grid (G); a channel chosen in
        // the grid plays with the channel's headers.
        this.guideThread = new ExecutorTaskScheduler("guide-loader", clock);
        this.guide = new GuideFeature(new GuideService(guideLoader, guideThread, UiThread.FX),
                clock, new GuidePlayer(), () -> settings.get().sources());
        // Anything opened but the archive the guide replays (the sidebar, the URL bar, the same channel live) ends
        // the replay: the banner and the grid then show the channel live again.
        playerModel.urlProperty().addListener((o, was, is) -> {
            if (!java.util.Objects.equals(is, replayingUrl)) {
                replayingUrl = null;
                guide.replayingProperty().set(null);
            }
        });
        window.addControls(guide.install(window.scene(), window::addOnVideo, statsModel.overlayVisibleProperty()));
        // The sidebar's playlists feed the guide (rows, x-tvg-url); the guide feeds the sidebar's now/next.
        channels.model().openChannelsProperty().addListener((o, was, is) -> {
            if (is != null) {
                guide.setChannelList(is);
            }
        });
        channels.model().playingProperty().addListener((o, was, is) -> guide.playingProperty().set(is));
        guide.guideProperty().addListener((o, was, is) -> channels.model().guideProperty().set(
                is == null ? null : is.store()));
        SeekBar seekBar = new SeekBar(seekModel);
        window.addAboveControls(seekBar);
        seekBar.installKeys(window.scene());
        window.addControls(new TrackMenus(menusModel), new io.p2pviewer.app.ui.player.AspectMenu(playerModel));
        fx.view().aspectProperty().bind(playerModel.aspectProperty());
        stage.titleProperty().unbind(); // a stage that held another runtime (the tests reuse theirs) follows this one
        if (demo.isPresent()) {
            stage.setTitle("P2P Viewer — demo");
        } else { // "News One — P2P Viewer", as players name what plays in the taskbar
            stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                    playerModel.titleProperty().get().isEmpty() ? "P2P Viewer"
                            : playerModel.titleProperty().get() + " — P2P Viewer", playerModel.titleProperty()));
        }
        stage.setScene(window.scene());
        this.settingsFeature = SettingsFeature.install(stage, window.scene(), settings, playerModel, statsModel,
                window::addUnderUrlBar);
        window.addControls(settingsFeature.button());
        sampler.scheduleWithFixedDelay(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        String url = demo.map(d -> d.masterUri().toString()).orElse(listArgument ? null : options.url());
        channels.model().start(listArgument ? options.url() : null, url == null || url.isBlank());
        // P2P settings changed in the dialog apply to the next stream opened (not with command-line P2P options,
        // which win for the run, nor in the demo, whose swarm brings its own tracker).
        if (!options.p2pGiven() && demo.isEmpty()) {
            settings.current().addListener((o, was, is) -> {
                if (!is.p2p().equals(was.p2p())) {
                    pendingP2p = is.p2p();
                }
            });
        }
        if (url != null && !url.isBlank()) {
            playerModel.urlProperty().set(url);
            playerModel.open();
        }
    }

    /**
     * Sampler thread (off the FX thread: closing peer connections and the tracker socket takes a while): stops what
     * plays, restarts the engine and P2P stack with {@code p2p} and plays through a new {@link Playback} from now on.
     */
    private void applyP2p(io.p2pviewer.app.settings.Settings.P2p p2p) {
        java.time.Instant started = clock.instant();
        playback.close();
        try {
            var engine = session.restartEngine(new SettingsP2pSetup(p2p));
            playback = new Playback(engine, fx.bridge(), clock);
            log.info("P2P settings applied in {} ms: P2P {}", java.time.Duration.between(started, clock.instant()).toMillis(),
                    engine.config().p2p() == null ? "off" : "on");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the new P2P settings could not be applied: " + e.getMessage(), e);
        }
    }

    /** Whether the engine running delivers with peers (false: CDN only). */
    public boolean p2pActive() {
        return session.engine().map(e -> e.config().p2p() != null).orElse(false);
    }

    /** The video's view (tests read how it shows the picture). */
    public io.p2pviewer.player.FxVideoView videoView() {
        return fx.view();
    }

    /** The programme guide: the seam for the open playlist and the channel playing. */
    public GuideFeature guide() {
        return guide;
    }

    /** Plays a channel of the sidebar with its HTTP headers. */
    private void playChannel(Channel channel) {
        playerModel.openChannel(channel.name(), channel.url(), channel.headers());
    }

    public ChannelsViewModel channelsModel() {
        return channels.model();
    }

    public ExportsViewModel exports() {
        return exportsModel;
    }

    /** Sampler thread: player progress every tick, the stats panel once a second. */
    private void sample() {
        try {
            PlayerStatus status = playback.tick();
            MediaTracks tracks = fx.bridge().tracks();
            boolean playing = playback.session().isPresent() && (status.state().expectsProgress()
                    || status.state() == io.p2pviewer.player.PlayerState.PAUSED);
            boolean live = liveStream;
            UiThread.FX.execute(() -> seekModel.update(playing, live, status.timeMillis(), status.lengthMillis(),
                    tracks.seekable()));
            if (ticks++ % (1000 / SAMPLE_MILLIS) != 0) {
                return;
            }
            liveStream = playback.isLive();
            var variants = playback.variants();
            UiThread.FX.execute(() -> menusModel.update(variants, tracks));
            StallTracker stalls = playback.stalls();
            var snapshot = playback.session().map(s -> s.snapshot()).orElse(null);
            exports.sample(snapshot);
            StatsSample sample = new StatsSample(snapshot, status, fx.bridge().stats(), stalls.count(),
                    stalls.total(playback.clock().instant()),
                    playback.session().map(s -> s.recentSegments(40)).orElse(List.of()),
                    session.trackerStatuses(), session.notices());
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
        guide.close();
        guideThread.close();
        guideLoader.close();
        exports.close();
        channels.close();
        playback.close();
        fx.close();
        session.close();
        settings.close();
    }

    /** The app's settings (the other features read and update their areas through it). */
    public SettingsService settings() {
        return settings;
    }

    public SettingsFeature settingsFeature() {
        return settingsFeature;
    }

    /** Seeking and the track menus' choices, on playback and the player (each returns at once). */
    private final class Choices implements PlayerChoices {
        @Override
        public void seek(long timeMillis) {
            playback.seek(timeMillis);
        }

        @Override
        public void goLive() {
            playback.current().ifPresent(c -> playback.open(c.url(), c.headers(), c.swarmQualifier()));
        }

        @Override
        public void selectVariant(int track) {
            sampler.execute(() -> {
                try {
                    playback.selectVariant(track);
                } catch (RuntimeException e) {
                    log.warn("quality change failed: {}", e.getMessage());
                }
            });
        }

        @Override
        public void selectAudio(int id) {
            fx.bridge().selectAudioTrack(id);
        }

        @Override
        public void selectSubtitle(int id) {
            fx.bridge().selectSubtitleTrack(id);
        }
    }

    public SeekViewModel seekModel() {
        return seekModel;
    }

    public TrackMenusViewModel menusModel() {
        return menusModel;
    }

    /**
     * What the guide grid plays: a channel live with its headers, or a past programme's catch-up archive, named
     * "News One · Evening News (catch-up 19:00)" and in a swarm of its own.
     */
    private final class GuidePlayer implements io.p2pviewer.app.ui.guide.ChannelPlayer {
        @Override
        public void play(Channel channel) {
            playerModel.openChannel(channel.name(), channel.url(), channel.headers());
        }

        @Override
        public void replay(Channel channel, io.p2pviewer.app.channels.guide.Programme programme,
                           io.p2pviewer.app.channels.CatchupUrl.Archive archive) {
            replayingUrl = archive.url();
            String at = java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ROOT)
                    .format(programme.start().atZone(clock.getZone()));
            // Titles and names come from the provider's guide and list: no line breaks in the log.
            log.info("catch-up of '{}' on {} from {}", programme.title().replaceAll("\\p{Cntrl}", " "),
                    channel.name().replaceAll("\\p{Cntrl}", " "), programme.start());
            playerModel.openArchive(channel.name() + " \u00B7 " + programme.title() + " (catch-up " + at + ")",
                    archive.url(), channel.headers(), archive.swarmQualifier());
        }
    }

    /** Playback as the player view model sees it. */
    private final class Controls implements PlaybackControls {
        @Override
        public CompletableFuture<?> open(URI url, io.p2pviewer.engine.http.RequestHeaders headers,
                                         String swarmQualifier) {
            menusModel.streamOpened();
            if (pendingP2p != null) {
                var p2p = pendingP2p;
                pendingP2p = null;
                CompletableFuture<Void> restart = restarted.thenRunAsync(() -> applyP2p(p2p), sampler);
                restarted = restart.exceptionally(e -> {
                    log.warn("{}", e.getCause() == null ? e.toString() : e.getCause().getMessage());
                    return null;
                });
                return restart.thenCompose(v -> playback.open(url, headers, swarmQualifier));
            }
            // A stream opened while P2P restarts waits for it (at once when none runs).
            return restarted.thenCompose(v -> playback.open(url, headers, swarmQualifier));
        }

        @Override
        public void togglePause() {
            fx.bridge().togglePause();
        }

        @Override
        public boolean setRate(double rate) {
            if (!fx.bridge().tracks().seekable()) {
                return false; // live: it cannot play faster than it is made
            }
            fx.bridge().setRate(rate);
            return true;
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
