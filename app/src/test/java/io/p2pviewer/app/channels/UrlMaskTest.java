package io.p2pviewer.app.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link UrlMask}: query values, user info, Xtream path credentials and Kodi header suffixes never reach a message. */
class UrlMaskTest {
    @Test
    void masksEverySecretPart() {
        assertThat(UrlMask.mask("http://h/p?token=abc&x=1#f")).isEqualTo("http://h/p?token=***&x=***#f");
        assertThat(UrlMask.mask("https://user:pw@h:8080/p?secret")).isEqualTo("https://user:***@h:8080/p?***");
        assertThat(UrlMask.mask("http://h/p|User-Agent=x&Cookie=c")).isEqualTo("http://h/p|***");
        assertThat(UrlMask.mask("http://h/p")).isEqualTo("http://h/p");
        assertThat(UrlMask.mask("not a url ?a=b")).isEqualTo("not a url ?a=***");
        assertThat(UrlMask.mask(null)).isEqualTo("(none)");
    }

    /**
     * Xtream Codes-style channel URLs carry the subscriber's user name and password in the path: both become
     * {@code ***} (the exact rules are {@code RedactedTest}'s; UrlMask delegates), a Kodi suffix as before.
     */
    @Test
    void masksXtreamCodesPathCredentials() {
        for (String url : List.of("http://host:8080/live/USER/PASS/1234.m3u8", "http://host:8080/USER/PASS/1234",
                "http://host/movie/USER/PASS/55.mp4", "http://host/series/USER/PASS/7.mkv",
                "http://host/timeshift/USER/PASS/120/2026-12-06:19-00/1234.m3u8")) {
            assertThat(UrlMask.mask(url)).as(url).doesNotContain("USER", "PASS")
                    .isEqualTo(url.replace("/USER/PASS/", "/***/***/"));
        }
        assertThat(UrlMask.mask("http://host/USER/PASS/1234.ts|User-Agent=VLC")).isEqualTo("http://host/***/***/1234.ts|***");
    }

    @Test
    void leavesOrdinaryCdnPathsAlone() {
        for (String url : List.of("http://cdn.example/live/stream/index.m3u8", "http://cdn.example/hls/720p/seg1.ts",
                "http://cdn.example/live/_definst_/stream/playlist.m3u8")) {
            assertThat(UrlMask.mask(url)).isEqualTo(url);
        }
    }
}
