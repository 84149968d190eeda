package io.p2pviewer.app.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatchupUrlTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    /** 2026-12-06 19:00 in Kolkata (13:30 UTC), an hour long, replayed at 22:00 there. */
    private static final Instant START = Instant.parse("2026-12-06T13:30:00Z");
    private static final Instant STOP = START.plus(Duration.ofHours(1));
    private static final Instant NOW = START.plus(Duration.ofHours(3));

    private static Channel channel(String url, String type, String days, String source) {
        return new Channel("News One", url, null, null, null, null, null, -1,
                new Channel.Catchup(type, days, source, null), Map.of(), 2);
    }

    private static String url(Channel c) {
        return url(c, START, STOP, NOW);
    }

    private static String url(Channel c, Instant start, Instant stop, Instant now) {
        CatchupUrl.Result r = CatchupUrl.of(c, start, stop, now, KOLKATA);
        assertThat(r).isInstanceOf(CatchupUrl.Archive.class);
        return ((CatchupUrl.Archive) r).url();
    }

    private static String reason(Channel c, Instant start, Instant stop) {
        CatchupUrl.Result r = CatchupUrl.of(c, start, stop, NOW, KOLKATA);
        assertThat(r).isInstanceOf(CatchupUrl.Unavailable.class);
        return ((CatchupUrl.Unavailable) r).reason();
    }

    @Test
    void shiftAddsUtcAndLutcToTheChannelUrl() {
        assertThat(url(channel("http://tv.test/ch/1/index.m3u8", "shift", "3", null)))
                .isEqualTo("http://tv.test/ch/1/index.m3u8?utc=" + START.getEpochSecond() + "&lutc="
                        + NOW.getEpochSecond());
        assertThat(url(channel("http://tv.test/1.m3u8?token=abc", "SHIFT", null, null)))
                .isEqualTo("http://tv.test/1.m3u8?token=abc&utc=1796563800&lutc=1796574600");
    }

    @Test
    void defaultTakesTheWholeSourceAndFillsEveryPlaceholder() {
        Channel c = channel("http://tv.test/live.m3u8", "default", "7",
                "http://arc.test/{Y}/{m}/{d}/{H}-{M}-{S}.m3u8?s=${start}&e=${end}&n=${timestamp}&d={duration}"
                        + "&min={duration:60}&ago={offset:60}&f={utc:Ymd-H-M}&to=${end:YmdHM}&u={utcend}&l={lutc}");
        assertThat(url(c)).isEqualTo("http://arc.test/2026/12/06/19-00-00.m3u8?s=1796563800&e=1796567400"
                + "&n=1796574600&d=3600&min=60&ago=180&f=20261206-19-00&to=202612062000&u=1796567400&l=1796574600");
    }

    @Test
    void appendAddsTheSourceToTheChannelUrl() {
        assertThat(url(channel("http://tv.test/c.m3u8", "append", "2", "?start={utc}&dur={duration}")))
                .isEqualTo("http://tv.test/c.m3u8?start=1796563800&dur=3600");
    }

    @Test
    void flussonicNamesTheArchivePlaylistByStartAndDurationKeepingTheQuery() {
        assertThat(url(channel("http://list.tv:8888/325/mono.m3u8?token=secret", "flussonic", null, null)))
                .isEqualTo("http://list.tv:8888/325/mono-1796563800-3600.m3u8?token=secret");
        assertThat(url(channel("https://fs.test/ch/index.m3u8", "fs", null, null)))
                .isEqualTo("https://fs.test/ch/index-1796563800-3600.m3u8");
        assertThat(reason(channel("http://fs.test/325/mpegts", "fs", null, null), START, STOP))
                .contains("NAME.m3u8");
    }

    @Test
    void xtreamCodesBecomesItsTimeshiftPathInLocalTime() {
        assertThat(url(channel("http://xc.test:8080/live/user/pass/1477.m3u8", "xc", "3", null)))
                .isEqualTo("http://xc.test:8080/timeshift/user/pass/60/2026-12-06:19-00/1477.m3u8");
        assertThat(url(channel("http://xc.test:8080/user/pass/1477", "xc", "3", null)))
                .as("the TS form asks for the HLS archive, the one that plays here")
                .isEqualTo("http://xc.test:8080/timeshift/user/pass/60/2026-12-06:19-00/1477.m3u8");
        assertThat(reason(channel("http://xc.test/hls/news.m3u8", "xc", null, null), START, STOP))
                .contains("http://host/live/USER/PASSWORD/ID.m3u8");
    }

    @Test
    void onlyFinishedProgrammesWithinTheDaysAreReplayed() {
        Channel c = channel("http://tv.test/c.m3u8", "shift", "2", null);
        assertThat(reason(c, NOW.minusSeconds(600), NOW.plusSeconds(600))).isEqualTo("the programme has not finished yet");
        Instant old = NOW.minus(Duration.ofDays(2)).minusSeconds(1);
        assertThat(reason(c, old, old.plusSeconds(1800)))
                .isEqualTo("the programme is older than the channel's catch-up of 2 days");
        assertThat(CatchupUrl.replayable(c, START, STOP, NOW)).isTrue();
        assertThat(CatchupUrl.replayable(c, old, old.plusSeconds(1800), NOW)).isFalse();
        assertThat(CatchupUrl.replayable(c, NOW.minusSeconds(60), NOW.plusSeconds(60), NOW)).isFalse();
        assertThat(CatchupUrl.window(channel("http://tv.test/c.m3u8", "shift", "soon", null)))
                .as("an unreadable catchup-days: the default").isEqualTo(Duration.ofDays(CatchupUrl.DEFAULT_DAYS));
    }

    @Test
    void whatCannotBeBuiltSaysWhy() {
        Channel none = new Channel("Plain", "http://tv.test/p.m3u8", null, null, null, null, null, -1, null,
                Map.of(), 1);
        assertThat(CatchupUrl.offered(none)).isFalse();
        assertThat(reason(none, START, STOP)).isEqualTo("Plain has no catch-up in its channel list");
        assertThat(reason(channel("http://tv.test/c.m3u8", "default", null, null), START, STOP))
                .contains("gives no catchup-source URL");
        assertThat(reason(channel("http://tv.test/c.m3u8", "append", null, " "), START, STOP))
                .contains("no catchup-source to append");
        assertThat(reason(channel("http://tv.test/c.m3u8", "rtsp-magic", null, null), START, STOP))
                .isEqualTo("catch-up type 'rtsp-magic' is not supported (default, append, shift, flussonic and xc are)");
        assertThat(reason(channel("http://tv.test/c.m3u8", "vod", null, "plugin://x/?id={catchup-id}"), START, STOP))
                .isEqualTo("the channel's catchup-source has a placeholder this player cannot fill: {catchup-id}");
        assertThat(reason(channel("http://tv.test/c.m3u8", "default", null, "http://a.test/{duration:0}"), START,
                STOP)).contains("{duration:0}");
        assertThat(reason(channel("http://tv.test/c.m3u8", "default", null, "rtmp://a.test/{utc}"), START, STOP))
                .isEqualTo("the channel's catchup-source is no http(s) URL");
    }

    @Test
    void theArchiveSwarmIsNamedByStartAndDuration() {
        var a = (CatchupUrl.Archive) CatchupUrl.of(channel("http://tv.test/c.m3u8", "shift", null, null), START, STOP,
                NOW, KOLKATA);
        assertThat(a.swarmQualifier()).isEqualTo("#catchup-1796563800-3600");
    }

    @Test
    void theListReaderTakesSiptvsOlderTimeshiftAttributeAsShiftCatchup() throws Exception {
        ChannelList list = M3uReader.read(new StringReader("#EXTM3U\n"
                + "#EXTINF:-1 timeshift=\"3\",Old Style\nhttp://tv.test/old.m3u8\n"
                + "#EXTINF:-1 tvg-shift=\"-2\",Guide Shift Only\nhttp://tv.test/g.m3u8\n"));
        Channel old = list.channels().get(0);
        assertThat(old.catchup()).as("timeshift is catch-up days, not a guide shift")
                .isEqualTo(new Channel.Catchup("shift", "3", null, null));
        assertThat(CatchupUrl.window(old)).isEqualTo(Duration.ofDays(3));
        assertThat(CatchupUrl.offered(list.channels().get(1))).as("tvg-shift moves the guide; it is no catch-up")
                .isFalse();
    }

    @Test
    void theProgrammeRunningNowStartsOverFromItsBeginning() {
        Instant runningStart = NOW.minusSeconds(1200);
        Instant runningStop = NOW.plusSeconds(2400);
        Channel shift = channel("http://tv.test/c.m3u8", "shift", "1", null);
        var a = (CatchupUrl.Archive) CatchupUrl.fromStart(shift, runningStart, runningStop, NOW, KOLKATA);
        assertThat(a.url()).isEqualTo("http://tv.test/c.m3u8?utc=" + runningStart.getEpochSecond() + "&lutc="
                + NOW.getEpochSecond());
        assertThat(((CatchupUrl.Archive) CatchupUrl.fromStart(channel("http://fs.test/325/mono.m3u8?token=s", "fs",
                null, null), runningStart, runningStop, NOW, KOLKATA)).url())
                .as("Flussonic's archive up to now").isEqualTo("http://fs.test/325/mono-" + runningStart.getEpochSecond()
                        + "-now.m3u8?token=s");
        assertThat(CatchupUrl.fromStart(shift, START, STOP, NOW, KOLKATA)).as("finished: replayed, not started over")
                .isEqualTo(new CatchupUrl.Unavailable("the programme is not running now"));
        assertThat(CatchupUrl.startable(shift, runningStart, runningStop, NOW)).isTrue();
        assertThat(CatchupUrl.startable(shift, NOW.plusSeconds(60), runningStop, NOW)).as("not begun").isFalse();
        assertThat(CatchupUrl.startable(new Channel("P", "http://tv.test/p.m3u8", null, null, null, null, null, -1,
                null, Map.of(), 1), runningStart, runningStop, NOW)).isFalse();
    }
}
