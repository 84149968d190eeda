package io.p2pviewer.app.ui.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ChannelFixtures;
import io.p2pviewer.app.channels.M3uReader;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.XmltvReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grid's view model on a generated playlist of 300 channels (the guide covers the first 200, 18-minute
 * programmes written at several offsets): what a viewport shows, hits, selection, playing.
 */
class GuideGridModelTest {
    private static final Instant FROM = Instant.parse("2026-12-04T00:00:00Z");
    // 20:30 in Tokyo (+09:00): the grid's day starts at 2026-12-04T15:00Z.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T11:30:00Z"), ZoneId.of("Asia/Tokyo"));
    private static List<Channel> channels;
    private static Guide guide;

    private final List<Channel> played = new ArrayList<>();
    private final List<String> replayed = new ArrayList<>();
    /** Records what the grid plays: channels live in {@link #played}, archives as text in {@link #replayed}. */
    private final ChannelPlayer player = new ChannelPlayer() {
        @Override
        public void play(Channel channel) {
            played.add(channel);
        }

        @Override
        public void replay(Channel channel, io.p2pviewer.app.channels.guide.Programme programme,
                           io.p2pviewer.app.channels.CatchupUrl.Archive archive) {
            replayed.add(channel.name() + " " + programme.title() + " " + archive.url() + " "
                    + archive.swarmQualifier());
        }
    };
    private final GuideGridModel model = new GuideGridModel(CLOCK, player);

    @BeforeAll
    static void data() throws Exception {
        channels = M3uReader.read(new StringReader(ChannelFixtures.playlist(300, 10, null))).channels();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChannelFixtures.writeGuide(out, 200, 9, FROM, true);
        guide = XmltvReader.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void aViewportShowsOnlyItsRowsAndTheProgrammesInItsTimeRange() {
        model.setChannels(channels);
        model.setGuide(guide);
        GuideGridLayout l = model.layout();
        assertThat(l.start()).isEqualTo(Instant.parse("2026-12-04T15:00:00Z"));
        double sx = l.x(Instant.parse("2026-12-05T11:00:00Z"));
        double sy = 50.5 * l.rowHeight();
        List<GuideGridModel.Row> rows = model.visible(new GuideGridModel.Viewport(sx, sy, 4 * 60 * 4, 10 * l.rowHeight()));

        assertThat(rows).extracting(GuideGridModel.Row::index).containsExactlyElementsOf(range(50, 60));
        for (GuideGridModel.Row r : rows) {
            assertThat(r.channel()).isSameAs(channels.get(r.index()));
            // 4 hours from 11:00Z: the 18-minute slots from 10:48Z (started 12 min before) to 14:48Z.
            assertThat(r.cells()).hasSize(14);
            assertThat(r.cells().getFirst().programme().start()).isEqualTo(Instant.parse("2026-12-05T10:48:00Z"));
            assertThat(r.cells().getFirst().x()).isEqualTo(sx - 12 * 4);
            assertThat(r.cells().getFirst().width()).isEqualTo(18 * 4);
            assertThat(r.cells()).filteredOn(GuideGridModel.Cell::now).singleElement()
                    .satisfies(c -> assertThat(c.programme().start()).isEqualTo(Instant.parse("2026-12-05T11:24:00Z")));
        }
    }

    @Test
    void rowsTheGuideLacksAreShownEmpty() {
        model.setChannels(channels);
        model.setGuide(guide);
        double y = 250 * model.layout().rowHeight();
        List<GuideGridModel.Row> rows = model.visible(new GuideGridModel.Viewport(0, y, 2000, 200));
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.cells()).isEmpty());
    }

    @Test
    void theChannelPlayingIsHighlightedAndSelected() {
        model.setChannels(channels);
        model.setGuide(guide);
        model.setPlaying(channels.get(120));

        assertThat(model.playingRow()).isEqualTo(120);
        assertThat(model.selectedRow()).isEqualTo(120);
        GuideGridLayout l = model.layout();
        List<GuideGridModel.Row> rows = model.visible(new GuideGridModel.Viewport(l.x(CLOCK.instant()),
                l.scrollYCentring(120, 400, 300), 800, 400));
        assertThat(rows).filteredOn(GuideGridModel.Row::playing).singleElement()
                .satisfies(r -> assertThat(r.index()).isEqualTo(120));
        assertThat(model.playingNowNext()).get().satisfies(nn -> {
            assertThat(nn.nowLine(CLOCK.getZone())).isEqualTo("Now 20:24–20:42  " + ChannelFixtures.titleAt(FROM,
                    CLOCK.instant()));
            assertThat(nn.nextLine(CLOCK.getZone())).startsWith("Next 20:42–21:00  Show ");
        });
    }

    @Test
    void aHitNamesTheRowAndTheProgrammeAndPlayingTheSelectionCallsThePlayer() {
        model.setChannels(channels);
        model.setGuide(guide);
        GuideGridLayout l = model.layout();
        double x = l.x(Instant.parse("2026-12-05T12:00:00Z"));
        var hit = model.hit(x, 7.5 * l.rowHeight()).orElseThrow();
        assertThat(hit.row()).isEqualTo(7);
        assertThat(hit.programme()).get().satisfies(p -> assertThat(p.start())
                .isEqualTo(Instant.parse("2026-12-05T12:00:00Z")));
        assertThat(model.hit(x, 300 * l.rowHeight())).isEmpty();

        model.select(x, 7.5 * l.rowHeight());
        model.playSelected();
        assertThat(played).containsExactly(channels.get(7));
        assertThat(model.playingRow()).isEqualTo(7);
    }

    @Test
    void keysMoveTheSelectionByRowAndByProgramme() {
        model.setChannels(channels);
        model.setGuide(guide);
        model.setPlaying(channels.get(3));
        model.moveRows(-10);
        assertThat(model.selectedRow()).isZero();
        model.moveRows(1000);
        assertThat(model.selectedRow()).isEqualTo(299);
        model.moveRows(-297);
        model.moveProgramme(true);
        assertThat(model.selectedTime()).isEqualTo(Instant.parse("2026-12-05T11:42:00Z"));
        model.moveProgramme(false);
        model.moveProgramme(false);
        assertThat(model.selectedTime()).isEqualTo(Instant.parse("2026-12-05T11:06:00Z"));
        model.playSelected();
        assertThat(played).containsExactly(channels.get(2));
    }

    private static List<Integer> range(int from, int toInclusive) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i <= toInclusive; i++) {
            l.add(i);
        }
        return l;
    }

    /**
     * Catch-up: the grid reaches back as far as the channels' catch-up goes, marks finished programmes within it,
     * and Enter on one plays its archive; an older one, an unsupported mode or a channel without catch-up says why.
     */
    @Test
    void enterOnAFinishedProgrammeWithCatchupPlaysItsArchiveAndSaysWhyWhenItCannot() {
        Channel news = new Channel("News", "http://cdn.example/news/index.m3u8?token=t", "News", null, "news", null,
                "1", -1, new Channel.Catchup("shift", "1", null, null), java.util.Map.of(), 1);
        Channel plain = GuideTestData.channel("Plain", "plain", "2");
        Channel odd = new Channel("Odd", "http://cdn.example/odd.m3u8", "News", null, "odd", null, "3", -1,
                new Channel.Catchup("rtsp-magic", "1", null, null), java.util.Map.of(), 3);
        StringBuilder xml = new StringBuilder();
        for (String id : List.of("news", "plain", "odd")) {
            xml.append(GuideTestData.programme(id, "20261204090000 +0000", "20261204100000 +0000", id + " old"))
                    .append(GuideTestData.programme(id, "20261205100000 +0000", "20261205110000 +0000", id + " ten"))
                    .append(GuideTestData.programme(id, "20261205110000 +0000", "20261205120000 +0000", id + " now"));
        }
        GuideGridModel grid = new GuideGridModel(CLOCK, player);
        grid.setChannels(List.of(news, plain, odd));
        grid.setGuide(GuideTestData.guide(xml.toString()));
        GuideGridLayout l = grid.layout();
        assertThat(l.start()).as("one day back: the channels keep a day").isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        assertThat(l.end()).isEqualTo(Instant.parse("2026-12-11T15:00:00Z"));
        var rows = grid.visible(new GuideGridModel.Viewport(l.x(Instant.parse("2026-12-04T08:00:00Z")), 0,
                l.x(Instant.parse("2026-12-05T13:00:00Z")) - l.x(Instant.parse("2026-12-04T08:00:00Z")),
                3 * l.rowHeight()));
        assertThat(rows.get(0).cells()).extracting(c -> c.programme().title() + "=" + c.replay())
                .containsExactly("news old=false", "news ten=true", "news now=false");
        assertThat(rows.get(1).cells()).noneMatch(GuideGridModel.Cell::replay);

        double y = 0.5 * l.rowHeight();
        grid.select(l.x(Instant.parse("2026-12-05T10:30:00Z")), y);
        grid.playSelected();
        assertThat(replayed).containsExactly("News news ten http://cdn.example/news/index.m3u8?token=t&utc="
                + Instant.parse("2026-12-05T10:00:00Z").getEpochSecond() + "&lutc=" + CLOCK.instant().getEpochSecond()
                + " #catchup-" + Instant.parse("2026-12-05T10:00:00Z").getEpochSecond() + "-3600");
        assertThat(played).isEmpty();
        assertThat(grid.message().get()).isEmpty();
        assertThat(grid.replaying()).get().extracting(io.p2pviewer.app.channels.guide.Programme::title)
                .isEqualTo("news ten");
        assertThat(grid.playingRow()).isZero();

        grid.select(l.x(Instant.parse("2026-12-04T09:30:00Z")), y);
        grid.playSelected();
        assertThat(grid.message().get())
                .isEqualTo("No catch-up of \u201Cnews old\u201D: the programme is older than the channel's catch-up"
                        + " of 1 day.");
        assertThat(replayed).hasSize(1);
        assertThat(played).isEmpty();

        grid.select(l.x(Instant.parse("2026-12-05T10:30:00Z")), 2.5 * l.rowHeight());
        grid.playSelected();
        assertThat(grid.message().get()).startsWith("No catch-up of \u201Codd ten\u201D: catch-up type 'rtsp-magic'");
        assertThat(played).isEmpty();

        grid.select(l.x(Instant.parse("2026-12-05T10:30:00Z")), 1.5 * l.rowHeight());
        grid.playSelected();
        assertThat(played).containsExactly(plain);
        assertThat(grid.message().get()).isEqualTo("Plain has no catch-up: playing it live.");
        assertThat(grid.replaying()).isEmpty();

        grid.select(l.x(Instant.parse("2026-12-05T11:40:00Z")), y);
        assertThat(grid.selectionStartable()).isTrue();
        grid.playSelected();
        assertThat(played).containsExactly(plain, news);
        assertThat(grid.message().get()).as("the running programme plays live, as ever").isEmpty();
        assertThat(replayed).hasSize(1);

        // Shift+Enter, "From the start": the running programme from its beginning.
        grid.startSelectedOver();
        assertThat(replayed).hasSize(2);
        assertThat(replayed.get(1)).startsWith("News news now http://cdn.example/news/index.m3u8?token=t&utc="
                + Instant.parse("2026-12-05T11:00:00Z").getEpochSecond() + "&lutc=");
        assertThat(grid.replaying()).get().extracting(io.p2pviewer.app.channels.guide.Programme::title)
                .isEqualTo("news now");
        grid.select(l.x(Instant.parse("2026-12-05T11:40:00Z")), 1.5 * l.rowHeight());
        assertThat(grid.selectionStartable()).isFalse();
        grid.startSelectedOver();
        assertThat(grid.message().get())
                .isEqualTo("\u201Cplain now\u201D cannot start over: Plain has no catch-up in its channel list.");
        grid.select(l.x(Instant.parse("2026-12-05T10:30:00Z")), y);
        assertThat(grid.selectionStartable()).as("finished: Enter replays it").isFalse();
        assertThat(replayed).hasSize(2);
    }
}
