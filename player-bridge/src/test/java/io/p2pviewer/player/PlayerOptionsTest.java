package io.p2pviewer.player;

import io.p2pviewer.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlayerOptionsTest {

    @Test
    void defaultsAreHeadlessWithAnEightSecondWatchdog() {
        PlayerOptions options = PlayerOptions.defaults();

        assertThat(options.audioOutput()).isEqualTo("adummy");
        assertThat(options.noProgressTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(options.networkCachingMillis()).isEqualTo(1000);
        assertThat(options.libVlcArgs()).containsExactly(
                "--quiet", "--no-video-title-show", "--aout=adummy", "--network-caching=1000");
    }

    @Test
    void extrasComeLastAndAutoAudioPassesNoAout() {
        PlayerOptions options = PlayerOptions.builder()
                .audioOutput("auto")
                .networkCachingMillis(300)
                .addLibVlcArg("--adaptive-livedelay=6000")
                .build();

        assertThat(options.libVlcArgs()).containsExactly(
                "--quiet", "--no-video-title-show", "--network-caching=300", "--adaptive-livedelay=6000");
    }

    @Test
    void toBuilderKeepsEverything() {
        FakeClock clock = new FakeClock();
        PlayerOptions options = PlayerOptions.builder().audioOutput("pulse").addLibVlcArg("--no-lua")
                .noProgressTimeout(Duration.ofSeconds(5)).networkCachingMillis(0).clock(clock).build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.toBuilder().extraLibVlcArgs(List.of()).build().extraLibVlcArgs()).isEmpty();
    }

    @Test
    void rejectsBadValuesWithClearMessages() {
        assertThatThrownBy(() -> PlayerOptions.builder().addLibVlcArg("quiet").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--name");
        assertThatThrownBy(() -> PlayerOptions.builder().addLibVlcArg("--").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayerOptions.builder().audioOutput("pulse --foo").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audioOutput");
        assertThatThrownBy(() -> PlayerOptions.builder().noProgressTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noProgressTimeout");
        assertThatThrownBy(() -> PlayerOptions.builder().networkCachingMillis(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("networkCachingMillis");
        assertThatThrownBy(() -> PlayerOptions.builder().clock(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("clock");
    }

    @Test
    void theArgListCannotBeModified() {
        assertThatThrownBy(() -> PlayerOptions.defaults().libVlcArgs().add("--x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> PlayerOptions.defaults().extraLibVlcArgs().add("--x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
