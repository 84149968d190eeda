package io.p2pviewer.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void masksEveryQueryValueAndKeepsTheNames() {
        assertThat(Redacted.url("http://cdn.example/live/seg-1.ts?token=SECRET123&v=2"))
                .isEqualTo("http://cdn.example/live/seg-1.ts?token=***&v=***");
        assertThat(Redacted.url(URI.create("https://k.example/key?token=abc"))).isEqualTo("https://k.example/key?token=***");
    }

    @Test
    void masksABareQueryAndKeepsEmptyValuesEmpty() {
        assertThat(Redacted.url("http://h/p?SECRET123")).isEqualTo("http://h/p?***");
        assertThat(Redacted.url("http://h/p?a=&b")).isEqualTo("http://h/p?a=&***");
        assertThat(Redacted.url("http://h/p?")).isEqualTo("http://h/p?");
    }

    @Test
    void masksAPasswordInTheUserInfo() {
        assertThat(Redacted.url("turn://alice:hunter2@turn.example:3478?transport=udp"))
                .isEqualTo("turn://alice:***@turn.example:3478?transport=***");
        assertThat(Redacted.url("http://alice@h/p")).isEqualTo("http://alice@h/p");
        assertThat(Redacted.url("http://h/p@x:y")).isEqualTo("http://h/p@x:y");
    }

    @Test
    void leavesAUrlWithoutSecretsAlone() {
        assertThat(Redacted.url("http://127.0.0.1:8080/live/master.m3u8")).isEqualTo("http://127.0.0.1:8080/live/master.m3u8");
        assertThat(Redacted.url("http://h/p#frag")).isEqualTo("http://h/p#frag");
        assertThat(Redacted.url((String) null)).isNull();
        assertThat(Redacted.url((URI) null)).isEqualTo("(no URL)");
    }

    @Test
    void masksTheUserNameAndPasswordInAnXtreamCodesPath() {
        assertThat(Redacted.url("http://host:8080/live/USER/PASS/1234.m3u8"))
                .isEqualTo("http://host:8080/live/***/***/1234.m3u8");
        assertThat(Redacted.url("http://host:8080/USER/PASS/1234")).isEqualTo("http://host:8080/***/***/1234");
        assertThat(Redacted.url("http://host/USER/PASS/1234.ts")).isEqualTo("http://host/***/***/1234.ts");
        assertThat(Redacted.url("http://host/movie/USER/PASS/55.mp4")).isEqualTo("http://host/movie/***/***/55.mp4");
        assertThat(Redacted.url("http://host/series/USER/PASS/7.mkv")).isEqualTo("http://host/series/***/***/7.mkv");
        assertThat(Redacted.url("http://host/timeshift/USER/PASS/120/2026-12-06:19-00/1234.m3u8"))
                .isEqualTo("http://host/timeshift/***/***/120/2026-12-06:19-00/1234.m3u8");
        assertThat(Redacted.url("http://host/live/USER/PASS/1234/index.m3u8"))
                .isEqualTo("http://host/live/***/***/1234/index.m3u8");
    }

    @Test
    void masksPathCredentialsTogetherWithTheQueryPasswordAndFragment() {
        assertThat(Redacted.url("https://a:pw@host/live/USER/PASS/1234.m3u8?token=T#t=5"))
                .isEqualTo("https://a:***@host/live/***/***/1234.m3u8?token=***#t=5");
        assertThat(Redacted.url(URI.create("http://host/USER/PASS/1234?x=1"))).isEqualTo("http://host/***/***/1234?x=***");
    }

    @Test
    void leavesOrdinaryCdnPathsAlone() {
        for (String url : new String[] {
            "http://cdn.example/live/stream/index.m3u8",
            "http://cdn.example/hls/720p/seg1.ts",
            "http://cdn.example/live/_definst_/stream/playlist.m3u8", // Wowza: four segments, no stream id
            "http://cdn.example/live/event/720p/seg-1.ts",
            "http://cdn.example/vod/movie/1234.mp4/index.m3u8", // four segments, not one of the four words
            "http://cdn.example/a/b/c/1234.ts", // four segments, not one of the four words
            "http://cdn.example/a/b/1234.ts/", // a fourth (empty) segment
            "http://cdn.example/a//1234.ts", // an empty segment is no credential
            "http://cdn.example/live//PASS/1234.m3u8",
            "http://cdn.example/Live/USER/PASS/1234.m3u8", // Xtream's words are lower case
            "http://cdn.example/a/b/seg-1234.ts",
            "http://cdn.example/live/1234.m3u8",
            "http://1234/5678/90",
            "/USER/PASS/1234.ts" // no scheme and host: not a URL
        }) {
            assertThat(Redacted.url(url)).as(url).isEqualTo(url);
        }
    }

    /**
     * The short form cannot be told from a CDN path of three segments ending in a number: that one loses its first two
     * segments in messages too (a message that shows less is the safe side).
     */
    @Test
    void aThreeSegmentPathEndingInANumberIsMaskedWhereverItIs() {
        assertThat(Redacted.url("http://cdn.example/hls/720p/1234.ts?q=USER/PASS/1"))
                .isEqualTo("http://cdn.example/***/***/1234.ts?q=***");
    }

    @Test
    void masksXtreamPathsInFreeText() {
        assertThat(Redacted.text("HTTP 403 from the origin (http://host:8080/live/USER/PASS/1234.m3u8): refused;"
                + " then http://host/USER/PASS/1234."))
                .isEqualTo("HTTP 403 from the origin (http://host:8080/live/***/***/1234.m3u8): refused;"
                        + " then http://host/***/***/1234.");
    }

    @Test
    void masksEveryUrlInFreeText() {
        String line = "The key server refused the decryption key (HTTP 403) at http://o/live/keys/demo.key?token=SECRET123:"
                + " this viewer is not entitled; see also \"ftp://u:pw@f/seg-1.ts?sig=S3\"";
        assertThat(Redacted.text(line))
                .doesNotContain("SECRET123", "pw@", "S3")
                .contains("http://o/live/keys/demo.key?token=***:", "ftp://u:***@f/seg-1.ts?sig=***\"");
        assertThat(Redacted.text("no url here ?token=x")).isEqualTo("no url here ?token=x");
    }

    @Test
    void replacesAKnownSecretThenMasks() {
        String proxy = "http://127.0.0.1:4000/SeCrEtPaTh/s/abc/master.m3u8";
        assertThat(Redacted.replacing("Playback of " + proxy + " ended; key http://o/k?token=T", proxy, "the stream"))
                .isEqualTo("Playback of the stream ended; key http://o/k?token=***");
        assertThat(Redacted.replacing("x", null, "y")).isEqualTo("x");
    }
}
