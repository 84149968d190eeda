package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.playlist.MasterPlaylist;
import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.playlist.Rendition;
import java.net.URI;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwarmIdsTest {

    @Test
    void infoHashOfTheCheckedStreamSwarmId() {
        String swarm = "v2-http://127.0.0.1:18080/stream/master.m3u8-main-VNTn7I+DeU6GE+e1w/cUT9pJjmg=";

        assertThat(SwarmIds.infoHash(swarm)).isEqualTo("hZisoZWahU48V1cUq5vx").hasSize(SwarmIds.ID_LENGTH);
    }

    @Test
    void streamSwarmIdJoinsVersionBaseTypeAndIndex() {
        assertThat(SwarmIds.streamSwarmId("http://h/m.m3u8", StreamType.MAIN, "abc="))
                .isEqualTo("v2-http://h/m.m3u8-main-abc=");
        assertThat(SwarmIds.streamSwarmId("my swarm", StreamType.SECONDARY, "xyz="))
                .isEqualTo("v2-my swarm-secondary-xyz=");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://cdn.example.com/live/master.m3u8?token=abc&x=1 | https://cdn.example.com/live/master.m3u8",
            "https://cdn.example.com/live/master.m3u8#frag            | https://cdn.example.com/live/master.m3u8",
            "HTTPS://CDN.Example.COM:443/a/./b/../master.m3u8?t=1    | https://cdn.example.com/a/master.m3u8",
            "http://127.0.0.1:80/stream/master.m3u8                  | http://127.0.0.1/stream/master.m3u8",
            "http://127.0.0.1:18080/stream/master.m3u8               | http://127.0.0.1:18080/stream/master.m3u8",
            "http://example.com?q=1                                  | http://example.com/",
            "http://[::1]:8080/a%20b/master.m3u8?q                    | http://[::1]:8080/a%20b/master.m3u8",
            "file:///tmp/master.m3u8?x                               | file:///tmp/master.m3u8",
    })
    void baseSwarmIdIsTheFinalUrlWithoutQuery(String url, String expected) {
        assertThat(SwarmIds.baseSwarmId(null, URI.create(url))).isEqualTo(expected);
    }

    @Test
    void aConfiguredSwarmIdWins() {
        URI url = URI.create("https://cdn.example.com/live/master.m3u8?token=abc");

        assertThat(SwarmIds.baseSwarmId("channel-7", url)).isEqualTo("channel-7");
        assertThat(SwarmIds.baseSwarmId("", url)).isEmpty();
    }

    @Test
    void peerIdsHaveOurPrefixAnd12RandomAlphanumerics() {
        Random random = new Random(42);
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < 1000; k++) {
            String id = SwarmIds.newPeerId(random);
            assertThat(id).hasSize(20).startsWith("-PV0100-").matches("-PV0100-[A-Za-z0-9]{12}");
            assertThat(SwarmIds.isBrowserPeerId(id)).isFalse();
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
        assertThat(SwarmIds.newPeerId(new Random(5))).isEqualTo(SwarmIds.newPeerId(new Random(5)));
    }

    @Test
    void browserPeerIdsStartWithPM() {
        assertThat(SwarmIds.isBrowserPeerId("-PM0203-abcdefghijkl")).isTrue();
        assertThat(SwarmIds.isBrowserPeerId("-PV0100-abcdefghijkl")).isFalse();
        assertThat(SwarmIds.isBrowserPeerId(null)).isFalse();
    }

    @Test
    void liveSegmentIdsAreMediaSequenceNumbers() throws Exception {
        MediaPlaylist live = media("#EXT-X-MEDIA-SEQUENCE:1000\n", false);

        assertThat(live.segments()).extracting(s -> SwarmIds.segmentId(live, s)).containsExactly(1000L, 1001L, 1002L);
    }

    @Test
    void vodSegmentIdsArePositions() throws Exception {
        MediaPlaylist vod = media("#EXT-X-MEDIA-SEQUENCE:1000\n#EXT-X-PLAYLIST-TYPE:VOD\n", true);

        assertThat(vod.segments()).extracting(s -> SwarmIds.segmentId(vod, s)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aVodTypedPlaylistWithoutEndListCountsAsLiveAsInHlsJs() throws Exception {
        MediaPlaylist vodWithoutEnd = media("#EXT-X-MEDIA-SEQUENCE:7\n#EXT-X-PLAYLIST-TYPE:VOD\n", false);

        assertThat(SwarmIds.segmentId(vodWithoutEnd, vodWithoutEnd.segments().get(1))).isEqualTo(8L);
    }

    @Test
    void aSegmentOfAnotherPlaylistIsRefused() throws Exception {
        MediaPlaylist a = media("#EXT-X-MEDIA-SEQUENCE:1\n", false);
        MediaPlaylist b = media("#EXT-X-MEDIA-SEQUENCE:2\n", false);
        MediaSegment ofB = b.segments().get(0);

        assertThatThrownBy(() -> SwarmIds.segmentId(a, ofB)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAudioRenditionsHaveAnIndex() throws Exception {
        MasterPlaylist master = PlaylistParser.parseMaster(URI.create("http://h/m.m3u8"), """
                #EXTM3U
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="s",NAME="English",URI="en.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=1000,SUBTITLES="s"
                v.m3u8
                """);
        Rendition subtitles = master.renditions().get(0);

        assertThatThrownBy(() -> SwarmIds.renditionIndex(subtitles, master.variants()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SUBTITLES");
    }

    @Test
    void theDemoVariantIndexIsUpstreams() throws Exception {
        // computed by hls.js 1.6.16 + p2p-media-loader-hlsjs 2.3.1 (see SwarmIdsUpstreamFixturesTest)
        MasterPlaylist master = PlaylistParser.parseMaster(URI.create("http://127.0.0.1:18080/stream/master.m3u8"), """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=2824576,AVERAGE-BANDWIDTH=2705133,RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS="avc1.64001f,mp4a.40.2"
                720p/playlist.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=640000,RESOLUTION=640x360,CODECS="avc1.66.30,mp4a.40.2"
                360p/playlist.m3u8
                """);

        assertThat(SwarmIds.variantIndex(master.variants().get(0))).isEqualTo("7qQAEteoI6Fdfl37amDnrHvTBGU=");
        assertThat(SwarmIds.variantIndex(master.variants().get(1))).isEqualTo("8W4kn6oUWgN8T2pYsW4b2pFarbY=");
    }

    private static MediaPlaylist media(String headerTags, boolean endList) throws Exception {
        String text = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n" + headerTags
                + "#EXTINF:2,\na.ts\n#EXTINF:2,\nb.ts\n#EXTINF:2,\nc.ts\n" + (endList ? "#EXT-X-ENDLIST\n" : "");
        return PlaylistParser.parseMedia(URI.create("http://h/v.m3u8"), text);
    }
}
