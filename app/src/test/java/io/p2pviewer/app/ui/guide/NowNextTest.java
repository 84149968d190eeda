package io.p2pviewer.app.ui.guide;

import static io.p2pviewer.app.ui.guide.GuideTestData.channel;
import static io.p2pviewer.app.ui.guide.GuideTestData.guide;
import static io.p2pviewer.app.ui.guide.GuideTestData.programme;
import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.guide.Guide;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Now/next on a channel and its times in the machine's zone, whatever offset the guide wrote. */
class NowNextTest {
    // 12:00-13:00 at +0100 is 11:00-12:00 UTC; the next one is written at -0500.
    private static final Guide GUIDE = guide(
            programme("one.example", "20261205120000 +0100", "20261205130000 +0100", "Noon news")
                    + programme("one.example", "20261205070000 -0500", "20261205073000 -0500", "Weather"));
    private static final Channel ONE = channel("One", "one.example", "7");

    @Test
    void nowNextAndProgressAtAMoment() {
        NowNext nn = NowNext.of(GUIDE, ONE, Instant.parse("2026-12-05T11:15:00Z"));

        assertThat(nn.now()).map(p -> p.title()).contains("Noon news");
        assertThat(nn.next()).map(p -> p.title()).contains("Weather");
        assertThat(nn.progress()).isEqualTo(0.25);
        assertThat(nn.title()).isEqualTo("7  One");
    }

    @Test
    void timesAreShownInTheClocksZoneNotTheGuidesOffset() {
        NowNext nn = NowNext.of(GUIDE, ONE, Instant.parse("2026-12-05T11:15:00Z"));

        assertThat(nn.nowLine(ZoneId.of("Europe/Helsinki"))).isEqualTo("Now 13:00–14:00  Noon news");
        assertThat(nn.nextLine(ZoneId.of("Europe/Helsinki"))).isEqualTo("Next 14:00–14:30  Weather");
        assertThat(nn.nowLine(ZoneId.of("America/New_York"))).isEqualTo("Now 06:00–07:00  Noon news");
        assertThat(nn.nowLine(ZoneId.of("Europe/Paris"))).isEqualTo("Now 12:00–13:00  Noon news");
    }

    @Test
    void aChannelTheGuideLacksHasNoEntries() {
        NowNext nn = NowNext.of(GUIDE, channel("Other", "other.example", null), Instant.parse("2026-12-05T11:15:00Z"));

        assertThat(nn.nowLine(ZoneId.of("UTC"))).isEqualTo("Now: no guide entry");
        assertThat(nn.nextLine(ZoneId.of("UTC"))).isEqualTo("Next: no guide entry");
        assertThat(nn.progress()).isZero();
        assertThat(nn.title()).isEqualTo("Other");
    }

    @Test
    void theViewModelShowsTheBannerOnAChannelChangeAndTheOverlayText() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T11:30:00Z"), ZoneId.of("Asia/Kolkata"));
        NowNextViewModel model = new NowNextViewModel(clock);
        model.guideProperty().set(GUIDE);
        assertThat(model.bannerVisibleProperty().get()).isFalse();

        model.playingProperty().set(ONE);
        assertThat(model.bannerVisibleProperty().get()).isTrue();
        assertThat(model.titleProperty().get()).isEqualTo("7  One");
        assertThat(model.nowProperty().get()).isEqualTo("Now 16:30–17:30  Noon news");
        assertThat(model.progressProperty().get()).isEqualTo(0.5);
        assertThat(model.overlayProperty().get()).isEqualTo(
                "7  One\nNow 16:30–17:30  Noon news\nNext 17:30–18:00  Weather");

        model.hideBanner();
        model.guideProperty().set(guide(""));
        assertThat(model.bannerVisibleProperty().get()).as("a new guide is no channel change").isFalse();
        assertThat(model.nowProperty().get()).isEqualTo("Now: no guide entry");
    }

    @Test
    void aReplayedProgrammeShowsAsCatchupWithWhatRunsLive() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T11:30:00Z"), ZoneId.of("Asia/Kolkata"));
        NowNextViewModel model = new NowNextViewModel(clock);
        model.guideProperty().set(GUIDE);
        model.playingProperty().set(ONE);
        model.hideBanner();

        model.replayingProperty().set(new io.p2pviewer.app.channels.guide.Programme("Morning show",
                Instant.parse("2026-12-05T03:30:00Z"), Instant.parse("2026-12-05T04:30:00Z")));
        assertThat(model.bannerVisibleProperty().get()).as("a replay shows the banner").isTrue();
        assertThat(model.nowProperty().get()).isEqualTo("Catch-up 09:00–10:00  Morning show");
        assertThat(model.nextProperty().get()).isEqualTo("Live now 16:30–17:30  Noon news");
        assertThat(model.progressProperty().get()).isZero();
        assertThat(model.overlayProperty().get()).isEqualTo(
                "7  One\nCatch-up 09:00–10:00  Morning show\nLive now 16:30–17:30  Noon news");

        model.replayingProperty().set(null);
        assertThat(model.nowProperty().get()).isEqualTo("Now 16:30–17:30  Noon news");
        assertThat(model.nextProperty().get()).isEqualTo("Next 17:30–18:00  Weather");
    }
}
