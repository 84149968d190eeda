package io.p2pviewer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoRouteTest {

    private static final Set<String> VARIANTS = Set.of("360p", "720p");

    @Test
    void parsesEveryKnownPath() {
        assertThat(DemoRoute.parse("/live/master.m3u8", VARIANTS)).isEqualTo(new DemoRoute.Master(DemoMode.LIVE));
        assertThat(DemoRoute.parse("/vod/master.m3u8", VARIANTS)).isEqualTo(new DemoRoute.Master(DemoMode.VOD));
        assertThat(DemoRoute.parse("/live/720p/playlist.m3u8", VARIANTS))
                .isEqualTo(new DemoRoute.MediaPlaylist(DemoMode.LIVE, "720p"));
        assertThat(DemoRoute.parse("/vod/360p/seg-0.ts", VARIANTS))
                .isEqualTo(new DemoRoute.Segment(DemoMode.VOD, "360p", 0));
        assertThat(DemoRoute.parse("/live/360p/seg-123456.ts", VARIANTS))
                .isEqualTo(new DemoRoute.Segment(DemoMode.LIVE, "360p", 123_456));
        assertThat(DemoRoute.parse("/live/720p/segments-sha256.json", VARIANTS))
                .isEqualTo(new DemoRoute.SegmentHashes(DemoMode.LIVE, "720p"));
        assertThat(DemoRoute.parse("/live/keys/demo.key", VARIANTS)).isEqualTo(new DemoRoute.Key(DemoMode.LIVE));
    }

    @Test
    void segmentRouteCarriesItsAccounting() {
        DemoRoute route = DemoRoute.parse("/live/720p/seg-42.ts", VARIANTS);

        assertThat(route.kind()).isEqualTo(RequestKind.SEGMENT);
        assertThat(route.variant()).isEqualTo("720p");
        assertThat(route.mediaSequence()).isEqualTo(42);
        assertThat(DemoRoute.parse("/live/keys/demo.key", VARIANTS).mediaSequence()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/live", "/live/", "/other/master.m3u8", "/live/master.m3u8/",
            "/live/1080p/playlist.m3u8", "/live/720p/seg-007.ts", "/live/720p/seg--1.ts", "/live/720p/seg-1.mp4",
            "/live/720p/seg-1234567890123456789.ts", "/live/keys/other.key", "/live/720p/x/seg-1.ts",
            "/LIVE/master.m3u8", "live/master.m3u8"})
    void anythingElseIsNotFound(String path) {
        DemoRoute route = DemoRoute.parse(path, VARIANTS);

        assertThat(route).isInstanceOf(DemoRoute.NotFound.class);
        assertThat(route.kind()).isEqualTo(RequestKind.OTHER);
        assertThat(route.variant()).isNull();
    }
}
