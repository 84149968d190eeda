package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.Programme;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Now and next on the channel playing, for the banner shown on a channel change and the {@code i} overlay: the
 * channel's number and name, the two programmes with their times in the clock's zone, and the share of the
 * running one past. A change of channel shows the banner; the view hides it after {@link #BANNER_TIME}. FX
 * thread only; {@link #refresh()} is called as time passes.
 */
public final class NowNextViewModel {
    /** How long the banner stays after a channel change. */
    public static final Duration BANNER_TIME = Duration.ofSeconds(4);

    private final Clock clock;
    private final ObjectProperty<Guide> guide = new SimpleObjectProperty<>(this, "guide", Guide.empty());
    private final ObjectProperty<Channel> playing = new SimpleObjectProperty<>(this, "playing");
    private final ObjectProperty<Programme> replaying = new SimpleObjectProperty<>(this, "replaying");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper now = new ReadOnlyStringWrapper(this, "now", "");
    private final ReadOnlyStringWrapper next = new ReadOnlyStringWrapper(this, "next", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper hasChannel = new ReadOnlyBooleanWrapper(this, "hasChannel");
    private final ReadOnlyBooleanWrapper bannerVisible = new ReadOnlyBooleanWrapper(this, "bannerVisible");
    private final ReadOnlyStringWrapper overlay = new ReadOnlyStringWrapper(this, "overlay", "");

    public NowNextViewModel(Clock clock) {
        this.clock = clock;
        guide.addListener((o, a, b) -> refresh());
        playing.addListener((o, a, b) -> {
            refresh();
            bannerVisible.set(b != null);
        });
        replaying.addListener((o, a, b) -> {
            refresh();
            bannerVisible.set(b != null || bannerVisible.get());
        });
    }

    /**
     * The past programme whose catch-up archive plays on the channel playing, or null for the live channel: the
     * banner and the overlay then say "Catch-up 19:00–19:30  Title" and what runs live.
     */
    public ObjectProperty<Programme> replayingProperty() {
        return replaying;
    }

    /** The guide (bound to the guide service's). */
    public ObjectProperty<Guide> guideProperty() {
        return guide;
    }

    /** The channel playing (set by whoever plays channels: the sidebar, the guide grid). */
    public ObjectProperty<Channel> playingProperty() {
        return playing;
    }

    /** Recomputes for the clock's now. */
    public void refresh() {
        Channel c = playing.get();
        hasChannel.set(c != null);
        if (c == null) {
            title.set("");
            now.set("");
            next.set("");
            progress.set(0);
            overlay.set("");
            return;
        }
        NowNext nn = NowNext.of(guide.get() == null ? Guide.empty() : guide.get(), c, clock.instant());
        Programme archive = replaying.get();
        String first = archive == null ? nn.nowLine(clock.getZone())
                : NowNext.line("Catch-up", Optional.of(archive), clock.getZone());
        String second = archive == null ? nn.nextLine(clock.getZone())
                : NowNext.line("Live now", nn.now(), clock.getZone());
        title.set(nn.title());
        now.set(first);
        next.set(second);
        progress.set(archive == null ? nn.progress() : 0);
        overlay.set(nn.title() + "\n" + first + "\n" + second);
    }

    /** Hides the banner (its time is up). */
    public void hideBanner() {
        bannerVisible.set(false);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextProperty() {
        return next.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasChannelProperty() {
        return hasChannel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bannerVisibleProperty() {
        return bannerVisible.getReadOnlyProperty();
    }

    /** Three lines for the {@code i} overlay: channel, now, next; empty with no channel. */
    public ReadOnlyStringProperty overlayProperty() {
        return overlay.getReadOnlyProperty();
    }
}
