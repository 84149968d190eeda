package io.p2pviewer.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PacedPlayerTest {
    @Test
    void anErrorNamesTheProxyPathWithoutTheSecret() {
        URI segment = URI.create("http://127.0.0.1:4000/Pr0xySecretPath/s/abc/t/0/seg/3.ts");

        assertThat(PacedPlayer.proxyPath(segment)).isEqualTo("s/abc/t/0/seg/3.ts");
        assertThat(PacedPlayer.proxyPath(URI.create("http://127.0.0.1:4000/x"))).isEqualTo("/x");
    }
}
