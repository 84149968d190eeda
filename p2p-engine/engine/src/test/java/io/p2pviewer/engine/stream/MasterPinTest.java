package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasterPinTest {
    private static final String MASTER = """
            #EXTM3U
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",NAME="English",URI="t/3/playlist.m3u8"
            #EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,AUDIO="a"
            t/0/playlist.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=1400000,RESOLUTION=960x540,AUDIO="a"
            t/1/playlist.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,AUDIO="a"
            t/2/playlist.m3u8
            """;

    @Test
    void keepsOnlyThePinnedVariantAndEveryOtherLine() {
        String pinned = MasterPin.only(MASTER, 1);

        assertThat(pinned).contains("#EXT-X-INDEPENDENT-SEGMENTS", "#EXT-X-MEDIA:TYPE=AUDIO", "t/3/playlist.m3u8",
                "BANDWIDTH=1400000", "t/1/playlist.m3u8");
        assertThat(pinned).doesNotContain("t/0/playlist.m3u8", "t/2/playlist.m3u8", "BANDWIDTH=800000",
                "BANDWIDTH=2800000");
        assertThat(pinned.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF"))).hasSize(1);
    }

    @Test
    void aTrackThatIsNoVariantLeavesTheMasterAsItIs() {
        assertThat(MasterPin.only(MASTER, 3)).isEqualTo(MASTER);
        assertThat(MasterPin.only(MASTER, 9)).isEqualTo(MASTER);
        assertThat(MasterPin.isVariant(MASTER, 3)).isFalse();
        assertThat(MasterPin.isVariant(MASTER, 2)).isTrue();
    }
}
