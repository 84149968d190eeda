package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaylistArgumentTest {
    @TempDir
    Path dir;

    @Test
    void urlsAndTheDemoPassUnchanged() {
        assertThat(PlaylistArgument.resolve("https://example.com/live/master.m3u8"))
                .isEqualTo("https://example.com/live/master.m3u8");
        assertThat(PlaylistArgument.resolve("demo:vod")).isEqualTo("demo:vod");
        assertThat(PlaylistArgument.resolve("demo")).isEqualTo("demo");
        assertThat(PlaylistArgument.resolve(null)).isNull();
        assertThat(PlaylistArgument.resolve("no-such-file.m3u8")).isEqualTo("no-such-file.m3u8");
    }

    @Test
    void aChannelListFileOpensItsFirstHttpChannelByPathOrFileUri() throws IOException {
        Path list = Files.writeString(dir.resolve("tv list.m3u8"),
                "#EXTM3U\n#EXTINF:-1,One\nhttp://127.0.0.1:9/one/master.m3u8\n");

        assertThat(PlaylistArgument.resolve(list.toString())).isEqualTo("http://127.0.0.1:9/one/master.m3u8");
        assertThat(PlaylistArgument.resolve(list.toUri().toString())).isEqualTo("http://127.0.0.1:9/one/master.m3u8");
    }

    @Test
    void aFileThatIsNotAListIsAOneLineError() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello\n");

        assertThatThrownBy(() -> PlaylistArgument.resolve(notes.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(notes + " is not a channel list: no #EXTM3U entry or line with an http(s) URL to play");
        assertThatThrownBy(() -> PlaylistArgument.resolve(dir.toString()))
                .hasMessage(dir + " is a directory, not a playlist file");
        assertThatThrownBy(() -> PlaylistArgument.resolve(dir.resolve("gone.m3u").toUri().toString()))
                .hasMessage("cannot read " + dir.resolve("gone.m3u") + ": no such file");
    }

    @Test
    void theWindowGetsAChannelListFileAsAFileAndAMasterPlaylistFileAsItsFirstVariant() throws IOException {
        Path list = Files.writeString(dir.resolve("tv.m3u"), "#EXTM3U\n#EXTINF:-1,One\nhttp://127.0.0.1:9/one.m3u8\n");
        Path master = Files.writeString(dir.resolve("master.m3u8"), "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n"
                + "http://127.0.0.1:9/v/360p.m3u8\n");

        assertThat(PlaylistArgument.forWindow(list.toString())).isEqualTo(list.toAbsolutePath().toString());
        assertThat(PlaylistArgument.forWindow(list.toUri().toString())).isEqualTo(list.toAbsolutePath().toString());
        assertThat(PlaylistArgument.forWindow(master.toString())).isEqualTo("http://127.0.0.1:9/v/360p.m3u8");
        assertThat(PlaylistArgument.forWindow("https://example.com/tv.m3u")).isEqualTo("https://example.com/tv.m3u");
        assertThatThrownBy(() -> PlaylistArgument.forWindow(dir.toString()))
                .hasMessage(dir + " is a directory, not a playlist file");
    }
}
