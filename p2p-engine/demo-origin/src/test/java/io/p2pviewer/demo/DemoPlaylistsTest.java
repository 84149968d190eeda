package io.p2pviewer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPlaylistsTest {

    private static final int CLIP_SEGMENTS = 10;

    private static ClipVariant variant(String name, long bandwidth, int width, int height) {
        List<ClipSegment> segments = new ArrayList<>();
        for (int i = 0; i < CLIP_SEGMENTS; i++) {
            segments.add(new ClipSegment("seg-00" + i + ".ts", i == 3 ? 1960 : 2000, new byte[] {(byte) i}));
        }
        return new ClipVariant(name, width, height, 25, bandwidth, bandwidth - 1000, "avc1.64001f,mp4a.40.2",
                segments);
    }

    @Test
    void masterListsEveryVariantWithRelativeTokenUris() {
        String master = DemoPlaylists.master(
                List.of(variant("360p", 900_000, 640, 360), variant("720p", 2_800_000, 1280, 720)), "a b&c");

        assertThat(master).startsWith("#EXTM3U\n").contains(
                "#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=899000,RESOLUTION=640x360,"
                        + "FRAME-RATE=25.000,CODECS=\"avc1.64001f,mp4a.40.2\"\n360p/playlist.m3u8?token=a+b%26c\n",
                "RESOLUTION=1280x720",
                "\n720p/playlist.m3u8?token=a+b%26c\n");
    }

    @Test
    void masterWithoutTokenHasPlainUris() {
        String master = DemoPlaylists.master(List.of(variant("360p", 900_000, 640, 360)), null);

        assertThat(master).contains("\n360p/playlist.m3u8\n").doesNotContain("token");
    }

    @Test
    void discontinuitySequenceCountsTagsThatSlidOut() {
        assertThat(DemoPlaylists.discontinuitySequence(0, CLIP_SEGMENTS)).isZero();
        assertThat(DemoPlaylists.discontinuitySequence(9, CLIP_SEGMENTS)).isZero();
        assertThat(DemoPlaylists.discontinuitySequence(10, CLIP_SEGMENTS)).isZero();
        assertThat(DemoPlaylists.discontinuitySequence(11, CLIP_SEGMENTS)).isEqualTo(1);
        assertThat(DemoPlaylists.discontinuitySequence(20, CLIP_SEGMENTS)).isEqualTo(1);
        assertThat(DemoPlaylists.discontinuitySequence(21, CLIP_SEGMENTS)).isEqualTo(2);
    }

    @Test
    void livePlaylistAcrossALoopHasOneDiscontinuityAndRealDurations() {
        ParsedMediaPlaylist playlist = ParsedMediaPlaylist.parse(
                DemoPlaylists.live(variant("720p", 1, 1, 1), new SequenceRange(6, 13), "T"));

        assertThat(playlist.tags()).containsEntry("EXT-X-TARGETDURATION", "2")
                .containsEntry("EXT-X-MEDIA-SEQUENCE", "6")
                .containsEntry("EXT-X-DISCONTINUITY-SEQUENCE", "0")
                .containsEntry("EXT-X-KEY", "METHOD=AES-128,URI=\"../keys/demo.key?token=T\"")
                .doesNotContainKey("EXT-X-PLAYLIST-TYPE");
        assertThat(playlist.uris()).containsExactly("seg-6.ts?token=T", "seg-7.ts?token=T", "seg-8.ts?token=T",
                "seg-9.ts?token=T", "seg-10.ts?token=T", "seg-11.ts?token=T", "seg-12.ts?token=T",
                "seg-13.ts?token=T");
        assertThat(playlist.discontinuityUris()).containsExactly("seg-10.ts?token=T");
        assertThat(playlist.segments().get(7).duration()).isEqualTo("1.960");
        assertThat(playlist.segments().get(0).duration()).isEqualTo("2.000");
        assertThat(playlist.endList()).isFalse();
    }

    @Test
    void vodPlaylistRepeatsTheClipThreeTimesAndEnds() {
        ParsedMediaPlaylist playlist = ParsedMediaPlaylist.parse(DemoPlaylists.vod(variant("360p", 1, 1, 1), null));

        assertThat(playlist.tags()).containsEntry("EXT-X-PLAYLIST-TYPE", "VOD")
                .containsEntry("EXT-X-MEDIA-SEQUENCE", "0")
                .containsEntry("EXT-X-DISCONTINUITY-SEQUENCE", "0");
        assertThat(playlist.segments()).hasSize(30);
        assertThat(playlist.uris().get(29)).isEqualTo("seg-29.ts");
        assertThat(playlist.discontinuityUris()).containsExactly("seg-10.ts", "seg-20.ts");
        assertThat(playlist.endList()).isTrue();
    }
}
