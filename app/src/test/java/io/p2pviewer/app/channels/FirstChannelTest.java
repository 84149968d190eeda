package io.p2pviewer.app.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstChannelTest {
    @TempDir
    Path dir;

    @Test
    void anIptvListPlaysItsFirstHttpEntry() throws IOException {
        Path list = write("tv.m3u8", """
                \uFEFF#EXTM3U x-tvg-url="http://epg.example/guide.xml"
                #EXTINF:-1 tvg-id="one" group-title="News",Radio One
                rtmp://example.com/live/radio
                #EXTINF:-1 tvg-id="two" group-title="News",News Two
                https://cdn.example.com/news/master.m3u8
                #EXTINF:-1,Three
                http://cdn.example.com/three.m3u8
                """);

        assertThat(FirstChannel.of(list)).contains(URI.create("https://cdn.example.com/news/master.m3u8"));
    }

    @Test
    void aBareListOfUrlsPlaysItsFirstHttpLine() throws IOException {
        Path list = write("urls.m3u", "\r\n# my channels\r\nhttp://127.0.0.1:8080/a.m3u8\r\nhttp://b/b.m3u8\r\n");

        assertThat(FirstChannel.of(list)).contains(URI.create("http://127.0.0.1:8080/a.m3u8"));
    }

    @Test
    void aMasterPlaylistWithAbsoluteVariantsPlaysItsFirstVariant() throws IOException {
        Path list = write("master.m3u8", """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=800000
                http://origin.example/720p.m3u8
                """);

        assertThat(FirstChannel.of(list)).contains(URI.create("http://origin.example/720p.m3u8"));
    }

    @Test
    void filesThatAreNotChannelListsHaveNone() throws IOException {
        assertThat(FirstChannel.of(write("notes.txt", "Watch http://example.com/tv.m3u8 tonight\n"))).isEmpty();
        assertThat(FirstChannel.of(write("empty.m3u", ""))).isEmpty();
        assertThat(FirstChannel.of(write("nohttp.m3u", "#EXTM3U\n#EXTINF:-1,A\nrtsp://cam/1\n"))).isEmpty();
        assertThat(FirstChannel.of(write("relative.m3u8", "#EXTM3U\n#EXTINF:-1,A\nchannel/a.m3u8\n"))).isEmpty();
        assertThat(FirstChannel.of(write("media.m3u8", """
                #EXTM3U
                #EXT-X-TARGETDURATION:2
                #EXTINF:2.0,
                http://origin.example/seg0.ts
                """))).as("a media playlist lists segments, not channels").isEmpty();
        Path binary = dir.resolve("clip.ts");
        Files.write(binary, new byte[] {0x47, (byte) 0xff, 0x00, 0x10, (byte) 0xc3, 0x28, 0x0a, 0x01});
        assertThat(FirstChannel.of(binary)).isEmpty();
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> FirstChannel.of(dir.resolve("gone.m3u"))).isInstanceOf(NoSuchFileException.class);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
