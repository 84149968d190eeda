package io.p2pviewer.app.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeekViewModelTest {
    private final RecordingChoices choices = new RecordingChoices();
    private final SeekViewModel model = new SeekViewModel(choices);

    @Test
    void onDemandShowsPositionAndDurationAndNoLiveBadge() {
        model.update(true, false, 65_000, 3_725_000, true);

        assertThat(model.onDemandProperty().get()).isTrue();
        assertThat(model.liveProperty().get()).isFalse();
        assertThat(model.positionTextProperty().get()).isEqualTo("1:05");
        assertThat(model.durationTextProperty().get()).isEqualTo("1:02:05");
        assertThat(model.fractionProperty().get()).isCloseTo(65_000 / 3_725_000.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void clickSeeksToTheFractionOfTheDuration() {
        model.update(true, false, 0, 120_000, true);

        model.seekToFraction(0.25);
        model.seekToFraction(1.7);

        assertThat(choices.calls).containsExactly("seek 30000", "seek 120000");
        assertThat(model.positionTextProperty().get()).isEqualTo("2:00");
    }

    @Test
    void arrowStepsAreClampedToTheMedia() {
        model.update(true, false, 5_000, 100_000, true);

        assertThat(model.seekBy(-SeekViewModel.STEP_MILLIS)).isTrue();
        assertThat(model.seekBy(SeekViewModel.BIG_STEP_MILLIS)).isTrue();
        assertThat(model.seekBy(SeekViewModel.BIG_STEP_MILLIS)).isTrue();

        assertThat(choices.calls).containsExactly("seek 0", "seek 60000", "seek 100000");
    }

    @Test
    void whileDraggingProgressDoesNotMoveTheThumb() {
        model.update(true, false, 10_000, 100_000, true);
        model.setDragging(true);
        model.update(true, false, 11_000, 100_000, true);
        assertThat(model.fractionProperty().get()).isEqualTo(0.1);
        model.setDragging(false);
        model.update(true, false, 12_000, 100_000, true);
        assertThat(model.fractionProperty().get()).isEqualTo(0.12);
    }

    @Test
    void aMediaThatCannotSeekIgnoresSeeks() {
        model.update(true, false, 5_000, 100_000, false);

        model.seekToFraction(0.5);
        assertThat(model.seekBy(10_000)).isFalse();

        assertThat(choices.calls).isEmpty();
    }

    @Test
    void liveShowsTheBadgeSeeksBackAndGoesLive() {
        model.update(true, true, 40_000, 16_000, true);
        assertThat(model.liveProperty().get()).isTrue();
        assertThat(model.onDemandProperty().get()).isFalse();
        assertThat(model.behindLiveProperty().get()).isFalse();
        assertThat(model.seekBy(10_000)).as("forward at the live edge").isFalse();

        assertThat(model.seekBy(-10_000)).isTrue();
        assertThat(model.behindLiveProperty().get()).isTrue();
        model.goLive();

        assertThat(choices.calls).containsExactly("seek 30000", "goLive");
        assertThat(model.behindLiveProperty().get()).isFalse();
    }

    @Test
    void nothingPlayingHidesEverything() {
        model.update(false, false, 0, 0, false);
        assertThat(model.liveProperty().get()).isFalse();
        assertThat(model.onDemandProperty().get()).isFalse();
        assertThat(model.positionTextProperty().get()).isEmpty();
    }
}
