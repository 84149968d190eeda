package io.p2pviewer.app.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.channels.guide.Programme;
import io.p2pviewer.app.channels.guide.XmltvReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A list's tvg-shift moves its channels' guide times, the header's for channels without their own. */
class ChannelProgrammesTest {
    private static final String GUIDE = "<?xml version=\"1.0\"?>\n<tv>\n"
            + "<programme start=\"20261205100000 +0000\" stop=\"20261205110000 +0000\" channel=\"a\"><title>Ten"
            + "</title></programme>\n"
            + "<programme start=\"20261205110000 +0000\" stop=\"20261205120000 +0000\" channel=\"a\"><title>Eleven"
            + "</title></programme>\n"
            + "<programme start=\"20261205100000 +0000\" stop=\"20261205110000 +0000\" channel=\"b\"><title>B ten"
            + "</title></programme>\n</tv>\n";

    @Test
    void theListsShiftMovesTheGuidesTimesForEveryLookup() throws Exception {
        ChannelList list = M3uReader.read(new StringReader("#EXTM3U tvg-shift=\"-1\"\n"
                + "#EXTINF:-1 tvg-id=\"a\" tvg-shift=\"+2\",A\nhttp://tv.test/a.m3u8\n"
                + "#EXTINF:-1 tvg-id=\"b\",B\nhttp://tv.test/b.m3u8\n"
                + "#EXTINF:-1 tvg-id=\"a\" tvg-shift=\"0.5\",A half\nhttp://tv.test/a2.m3u8\n"));
        var store = XmltvReader.read(new ByteArrayInputStream(GUIDE.getBytes(StandardCharsets.UTF_8))).store();
        ChannelProgrammes a = ChannelProgrammes.of(store, list.channels().get(0));
        ChannelProgrammes b = ChannelProgrammes.of(store, list.channels().get(1));
        ChannelProgrammes half = ChannelProgrammes.of(store, list.channels().get(2));

        assertThat(a.shift()).isEqualTo(Duration.ofHours(2));
        assertThat(b.shift()).as("the header's").isEqualTo(Duration.ofHours(-1));
        assertThat(half.shift()).isEqualTo(Duration.ofMinutes(30));
        // A's "Ten" (10:00-11:00 in the guide) runs 12:00-13:00.
        Instant noonThirty = Instant.parse("2026-12-05T12:30:00Z");
        assertThat(a.now(noonThirty)).contains(new Programme("Ten", Instant.parse("2026-12-05T12:00:00Z"),
                Instant.parse("2026-12-05T13:00:00Z")));
        assertThat(a.next(noonThirty)).map(Programme::title).contains("Eleven");
        assertThat(a.between(Instant.parse("2026-12-05T11:00:00Z"), Instant.parse("2026-12-05T12:30:00Z")))
                .extracting(Programme::start).containsExactly(Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(b.now(Instant.parse("2026-12-05T09:30:00Z"))).map(Programme::title).contains("B ten");
        assertThat(b.now(Instant.parse("2026-12-05T10:30:00Z"))).as("over an hour early").isEmpty();
        assertThat(half.now(Instant.parse("2026-12-05T10:15:00Z"))).isEmpty();
        assertThat(half.now(Instant.parse("2026-12-05T10:45:00Z"))).map(Programme::title).contains("Ten");
    }

    @Test
    void noShiftAnUnreadableOneOrMoreThanADayLeavesTheTimes() {
        for (String shift : new String[] {null, "", "two", "+25", "-100"}) {
            Channel c = new Channel("C", "http://tv.test/c.m3u8", null, null, "a", null, null, -1,
                    new Channel.Catchup(null, null, null, shift), Map.of(), 1);
            assertThat(ChannelProgrammes.shift(c)).as(String.valueOf(shift)).isZero();
        }
        assertThat(ChannelProgrammes.shift(new Channel("C", "http://tv.test/c.m3u8", null, null, "a", null, null, -1,
                null, Map.of(), 1))).isZero();
    }
}
