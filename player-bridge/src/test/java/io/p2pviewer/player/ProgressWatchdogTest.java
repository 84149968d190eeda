package io.p2pviewer.player;

import io.p2pviewer.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgressWatchdogTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(8);
    private static final Duration TICK = Duration.ofMillis(250);

    private final FakeClock clock = new FakeClock();
    private final ProgressWatchdog watchdog = new ProgressWatchdog(TIMEOUT);

    @BeforeEach
    void start() {
        watchdog.start(clock.instant());
    }

    @Test
    void reportsAStallWhenNothingMovesForTheTimeout() {
        Optional<ProgressWatchdog.Stall> stall = runFor(TIMEOUT, 0, 0, PlayerState.PLAYING);

        assertThat(stall).hasValueSatisfying(s -> {
            assertThat(s.duration()).isEqualTo(TIMEOUT);
            assertThat(s.frames()).isZero();
            assertThat(s.timeMillis()).isZero();
            assertThat(s.state()).isEqualTo(PlayerState.PLAYING);
        });
    }

    @Test
    void staysQuietJustBeforeTheTimeout() {
        assertThat(runFor(TIMEOUT.minus(TICK), 0, 0, PlayerState.PLAYING)).isEmpty();
    }

    @Test
    void reportsEachStallOnlyOnce() {
        assertThat(runFor(TIMEOUT, 0, 0, PlayerState.PLAYING)).isPresent();

        assertThat(runFor(TIMEOUT.multipliedBy(3), 0, 0, PlayerState.PLAYING)).isEmpty();
    }

    @Test
    void newFramesKeepItQuiet() {
        long frames = 0;
        for (int i = 0; i < 100; i++) {
            clock.elapse(TICK);
            frames += 6;
            assertThat(watchdog.check(clock.instant(), frames, 0, PlayerState.PLAYING)).isEmpty();
        }
    }

    @Test
    void advancingTimeAloneKeepsItQuiet() {
        long time = 0;
        for (int i = 0; i < 100; i++) {
            clock.elapse(TICK);
            time += 250;
            assertThat(watchdog.check(clock.instant(), 0, time, PlayerState.PLAYING)).isEmpty();
        }
    }

    @Test
    void reArmsAfterProgressAndReportsTheNextStall() {
        assertThat(runFor(TIMEOUT, 10, 400, PlayerState.PLAYING)).isEmpty();
        assertThat(runFor(TIMEOUT, 10, 400, PlayerState.PLAYING)).isPresent();

        clock.elapse(TICK);
        assertThat(watchdog.check(clock.instant(), 11, 440, PlayerState.PLAYING)).isEmpty();

        assertThat(runFor(TIMEOUT, 11, 440, PlayerState.PLAYING))
                .hasValueSatisfying(s -> assertThat(s.frames()).isEqualTo(11));
    }

    @Test
    void watchesOpeningAndBufferingToo() {
        assertThat(runFor(TIMEOUT, 0, 0, PlayerState.OPENING)).isPresent();
        watchdog.start(clock.instant());
        assertThat(runFor(TIMEOUT, 0, 0, PlayerState.BUFFERING)).isPresent();
    }

    @Test
    void timeSpentPausedDoesNotCount() {
        assertThat(runFor(TIMEOUT.minusSeconds(1), 5, 200, PlayerState.PLAYING)).isEmpty();
        assertThat(runFor(TIMEOUT.multipliedBy(4), 5, 200, PlayerState.PAUSED)).isEmpty();

        assertThat(runFor(TIMEOUT.minus(TICK), 5, 200, PlayerState.PLAYING)).isEmpty();
        clock.elapse(TICK);
        assertThat(watchdog.check(clock.instant(), 5, 200, PlayerState.PLAYING)).isPresent();
    }

    @Test
    void endedStoppedAndErrorStatesAreNotWatched() {
        for (PlayerState state : new PlayerState[] {PlayerState.ENDED, PlayerState.STOPPED, PlayerState.ERROR,
                PlayerState.IDLE}) {
            watchdog.start(clock.instant());
            assertThat(runFor(TIMEOUT.multipliedBy(2), 0, 0, state)).as(state.name()).isEmpty();
        }
    }

    @Test
    void aSuppressedStallIsNotReported() {
        runFor(Duration.ofSeconds(2), 0, 0, PlayerState.PLAYING);
        watchdog.suppressCurrentStall();

        assertThat(runFor(TIMEOUT.multipliedBy(2), 0, 0, PlayerState.PLAYING)).isEmpty();
    }

    @Test
    void aDisarmedWatchdogSaysNothingUntilRestarted() {
        watchdog.disarm();
        assertThat(runFor(TIMEOUT.multipliedBy(2), 0, 0, PlayerState.PLAYING)).isEmpty();

        watchdog.start(clock.instant());
        assertThat(runFor(TIMEOUT, 0, 0, PlayerState.PLAYING)).isPresent();
    }

    @Test
    void negativeTimeCountsAsZero() {
        assertThat(runFor(TIMEOUT, 0, -1, PlayerState.OPENING))
                .hasValueSatisfying(s -> assertThat(s.timeMillis()).isZero());
    }

    @Test
    void rejectsANonPositiveTimeout() {
        assertThatThrownBy(() -> new ProgressWatchdog(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProgressWatchdog(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Ticks every 250 ms for the duration with fixed observations; returns the first stall reported. */
    private Optional<ProgressWatchdog.Stall> runFor(Duration duration, long frames, long timeMillis,
                                                    PlayerState state) {
        Optional<ProgressWatchdog.Stall> first = Optional.empty();
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(duration) < 0; elapsed = elapsed.plus(TICK)) {
            clock.elapse(TICK);
            Optional<ProgressWatchdog.Stall> stall = watchdog.check(clock.instant(), frames, timeMillis, state);
            if (first.isEmpty()) {
                first = stall;
            } else {
                assertThat(stall).as("a second report within one stall").isEmpty();
            }
        }
        return first;
    }
}
