package io.p2pviewer.engine.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProxyRouteTest {
    private static final String SECRET = "abcdefghijklmnopqrstuvwxyz012345";

    @Test
    void parsesTheThreeRoutes() {
        assertThat(ProxyRoute.parse(SECRET, "/" + SECRET + "/s/ab12/master.m3u8"))
                .contains(new ProxyRoute.Master("ab12"));
        assertThat(ProxyRoute.parse(SECRET, "/" + SECRET + "/s/ab12/t/3/playlist.m3u8"))
                .contains(new ProxyRoute.Playlist("ab12", 3));
        assertThat(ProxyRoute.parse(SECRET, "/" + SECRET + "/s/ab12/t/1/seg/123456789012.ts"))
                .contains(new ProxyRoute.Segment("ab12", 1, 123456789012L));
    }

    @Test
    void pathsRoundTrip() {
        assertThat(ProxyRoute.parse(SECRET, ProxyRoute.masterPath(SECRET, "x1"))).contains(new ProxyRoute.Master("x1"));
        assertThat(ProxyRoute.parse(SECRET, ProxyRoute.playlistPath(SECRET, "x1", 7)))
                .contains(new ProxyRoute.Playlist("x1", 7));
    }

    @Test
    void refusesWrongSecretAndOtherShapes() {
        String other = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz";
        assertThat(ProxyRoute.parse(SECRET, "/" + other + "/s/ab12/master.m3u8")).isEmpty();
        assertThat(ProxyRoute.parse(SECRET, "/s/ab12/master.m3u8")).isEmpty();
        assertThat(ProxyRoute.parse(SECRET, "/" + SECRET + "/s/ab12/t/1/seg/../../etc/passwd")).isEmpty();
        assertThat(ProxyRoute.parse(SECRET, "/" + SECRET + "/s/ab12/t/1/seg/99999999999999999999.ts")).isEmpty();
        assertThat(ProxyRoute.parse(SECRET, "/" + SECRET + "/s/ab12/t/-1/playlist.m3u8")).isEmpty();
        assertThat(ProxyRoute.parse(SECRET, null)).isEmpty();
        assertThat(ProxyRoute.parse(SECRET, "")).isEmpty();
    }
}
