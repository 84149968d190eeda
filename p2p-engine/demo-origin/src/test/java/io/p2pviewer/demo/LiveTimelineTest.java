package io.p2pviewer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveTimelineTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration SLOT = Duration.ofSeconds(2);

    @Test
    void windowIsFullAtStart() {
        LiveTimeline timeline = LiveTimeline.startingAt(START, 8, SLOT);

        assertThat(timeline.edge(START)).isEqualTo(7);
        assertThat(timeline.window(START)).isEqualTo(new SequenceRange(0, 7));
    }

    @Test
    void edgeAdvancesOncePerSlot() {
        LiveTimeline timeline = LiveTimeline.startingAt(START, 8, SLOT);

        assertThat(timeline.edge(START.plusMillis(1999))).isEqualTo(7);
        assertThat(timeline.edge(START.plusMillis(2000))).isEqualTo(8);
        assertThat(timeline.window(START.plusSeconds(20))).isEqualTo(new SequenceRange(10, 17));
    }

    @Test
    void clockGoingBackKeepsTheFirstWindow() {
        LiveTimeline timeline = LiveTimeline.startingAt(START, 8, SLOT);

        assertThat(timeline.window(START.minusSeconds(3600))).isEqualTo(new SequenceRange(0, 7));
    }

    @Test
    void servableKeepsThirtyOlderSegmentsButNothingBeforeZero() {
        LiveTimeline timeline = LiveTimeline.startingAt(START, 8, SLOT);

        assertThat(timeline.servable(START.plusSeconds(20))).isEqualTo(new SequenceRange(0, 17));
        assertThat(timeline.servable(START.plusSeconds(200))).isEqualTo(new SequenceRange(100 - 30, 107));
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> LiveTimeline.startingAt(START, 0, SLOT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveTimeline.startingAt(START, 8, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
