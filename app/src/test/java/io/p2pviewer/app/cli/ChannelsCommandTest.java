package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p2pviewer.app.channels.ChannelFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code viewer channels} on files: the JSON shape, text output, and exit codes 0, 2 and 3. */
class ChannelsCommandTest {
    static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void jsonListsEveryChannelWithNowAndNextInPlaylistOrder(@TempDir Path dir) throws Exception {
        Path guide = dir.resolve("guide.xml.gz");
        ChannelFixtures.writeGuide(guide, 3, 1, FROM, true);
        Path playlist = dir.resolve("list.m3u");
        Files.writeString(playlist, ChannelFixtures.playlist(5, 2, null)
                + "#EXTINF:-1 tvg-id=\"other\",Channel 1\nhttp://cdn.example/by-name.m3u8\nrtmp://x/y?key=s3cret\n");
        CommandRun r = CommandRun.of("channels", playlist.toString(), "--epg", guide.toString(), "--at",
                "2024-03-01T10:05:00+01:00", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("channels", "warnings");
        JsonNode channels = json.get("channels");
        assertThat(channels).hasSize(6);
        JsonNode first = channels.get(0);
        assertThat(first.get("name").asText()).isEqualTo("Channel 0");
        assertThat(first.get("url").asText()).isEqualTo("http://cdn.example/live/0/index.m3u8");
        assertThat(first.get("group").asText()).isEqualTo("Group 0");
        assertThat(first.get("logo").asText()).isEqualTo("http://logos.example/0.png");
        assertThat(first.get("tvgId").asText()).isEqualTo("ch0.example");
        assertThat(first.get("headers").get("User-Agent").asText()).isEqualTo("Fixture/1.0");
        // 10:05 +01:00 is 09:05 UTC: the 31st programme of 18 minutes (09:00-09:18)
        assertThat(first.get("now").get("title").asText()).isEqualTo(ChannelFixtures.titleAt(FROM,
                Instant.parse("2024-03-01T09:05:00Z")));
        assertThat(first.get("now").get("start").asText()).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(first.get("now").get("stop").asText()).isEqualTo("2024-03-01T09:18:00Z");
        assertThat(first.get("next").get("start").asText()).isEqualTo("2024-03-01T09:18:00Z");
        assertThat(channels.get(1).get("headers").size()).isZero();
        assertThat(channels.get(3).get("now").isNull()).as("no guide for channel 3").isTrue();
        assertThat(channels.get(5).get("now").get("title").asText()).as("matched by display name")
                .isEqualTo(first.get("now").get("title").asText());
        assertThat(json.get("warnings")).extracting(JsonNode::asText).containsExactly(
                "playlist line 15: skipped rtmp:// entry (only http and https are played): 'rtmp://x/y?key=***'",
                "guide: 2 of 6 channels match no guide channel by tvg-id or name (first: Channel 3)");
        assertThat(r.out() + r.err()).doesNotContain("s3cret");
    }

    @Test
    void textListsOneLinePerChannelAndWarningsOnStderr(@TempDir Path dir) throws Exception {
        Path playlist = dir.resolve("list.m3u");
        Files.writeString(playlist, "#EXTM3U\n#EXTINF:-1 group-title=\"News\",One\nhttp://a/1.m3u8\nudp://x\n");
        CommandRun r = CommandRun.of("channels", playlist.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly("One  [News]  http://a/1.m3u8  now: -  next: -");
        assertThat(r.err()).contains("warning: playlist line 4: skipped udp:// entry").contains("1 channels, 1 warnings");
    }

    @Test
    void theGuideNamedByThePlaylistIsUsedAndABrokenGuideIsOnlyAWarning(@TempDir Path dir) throws Exception {
        Path guide = dir.resolve("g.xml");
        ChannelFixtures.writeGuide(guide, 1, 1, FROM, false);
        Path playlist = dir.resolve("list.m3u");
        Files.writeString(playlist, ChannelFixtures.playlist(1, 1, dir.resolve("missing.xml") + "," + guide));
        CommandRun r = CommandRun.of("channels", playlist.toString(), "--at", "2024-03-01T00:10:00Z", "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/channels/0/now/title").asText()).isEqualTo("Show 0 & Co");
        assertThat(json.get("warnings").get(0).asText()).startsWith("cannot read guide: no such file: ");
    }

    /** The list's tvg-shift moves its guide's times: here the header's +1 hour for every channel. */
    @Test
    void theListsTvgShiftMovesNowAndNext(@TempDir Path dir) throws Exception {
        Path guide = dir.resolve("g.xml");
        Files.writeString(guide, "<tv><programme start=\"20240301000000 +0000\" stop=\"20240301010000 +0000\""
                + " channel=\"s\"><title>Early</title></programme><programme start=\"20240301010000 +0000\""
                + " stop=\"20240301020000 +0000\" channel=\"s\"><title>Late</title></programme></tv>");
        Path playlist = dir.resolve("list.m3u");
        Files.writeString(playlist, "#EXTM3U tvg-shift=\"+1\"\n#EXTINF:-1 tvg-id=\"s\",Shifted\nhttp://a/s.m3u8\n");
        CommandRun r = CommandRun.of("channels", playlist.toString(), "--epg", guide.toString(), "--at",
                "2024-03-01T01:30:00Z", "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/channels/0/now/title").asText()).isEqualTo("Early");
        assertThat(json.at("/channels/0/now/start").asText()).isEqualTo("2024-03-01T01:00:00Z");
        assertThat(json.at("/channels/0/next/title").asText()).isEqualTo("Late");
    }

    @Test
    void nothingUsableExitsThreeWithOneLine(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("page.m3u");
        Files.writeString(html, "<!DOCTYPE html><html><body>Login</body></html>");
        Path empty = dir.resolve("empty.m3u");
        Files.writeString(empty, "");
        Path binary = dir.resolve("bin.m3u");
        Files.write(binary, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
        Path none = dir.resolve("none.m3u");
        Files.writeString(none, "#EXTM3U\n#EXTINF:-1,A\nrtsp://cam?pw=hunter2\n");
        for (Object[] c : new Object[][] {
                {html, "error: playlist is an HTML page, not a playlist (line 1)"},
                {empty, "error: playlist is empty"},
                {binary, "error: playlist is binary data, not text (line 1)"},
                {none, "error: playlist has no playable entries (playlist line 3: skipped rtsp:// entry (only http "
                        + "and https are played): 'rtsp://cam?pw=***')"},
                {dir.resolve("missing.m3u"), "error: cannot read playlist: no such file: " + dir.resolve("missing.m3u")}}) {
            CommandRun r = CommandRun.of("channels", c[0].toString(), "--json");
            assertThat(r.exit()).as(c[0].toString()).isEqualTo(3);
            assertThat(r.err()).isEqualTo(c[1] + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void badArgumentsExitTwo(@TempDir Path dir) throws Exception {
        Path playlist = dir.resolve("list.m3u");
        Files.writeString(playlist, "http://a/1\n");
        assertThat(CommandRun.of("channels", playlist.toString(), "--at", "yesterday").exit()).isEqualTo(2);
        assertThat(CommandRun.of("channels", "ftp://host/list.m3u").err())
                .isEqualTo("error: only files and http(s) URLs can be read, not ftp://" + System.lineSeparator());
        assertThat(CommandRun.of("channels", playlist.toString(), "--epg", "rtsp://x").exit()).isEqualTo(2);
        assertThat(CommandRun.of("channels").exit()).isEqualTo(2);
        assertThat(CommandRun.of("channels", playlist.toString(), "--at", "2024-03-01T10:00").exit()).isZero();
    }
}
