package io.p2pviewer.app.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link UrlMask}: query values, user info and Kodi header suffixes never reach a message. */
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
}
