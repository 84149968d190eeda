package io.p2pviewer.app.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link M3uReader} by failure mode: valid lists, lists with skippable entries, and input with nothing usable. */
class M3uReaderTest {

    static ChannelList read(String text) throws Exception {
        return M3uReader.read(new StringReader(text));
    }

    static ReadError error(String text) {
        try {
            read(text);
        } catch (ReadException e) {
            return e.error();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error for " + text);
    }

    @Nested
    class Valid {
        @Test
        void headerGuideUrlsAndEveryExtinfAttribute() throws Exception {
            ChannelList l = read("""
                    #EXTM3U x-tvg-url="http://epg.example/a.xml.gz,http://epg.example/b.xml"
                    #EXTINF:-1 tvg-id="bbc1.uk" tvg-name="BBC One" tvg-logo="http://l/bbc.png" tvg-chno="101" \
                    group-title="UK, General" catchup="default" catchup-days="7" catchup-source="?utc={utc}",BBC One HD
                    http://cdn.example/bbc1/index.m3u8
                    """);
            assertThat(l.guideUrls()).containsExactly("http://epg.example/a.xml.gz", "http://epg.example/b.xml");
            Channel c = l.channels().getFirst();
            assertThat(c.name()).isEqualTo("BBC One HD");
            assertThat(c.url()).isEqualTo("http://cdn.example/bbc1/index.m3u8");
            assertThat(c.tvgId()).isEqualTo("bbc1.uk");
            assertThat(c.tvgName()).isEqualTo("BBC One");
            assertThat(c.logo()).isEqualTo("http://l/bbc.png");
            assertThat(c.number()).isEqualTo("101");
            assertThat(c.group()).isEqualTo("UK, General");
            assertThat(c.durationSeconds()).isEqualTo(-1);
            assertThat(c.catchup()).isEqualTo(new Channel.Catchup("default", "7", "?utc={utc}", null));
            assertThat(c.headers()).isEmpty();
            assertThat(c.line()).isEqualTo(3);
            assertThat(l.warnings()).isEmpty();
        }

        @Test
        void urlTvgAndNamesWithCommasAndQuotes() throws Exception {
            ChannelList l = read("""
                    #EXTM3U url-tvg="http://g/x.xml"
                    #EXTINF:0 tvg-id=plain group-title='Single',News, Sport & Weather
                    https://a/1.m3u8
                    #EXTINF:12.5,"Quoted" name
                    https://a/2.m3u8
                    """);
            assertThat(l.guideUrls()).containsExactly("http://g/x.xml");
            assertThat(l.channels()).extracting(Channel::name).containsExactly("News, Sport & Weather", "\"Quoted\" name");
            assertThat(l.channels().get(0).tvgId()).isEqualTo("plain");
            assertThat(l.channels().get(0).group()).isEqualTo("Single");
            assertThat(l.channels().get(1).durationSeconds()).isEqualTo(12.5);
        }

        @Test
        void extgrpVlcOptionsKodiPropsAndPipeHeaders() throws Exception {
            ChannelList l = read("""
                    #EXTM3U
                    #EXTINF:-1,One
                    #EXTGRP:Movies
                    #EXTVLCOPT:http-user-agent=Mozilla/5.0 (X11)
                    #EXTVLCOPT:http-referrer=https://ref.example/
                    #EXTVLCOPT:network-caching=1000
                    http://a/1.m3u8
                    #EXTINF:-1 group-title="Wins",Two
                    #EXTGRP:Loses
                    #KODIPROP:inputstream.adaptive.stream_headers=User-Agent=Kodi%2F20&Referer=https%3A%2F%2Fk%2F
                    #KODIPROP:inputstream=inputstream.adaptive
                    http://a/2.m3u8
                    #EXTINF:-1,Three
                    http://a/3.m3u8|User-Agent=VLC/3&referer=http://r/
                    #EXTINF:-1,Four
                    http://a/4.m3u8
                    """);
            var c = l.channels();
            assertThat(c.get(0).group()).isEqualTo("Movies");
            assertThat(c.get(0).headers()).containsExactly(Map.entry("User-Agent", "Mozilla/5.0 (X11)"),
                    Map.entry("Referer", "https://ref.example/"));
            assertThat(c.get(1).group()).isEqualTo("Wins");
            assertThat(c.get(1).headers()).containsExactly(Map.entry("User-Agent", "Kodi/20"),
                    Map.entry("Referer", "https://k/"));
            assertThat(c.get(2).url()).isEqualTo("http://a/3.m3u8");
            assertThat(c.get(2).headers()).containsExactly(Map.entry("User-Agent", "VLC/3"),
                    Map.entry("Referer", "http://r/"));
            assertThat(c.get(3).headers()).as("headers belong to one entry").isEmpty();
            assertThat(c.get(3).group()).isNull();
        }

        @Test
        void bomCrlfBlankAndCommentLines() throws Exception {
            byte[] bytes = ("\uFEFF#EXTM3U\r\n\r\n# a comment\r\n#EXTINF:-1 tvg-id=\"x\",X\r\n\r\n"
                    + "#EXT-X-SOMETHING:1\r\nhttp://a/x.m3u8\r\n").getBytes(StandardCharsets.UTF_8);
            ChannelList l = M3uReader.read(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
            assertThat(l.channels()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("X");
                assertThat(c.url()).isEqualTo("http://a/x.m3u8");
                assertThat(c.line()).isEqualTo(7);
            });
            assertThat(l.warnings()).isEmpty();
        }

        @Test
        void bareUrlListWithoutHeader() throws Exception {
            ChannelList l = read("http://a/1.m3u8\rhttps://b/2.m3u8?token=abc\n");
            assertThat(l.channels()).extracting(Channel::url).containsExactly("http://a/1.m3u8", "https://b/2.m3u8?token=abc");
            assertThat(l.channels().get(1).name()).as("no name: the masked URL").isEqualTo("https://b/2.m3u8?token=***");
        }

        @Test
        void tvgNameIsTheNameWhenTheLineHasNone() throws Exception {
            assertThat(read("#EXTM3U\n#EXTINF:-1 tvg-name=\"From Tvg\"\nhttp://a/\n").channels().getFirst().name())
                    .isEqualTo("From Tvg");
        }

        @Test
        void groupsAreSharedNotCopied() throws Exception {
            ChannelList l = read("#EXTINF:-1 group-title=\"G\",A\nhttp://a/1\n#EXTINF:-1 group-title=\"G\",B\nhttp://a/2\n");
            assertThat(l.channels().get(0).group()).isSameAs(l.channels().get(1).group());
        }
    }

    @Nested
    class Insufficient {
        @Test
        void nonHttpEntriesAreSkippedWithTheLineAndNoQueryValues() throws Exception {
            ChannelList l = read("""
                    #EXTM3U
                    #EXTINF:-1,Multicast
                    udp://239.0.0.1:1234
                    #EXTINF:-1,Local
                    file:///home/me/a.ts?secret=hunter2
                    #EXTINF:-1,Good
                    http://a/good.m3u8
                    relative/path.m3u8
                    """);
            assertThat(l.channels()).extracting(Channel::name).containsExactly("Good");
            assertThat(l.warnings()).extracting(ReadWarning::toString).containsExactly(
                    "playlist line 3: skipped udp:// entry (only http and https are played): 'udp://239.0.0.1:1234'",
                    "playlist line 5: skipped file:// entry (only http and https are played): 'file:///home/me/a.ts?secret=***'",
                    "playlist line 8: not an http(s) URL, skipped: 'relative/path.m3u8'");
        }

        @Test
        void urlsWithBlanksOrControlCharactersAreSkippedAsInvalid() throws Exception {
            // U+0085 (NEL) ends a line for some readers, not for ours: a fuzzed list kept it inside a URL.
            ChannelList l = read("#EXTM3U\n#EXTINF:-1,Tab\nhttp://a/x\ty.m3u8\n#EXTINF:-1,Nel\nhttps://b/x\u0085y\n"
                    + "#EXTINF:-1,Nbsp\nhttp://c/x\u00A0y\n#EXTINF:-1,Good\nhttp://d/good.m3u8|User-Agent=My Box 1.0\n");
            assertThat(l.channels()).extracting(Channel::name).containsExactly("Good");
            assertThat(l.channels().getFirst().headers()).containsEntry("User-Agent", "My Box 1.0");
            assertThat(l.warnings()).extracting(ReadWarning::line).containsExactly(3, 5, 7);
            assertThat(l.warnings()).allSatisfy(w -> assertThat(w.message()).startsWith("not a valid URL: "));
        }

        @Test
        void entriesWithoutUrlAreSkippedWithAWarning() throws Exception {
            ChannelList l = read("#EXTM3U\n#EXTINF:-1,No URL\n#EXTINF:-1,Has URL\nhttp://a/\n#EXTINF:-1,Last\n");
            assertThat(l.channels()).extracting(Channel::name).containsExactly("Has URL");
            assertThat(l.warnings()).extracting(ReadWarning::line).containsExactly(2, 5);
            assertThat(l.warnings().getFirst().message()).isEqualTo("#EXTINF without a URL, skipped");
        }

        @Test
        void unterminatedQuotesAndOddDurationsStillGiveAChannel() throws Exception {
            ChannelList l = read("#EXTINF:abc tvg-id=\"open,Name\nhttp://a/\n#EXTINF:NaN,N\nhttp://b/\n");
            assertThat(l.channels()).hasSize(2);
            assertThat(l.channels().get(0).tvgId()).isEqualTo("open,Name");
            assertThat(l.channels().get(0).durationSeconds()).isEqualTo(-1);
            assertThat(l.channels().get(1).durationSeconds()).isEqualTo(-1);
        }

        @Test
        void badHeadersAreDroppedNotSent() throws Exception {
            ChannelList l = read("#EXTINF:-1,A\n#EXTVLCOPT:http-user-agent=\nhttp://a/|Bad Name=x&X-Ok=1\n");
            assertThat(l.channels().getFirst().headers()).containsExactly(Map.entry("X-Ok", "1"));
        }

        @Test
        void warningsAreCappedAndCounted() throws Exception {
            StringBuilder sb = new StringBuilder("#EXTM3U\nhttp://a/ok\n");
            for (int i = 0; i < M3uReader.MAX_WARNINGS + 5; i++) {
                sb.append("rtmp://x/").append(i).append('\n');
            }
            ChannelList l = read(sb.toString());
            assertThat(l.warnings()).hasSize(M3uReader.MAX_WARNINGS + 1);
            assertThat(l.warnings().getLast().toString()).isEqualTo("playlist: 5 more warnings not shown");
        }

        @Test
        void binaryAfterChannelsStopsWithAWarning() throws Exception {
            ChannelList l = read("http://a/1\n\u0000\u0001\u0002garbage\nhttp://a/2\n");
            assertThat(l.channels()).hasSize(1);
            assertThat(l.warnings().getFirst().toString()).isEqualTo(
                    "playlist line 2: binary data; the rest of the playlist was not read");
        }
    }

    @Nested
    class Invalid {
        @Test
        void emptyAndBlank() {
            assertThat(error("")).isEqualTo(new ReadError.Empty("playlist"));
            assertThat(error("\uFEFF\r\n  \n\t\n")).isEqualTo(new ReadError.Empty("playlist"));
            assertThat(error("").reason()).isEqualTo("playlist is empty");
        }

        @Test
        void htmlPages() {
            assertThat(error("\n<!DOCTYPE html>\n<html><body>Login</body></html>"))
                    .isEqualTo(new ReadError.Html("playlist", 2));
            assertThat(error("<html>").reason()).isEqualTo("playlist is an HTML page, not a playlist (line 1)");
        }

        @Test
        void hlsMediaAndMasterPlaylistsAreStreamsNotChannelLists() throws Exception {
            assertThat(error("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nhttp://h/0.ts\n"))
                    .isEqualTo(new ReadError.HlsStream("playlist", 3));
            assertThat(error("#EXTM3U\r\n#ext-x-stream-inf:BANDWIDTH=800000\r\nhttp://h/360p.m3u8\r\n"))
                    .isEqualTo(new ReadError.HlsStream("playlist", 2));
            // Other EXT-X tags alone (seen in channel lists) do not make a stream.
            assertThat(read("#EXTM3U\n#EXT-X-SESSION-DATA:x\n#EXTINF:-1,A\nhttp://h/a.m3u8\n").channels()).hasSize(1);
        }

        @Test
        void binaryData() {
            assertThat(error("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR")).isInstanceOf(ReadError.Binary.class);
            assertThat(error("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDabc").reason()).isEqualTo("playlist is binary data, not text (line 1)");
            assertThat(error("x".repeat(LineReader.MAX_LINE + 10))).isInstanceOf(ReadError.Binary.class);
        }

        @Test
        void textWithoutAnyPlayableEntryNamesTheFirstProblem() {
            assertThat(error("#EXTM3U\n#EXTINF:-1,A\nrtsp://cam/1?pw=secret\n").reason()).isEqualTo(
                    "playlist has no playable entries (playlist line 3: skipped rtsp:// entry (only http and https"
                            + " are played): 'rtsp://cam/1?pw=***')");
            assertThat(error("#EXTM3U\n").reason()).isEqualTo("playlist has no playable entries (no URL lines)");
        }
    }
}
