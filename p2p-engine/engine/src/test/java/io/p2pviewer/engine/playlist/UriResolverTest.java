package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UriResolverTest {
    private static final URI RFC_BASE = URI.create("http://a/b/c/d;p?q");

    /** The examples of RFC 3986 §5.4.1 and §5.4.2 (except the empty reference, which a playlist cannot hold). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "g:h g:h",
            "g http://a/b/c/g",
            "./g http://a/b/c/g",
            "g/ http://a/b/c/g/",
            "/g http://a/g",
            "//g http://g",
            "?y http://a/b/c/d;p?y",
            "g?y http://a/b/c/g?y",
            "#s http://a/b/c/d;p?q#s",
            "g#s http://a/b/c/g#s",
            "g?y#s http://a/b/c/g?y#s",
            ";x http://a/b/c/;x",
            "g;x http://a/b/c/g;x",
            "g;x?y#s http://a/b/c/g;x?y#s",
            ". http://a/b/c/",
            "./ http://a/b/c/",
            ".. http://a/b/",
            "../ http://a/b/",
            "../g http://a/b/g",
            "../.. http://a/",
            "../../ http://a/",
            "../../g http://a/g",
            "../../../g http://a/g",
            "../../../../g http://a/g",
            "/./g http://a/g",
            "/../g http://a/g",
            "g. http://a/b/c/g.",
            ".g http://a/b/c/.g",
            "g.. http://a/b/c/g..",
            "..g http://a/b/c/..g",
            "./../g http://a/b/g",
            "./g/. http://a/b/c/g/",
            "g/./h http://a/b/c/g/h",
            "g/../h http://a/b/c/h",
            "g;x=1/./y http://a/b/c/g;x=1/y",
            "g;x=1/../y http://a/b/c/y",
            "g?y/./x http://a/b/c/g?y/./x",
            "g?y/../x http://a/b/c/g?y/../x",
            "g#s/./x http://a/b/c/g#s/./x",
            "g#s/../x http://a/b/c/g#s/../x",
            "http:g http:g"})
    void followsRfc3986Examples(String reference, String expected) throws Exception {
        assertThat(UriResolver.resolve(RFC_BASE, reference)).hasToString(expected);
    }

    @Test
    void resolvesAgainstABaseWithoutPath() throws Exception {
        assertThat(UriResolver.resolve(URI.create("http://h.example"), "a.ts")).hasToString("http://h.example/a.ts");
    }

    @Test
    void keepsEncodedCharactersAndQueryStringsAsWritten() throws Exception {
        URI base = URI.create("https://h.example/live/index.m3u8?token=base");

        assertThat(UriResolver.resolve(base, "seg%201.ts?sig=a%2Fb&e=1")).hasToString(
                "https://h.example/live/seg%201.ts?sig=a%2Fb&e=1");
    }

    @Test
    void failsWithBadUri() {
        PlaylistException e = catchThrowableOfType(PlaylistException.class,
                () -> UriResolver.resolve(RFC_BASE, "a b.ts", 9, "segment URI"));

        assertThat(e.reason()).isEqualTo(PlaylistException.Reason.BAD_URI);
        assertThat(e.getMessage()).isEqualTo("line 9: segment URI 'a b.ts' is not a valid URI");
    }

    @Test
    void removesLongRunsOfDotSegments() {
        String path = "/a" + "/./b/..".repeat(200_000) + "/c";

        assertThat(UriResolver.removeDotSegments(path)).isEqualTo("/a/c");
    }
}
