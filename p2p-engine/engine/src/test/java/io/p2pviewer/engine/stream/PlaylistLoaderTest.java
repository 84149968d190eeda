package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The playlist loader's rewriting of segment names (its loading is tested through {@link StreamControllerTest}). */
class PlaylistLoaderTest {
    @Test
    void theProxyNamesASegmentByItsExtensionOrTsWhenItHasNoneOrAnOddOne() {
        assertThat(PlaylistLoader.extension(URI.create("https://cdn.test/v/seg-1.m4s?token=a.b"))).isEqualTo("m4s");
        assertThat(PlaylistLoader.extension(URI.create("https://cdn.test/a.dir/audio.AAC"))).isEqualTo("AAC");
        assertThat(PlaylistLoader.extension(URI.create("https://cdn.test/a.dir/seg1"))).isEqualTo("ts");
        assertThat(PlaylistLoader.extension(URI.create("https://cdn.test/seg1."))).isEqualTo("ts");
        assertThat(PlaylistLoader.extension(URI.create("https://cdn.test/seg1.ab_c"))).isEqualTo("ts");
        assertThat(PlaylistLoader.extension(URI.create("https://cdn.test/seg1.abcdefgh"))).isEqualTo("abcdefgh");
        assertThat(PlaylistLoader.extension(URI.create("https://cdn.test/seg1.abcdefghi"))).isEqualTo("ts");
        assertThat(PlaylistLoader.extension(URI.create("urn:seg"))).isEqualTo("ts");
    }
}
