package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.SourceOpener;
import io.p2pviewer.app.settings.SettingsAccess;
import io.p2pviewer.app.ui.UiThread;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The channel list feature as the window uses it: its view model, sidebar, number indicator, zapping keys and
 * the threads behind them ({@code channels-io} for playlists and the settings file, {@code channels-search}
 * for filtering, the logo threads). Built and used on the FX thread; {@link #close()} stops its threads.
 */
public final class ChannelsFeature implements AutoCloseable {
    /** Made on the io thread when the first playlist is read (an OkHttp client is not free to build). */
    private volatile SourceOpener opener;
    private final ExecutorService io = Executors.newSingleThreadExecutor(daemon("channels-io"));
    private final ExecutorService search = Executors.newSingleThreadExecutor(daemon("channels-search"));
    private final LogoCache logos;
    private final ChannelsViewModel model;
    private final ChannelsView view;
    private final Label indicator = new Label();

    /**
     * @param settings where favourites, recents and playlists are saved
     * @param cacheDir the app's cache directory (logos go under {@code logos/})
     * @param player   plays a channel
     */
    public ChannelsFeature(SettingsAccess settings, Path cacheDir, ChannelPlayer player, Clock clock) {
        this.logos = new LogoCache(cacheDir, ChannelCell.LOGO, UiThread.FX);
        this.model = new ChannelsViewModel(source -> PlaylistLoader.of(opener()).load(source), settings, player, io, search, UiThread.FX,
                ChannelsFeature::fxDelay, clock);
        this.view = new ChannelsView(model, logos);
        indicator.setId("channelNumberIndicator");
        indicator.setStyle("-fx-background-color: rgba(0,0,0,0.75); -fx-text-fill: white; -fx-font-size: 36px;"
                + " -fx-padding: 6 16 6 16; -fx-background-radius: 6;");
        indicator.textProperty().bind(model.typedNumberProperty());
        indicator.visibleProperty().bind(model.typedNumberProperty().isNotEmpty());
        indicator.setMouseTransparent(true);
        StackPane.setAlignment(indicator, Pos.TOP_RIGHT);
    }

    private SourceOpener opener() {
        SourceOpener o = opener;
        if (o == null) {
            opener = o = new SourceOpener(); // io thread only: no race
        }
        return o;
    }

    public ChannelsViewModel model() {
        return model;
    }

    /** The sidebar. */
    public ChannelsView view() {
        return view;
    }

    /** The typed channel number, to lay over the video (top right). */
    public Node numberIndicator() {
        return indicator;
    }

    /** Installs the zapping keys on the window's scene. */
    public void installKeys(Scene scene) {
        ZapKeys.install(scene, model);
    }

    private static Runnable fxDelay(java.time.Duration after, Runnable task) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(after.toMillis()));
        pause.setOnFinished(e -> task.run());
        pause.play();
        return pause::stop;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        search.shutdownNow();
        io.shutdown(); // let a settings write in progress finish
        try {
            io.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.shutdownNow();
        logos.close();
        SourceOpener o = opener;
        if (o != null) {
            o.close();
        }
    }
}
