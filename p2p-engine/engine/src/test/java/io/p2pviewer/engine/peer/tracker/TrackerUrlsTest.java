package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TrackerUrlsTest {
    @Test
    void queryValuesAndUserInfoAreMasked() {
        assertThat(TrackerUrls.redacted(URI.create("wss://t.example:443/announce?token=abc.def&x=1")))
                .isEqualTo("wss://t.example:443/announce?token=***&x=***");
        assertThat(TrackerUrls.redacted(URI.create("ws://u:p@127.0.0.1:8000/?secret")))
                .isEqualTo("ws://127.0.0.1:8000/?***");
    }

    @Test
    void aUrlWithoutQueryIsShownAsItIs() {
        assertThat(TrackerUrls.redacted(URI.create("ws://127.0.0.1:8000"))).isEqualTo("ws://127.0.0.1:8000");
    }
}
