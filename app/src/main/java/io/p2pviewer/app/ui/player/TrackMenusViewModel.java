package io.p2pviewer.app.ui.player;

import io.p2pviewer.engine.TrackInfo;
import io.p2pviewer.player.MediaTracks;
import io.p2pviewer.player.TrackChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The state behind the quality, audio and subtitle menus. Quality: "Auto" (libVLC adapts among the master's
 * variants) or one variant of the master playlist, as the engine knows them (one swarm per variant: P2P follows).
 * Audio and subtitles: libVLC's track lists, which include the master's {@code EXT-X-MEDIA} renditions libVLC
 * reads. Lists are replaced only when they change, so an open menu is not rebuilt under the pointer. FX thread
 * only; {@link #update} is fed by the app's sampler.
 */
public final class TrackMenusViewModel {
    /** The quality menu's first item: adaptive. */
    public static final MenuChoice AUTO = new MenuChoice(-1, "Auto");

    private final PlayerChoices choices;
    private final ReadOnlyObjectWrapper<List<MenuChoice>> qualities = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper quality = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<List<MenuChoice>> audio = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper audioId = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<List<MenuChoice>> subtitles = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper subtitleId = new ReadOnlyIntegerWrapper(-1);

    public TrackMenusViewModel(PlayerChoices choices) {
        this.choices = choices;
    }

    /** The stream's variants (engine tracks with a bandwidth) and libVLC's tracks; empty lists when nothing plays. */
    public void update(List<TrackInfo> variants, MediaTracks tracks) {
        List<MenuChoice> q = new ArrayList<>();
        if (variants.size() > 1) {
            q.add(AUTO);
        }
        for (TrackInfo v : variants) {
            q.add(new MenuChoice(v.index(), qualityLabel(v)));
        }
        if (variants.size() <= 1) {
            q.clear(); // nothing to choose between
            quality.set(-1);
        }
        setIfChanged(qualities, q);
        setIfChanged(audio, menu(tracks.audio()));
        setIfChanged(subtitles, menu(tracks.subtitles()));
        audioId.set(tracks.audioId());
        subtitleId.set(tracks.subtitleId());
    }

    /** A quality chosen in the menu: {@link #AUTO}'s id or a variant's engine track. */
    public void selectQuality(int track) {
        if (track == quality.get()) {
            return;
        }
        quality.set(track);
        choices.selectVariant(track);
    }

    public void selectAudio(int id) {
        audioId.set(id);
        choices.selectAudio(id);
    }

    public void selectSubtitle(int id) {
        subtitleId.set(id);
        choices.selectSubtitle(id);
    }

    /** A new stream was opened: its quality starts at Auto. */
    public void streamOpened() {
        quality.set(-1);
    }

    /** "720p · 2.8 Mbit/s" (or the engine's name when there is no resolution). */
    static String qualityLabel(TrackInfo v) {
        String name = v.resolution() != null && v.resolution().contains("x")
                ? v.resolution().substring(v.resolution().indexOf('x') + 1) + "p" : v.name();
        return String.format(Locale.ROOT, "%s · %.1f Mbit/s", name, v.bandwidth() / 1_000_000.0);
    }

    private static List<MenuChoice> menu(List<TrackChoice> tracks) {
        return tracks.stream().map(t -> new MenuChoice(t.id(), t.name())).toList();
    }

    private static void setIfChanged(ReadOnlyObjectWrapper<List<MenuChoice>> list, List<MenuChoice> value) {
        if (!list.get().equals(value)) {
            list.set(List.copyOf(value));
        }
    }

    public ReadOnlyObjectProperty<List<MenuChoice>> qualitiesProperty() { return qualities.getReadOnlyProperty(); }
    /** The chosen quality: -1 for Auto, else the variant's engine track. */
    public ReadOnlyIntegerProperty qualityProperty() { return quality.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<MenuChoice>> audioProperty() { return audio.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty audioIdProperty() { return audioId.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<MenuChoice>> subtitlesProperty() { return subtitles.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty subtitleIdProperty() { return subtitleId.getReadOnlyProperty(); }
}
