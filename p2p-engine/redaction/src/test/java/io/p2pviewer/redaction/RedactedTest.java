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
