package io.p2pviewer.app.ui.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The grid's geometry: time to pixels in the local zone, visible rows, scrolling into view. */
class GuideGridLayoutTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final GuideGridLayout layout = GuideGridLayout.days(BERLIN, LocalDate.of(2026, 12, 5), 7);

    @Test
    void theGridStartsAtLocalMidnightAndTimeMapsToPixelsBothWays() {
        assertThat(layout.start()).isEqualTo(Instant.parse("2026-12-04T23:00:00Z"));
        assertThat(layout.contentWidth()).isEqualTo(7 * 24 * 60 * 4);
        Instant noon = Instant.parse("2026-12-05T11:00:00Z"); // 12:00 in Berlin
        assertThat(layout.x(noon)).isEqualTo(12 * 60 * 4);
        assertThat(layout.time(layout.x(noon))).isEqualTo(noon);
    }

    @Test
    void aDayWhenClocksGoBackHasTwentyFiveHours() {
        GuideGridLayout autumn = GuideGridLayout.days(BERLIN, LocalDate.of(2026, 10, 25), 1);
        assertThat(autumn.contentWidth()).isEqualTo(25 * 60 * 4);
        assertThat(autumn.hours(autumn.start(), autumn.end())).hasSize(26);
    }

    @Test
    void visibleRowsAreThoseTheViewportTouches() {
        double h = layout.rowHeight();
        assertThat(layout.firstVisibleRow(0)).isZero();
        assertThat(layout.lastVisibleRow(0, 10 * h, 2000)).isEqualTo(9);
        assertThat(layout.firstVisibleRow(100.5 * h)).isEqualTo(100);
        assertThat(layout.lastVisibleRow(100.5 * h, 10 * h, 2000)).isEqualTo(110);
        assertThat(layout.lastVisibleRow(1995 * h, 10 * h, 2000)).isEqualTo(1999);
        assertThat(layout.lastVisibleRow(0, 10 * h, 0)).isEqualTo(-1);
        assertThat(layout.rowAt(3.5 * h, 2000)).isEqualTo(3);
        assertThat(layout.rowAt(-1, 2000)).isEqualTo(-1);
        assertThat(layout.rowAt(2000 * h, 2000)).isEqualTo(-1);
    }

    @Test
    void scrollingBringsARowAndATimeIntoViewWithinTheContent() {
        double h = layout.rowHeight();
        assertThat(layout.scrollYCentring(1000, 11 * h, 2000)).isEqualTo(995 * h);
        assertThat(layout.scrollYCentring(0, 11 * h, 2000)).isZero();
        assertThat(layout.scrollYCentring(1999, 11 * h, 2000)).isEqualTo(1989 * h);
        assertThat(layout.scrollYShowing(5, 0, 10 * h, 2000)).isZero();
        assertThat(layout.scrollYShowing(12, 0, 10 * h, 2000)).isEqualTo(3 * h);
        assertThat(layout.scrollYShowing(2, 5 * h, 10 * h, 2000)).isEqualTo(2 * h);
        Instant noon = Instant.parse("2026-12-05T11:00:00Z");
        assertThat(layout.scrollXShowing(noon, 800)).isCloseTo(12 * 240 - 200, within(1e-9));
        assertThat(layout.scrollXShowing(layout.end(), 800)).isEqualTo(layout.maxScrollX(800));
    }
}
