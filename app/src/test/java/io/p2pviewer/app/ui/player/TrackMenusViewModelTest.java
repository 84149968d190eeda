package io.p2pviewer.app.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.TrackInfo;
import io.p2pviewer.player.MediaTracks;
import io.p2pviewer.player.TrackChoice;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackMenusViewModelTest {
    private static final URI ORIGIN = URI.create("http://origin.example/v.m3u8");
    private static final List<TrackInfo> VARIANTS = List.of(
            new TrackInfo(0, "360p", ORIGIN, 800_000, "640x360", true),
            new TrackInfo(2, "720p", ORIGIN, 2_800_000, "1280x720", true));
    private static final MediaTracks TRACKS = new MediaTracks(true,
            List.of(new TrackChoice(-1, "Disable"), new TrackChoice(1, "English"), new TrackChoice(2, "Deutsch")), 1,
            List.of(new TrackChoice(-1, "Disable"), new TrackChoice(5, "English CC")), -1);

    private final RecordingChoices choices = new RecordingChoices();
    private final TrackMenusViewModel model = new TrackMenusViewModel(choices);

    @Test
    void qualityOffersAutoThenEachVariant() {
        model.update(VARIANTS, TRACKS);

        assertThat(model.qualitiesProperty().get()).extracting(MenuChoice::label)
                .containsExactly("Auto", "360p · 0.8 Mbit/s", "720p · 2.8 Mbit/s");
        assertThat(model.qualityProperty().get()).isEqualTo(-1);
    }

    @Test
    void choosingAVariantPinsItAndAutoUnpins() {
        model.update(VARIANTS, TRACKS);

        model.selectQuality(2);
        model.selectQuality(2);
        model.selectQuality(-1);

        assertThat(choices.calls).containsExactly("variant 2", "variant -1");
        assertThat(model.qualityProperty().get()).isEqualTo(-1);
    }

    @Test
    void aLoneVariantOffersNoQualityChoice() {
        model.update(VARIANTS.subList(0, 1), MediaTracks.NONE);
        assertThat(model.qualitiesProperty().get()).isEmpty();
    }

    @Test
    void audioAndSubtitlesComeFromLibVlcsTrackLists() {
        model.update(VARIANTS, TRACKS);

        assertThat(model.audioProperty().get()).extracting(MenuChoice::label)
                .containsExactly("Disable", "English", "Deutsch");
        assertThat(model.audioIdProperty().get()).isEqualTo(1);
        assertThat(model.subtitlesProperty().get()).extracting(MenuChoice::id).containsExactly(-1, 5);

        model.selectAudio(2);
        model.selectSubtitle(5);
        assertThat(choices.calls).containsExactly("audio 2", "subtitle 5");
    }

    @Test
    void anUnchangedListIsNotReplaced() {
        model.update(VARIANTS, TRACKS);
        List<MenuChoice> first = model.audioProperty().get();
        model.update(VARIANTS, TRACKS);
        assertThat(model.audioProperty().get()).isSameAs(first);
    }

    @Test
    void aNewStreamStartsAtAuto() {
        model.update(VARIANTS, TRACKS);
        model.selectQuality(0);
        model.streamOpened();
        assertThat(model.qualityProperty().get()).isEqualTo(-1);
    }
}
