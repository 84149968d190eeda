package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.CatchupUrl;
import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ChannelList;
import io.p2pviewer.app.channels.guide.Programme;
import io.p2pviewer.app.settings.Settings;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The programme guide in the main window, put together: the {@link GuideService}, now/next on the video (banner
 * and {@code i} overlay), and the grid window opened by the Guide button or the G key. Its seams: the open
 * playlist ({@link #setChannelList}) and the channel playing ({@link #playingProperty()}, which the sidebar
 * sets or binds); the grid plays a channel through the {@link ChannelPlayer} given. FX thread only.
 */
public final class GuideFeature implements AutoCloseable {
    private final GuideService service;
    private final Supplier<Settings.Sources> settings;
    private final ObjectProperty<Channel> playing = new SimpleObjectProperty<>(this, "playing");
    private final ObjectProperty<Programme> replaying = new SimpleObjectProperty<>(this, "replaying");
    private final NowNextViewModel nowNext;
    private final GuideGridModel grid;
    private final Timeline ticker;
    private GuideWindow window;

    public GuideFeature(GuideService service, Clock clock, ChannelPlayer player,
                        Supplier<Settings.Sources> settings) {
        this.service = service;
        this.settings = settings;
        this.nowNext = new NowNextViewModel(clock);
        this.grid = new GuideGridModel(clock, new ChannelPlayer() {
            @Override
            public void play(Channel c) {
                player.play(c);
                replaying.set(null);
                playing.set(c);
            }

            @Override
            public void replay(Channel c, Programme programme, CatchupUrl.Archive archive) {
                player.replay(c, programme, archive);
                replaying.set(programme);
                playing.set(c);
            }
        });
        nowNext.guideProperty().bind(service.guide());
        nowNext.playingProperty().bind(playing);
        nowNext.replayingProperty().bind(replaying);
        service.guide().addListener((o, a, b) -> grid.setGuide(b));
        grid.setGuide(service.guide().get());
        playing.addListener((o, a, b) -> grid.setPlaying(b, replaying.get()));
        replaying.addListener((o, a, b) -> grid.setPlaying(playing.get(), b));
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
            nowNext.refresh();
            grid.tick();
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /**
     * Puts the banner and the overlay on the video, the G key on the scene, and returns the Guide button for the
     * controls bar.
     *
     * @param addOnVideo   adds a node over the video
     * @param overlayShown whether the {@code i} overlay is shown
     */
    public Button install(Scene scene, Consumer<Node> addOnVideo, ObservableBooleanValue overlayShown) {
        addOnVideo.accept(new NowNextBanner(nowNext));
        addOnVideo.accept(new NowNextOverlay(nowNext, overlayShown));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.G && !e.isShortcutDown() && !e.isAltDown()
                    && !(e.getTarget() instanceof TextInputControl)) {
                openGrid(scene.getWindow());
                e.consume();
            }
        });
        Button button = new Button("Guide");
        button.setId("guideButton");
        button.setOnAction(e -> openGrid(scene.getWindow()));
        return button;
    }

    /** The open playlist: its channels become the grid's rows, its guides (and the settings') are read. */
    public void setChannelList(ChannelList list) {
        grid.setChannels(list.channels());
        Settings.Sources s = settings.get();
        service.setSources(list.guideUrls(), s.guides(), s.guideRefreshHours());
    }

    /** No playlist open: no rows, only the settings' guides. */
    public void clear() {
        grid.setChannels(List.of());
        Settings.Sources s = settings.get();
        service.setSources(List.of(), s.guides(), s.guideRefreshHours());
    }

    /** The channel playing: set or bound by what plays channels (the sidebar); the grid sets it too. */
    public ObjectProperty<Channel> playingProperty() {
        return playing;
    }

    /**
     * The past programme whose catch-up archive plays on the channel playing, null while it plays live: the grid
     * sets it; whoever opens anything else (the sidebar, the URL bar) clears it.
     */
    public ObjectProperty<Programme> replayingProperty() {
        return replaying;
    }

    /** The current guide, for the sidebar's now/next. */
    public ReadOnlyObjectProperty<io.p2pviewer.app.channels.guide.Guide> guideProperty() {
        return service.guide();
    }

    public GuideService service() {
        return service;
    }

    public NowNextViewModel nowNext() {
        return nowNext;
    }

    public GuideGridModel grid() {
        return grid;
    }

    /** Opens (or brings to front) the grid window. */
    public GuideWindow openGrid(Window owner) {
        if (window == null) {
            window = new GuideWindow(owner, grid, service);
        }
        window.show();
        return window;
    }

    /** Stops the refreshes and closes the grid window; any thread (the window closes on the FX thread). */
    @Override
    public void close() {
        service.close();
        io.p2pviewer.app.ui.UiThread.FX.execute(() -> {
            ticker.stop();
            if (window != null) {
                window.hide();
            }
        });
    }
}
