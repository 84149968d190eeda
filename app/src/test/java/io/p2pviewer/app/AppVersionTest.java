package io.p2pviewer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AppVersionTest {

    @Test
    void theBuildStampsThePomVersion() {
        assertThat(AppVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    @Test
    void anUnfilteredOrEmptyResourceIsUnknown() throws IOException {
        assertThat(AppVersion.of(stream("version=${project.version}\n"))).isEqualTo("unknown");
        assertThat(AppVersion.of(stream("# nothing\n"))).isEqualTo("unknown");
        assertThat(AppVersion.of(stream("version = 1.2.3 \n"))).isEqualTo("1.2.3");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
