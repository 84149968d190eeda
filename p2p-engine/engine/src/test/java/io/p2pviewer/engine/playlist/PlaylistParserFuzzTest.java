package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz target for the HLS playlist parser ({@link PlaylistParser#parse}): any text as a playlist fetched from
 * an https URL.
 *
 * <p>What must hold: only {@link PlaylistException} escapes, with a one-line message; a parsed playlist has no more
 * entries than the text has lines, every segment and variant URI is absolute, segment durations are finite and not
 * negative, and a media playlist's segments number in order from its media sequence. Seeds:
 * {@code PlaylistParserFuzzTestInputs/parserOnlyRaisesPlaylistExceptionAndStaysBounded}.
 */
class PlaylistParserFuzzTest {
    private static final URI BASE = URI.create("https://origin.test/live/360p/index.m3u8?token=abc");

    @DictionaryEntries({"#EXTM3U", "#EXTINF:", "#EXT-X-TARGETDURATION:", "#EXT-X-MEDIA-SEQUENCE:",
            "#EXT-X-DISCONTINUITY-SEQUENCE:", "#EXT-X-DISCONTINUITY", "#EXT-X-ENDLIST", "#EXT-X-VERSION:",
            "#EXT-X-STREAM-INF:", "BANDWIDTH=", "AVERAGE-BANDWIDTH=", "RESOLUTION=", "CODECS=", "#EXT-X-MEDIA:",
            "TYPE=AUDIO", "GROUP-ID=", "URI=", "#EXT-X-KEY:", "METHOD=AES-128", "IV=0x", "#EXT-X-MAP:",
            "#EXT-X-BYTERANGE:", "BYTERANGE=", "#EXT-X-PLAYLIST-TYPE:", "EVENT", "VOD", "#EXT-X-I-FRAME-STREAM-INF:",
            "#EXT-X-INDEPENDENT-SEGMENTS", "seg-1.ts", "../a.m3u8", "ftp://x/y.ts", ","})
    @FuzzTest
    void parserOnlyRaisesPlaylistExceptionAndStaysBounded(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Playlist playlist;
        try {
            playlist = PlaylistParser.parse(BASE, text);
        } catch (PlaylistException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        long lines = text.lines().count();
        switch (playlist) {
            case MediaPlaylist media -> {
                assertThat((long) media.segments().size()).isLessThanOrEqualTo(lines);
                long expected = media.mediaSequence();
                for (MediaSegment s : media.segments()) {
                    assertThat(s.uri().isAbsolute()).as("segment %s", s.uri()).isTrue();
                    assertThat(s.duration()).isNotNegative().isLessThan(Double.POSITIVE_INFINITY);
                    assertThat(s.mediaSequence()).isEqualTo(expected++);
                }
            }
            case MasterPlaylist master -> {
                assertThat((long) master.variants().size()).isLessThanOrEqualTo(lines);
                master.variants().forEach(v -> assertThat(v.uri().isAbsolute()).as("variant %s", v.uri()).isTrue());
            }
        }
    }
}
