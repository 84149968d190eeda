package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaylistLinesTest {

    @Test
    void splitsAtLfCrlfAndLoneCr() throws Exception {
        assertThat(PlaylistLines.split("a\nb\r\nc\rd", 100, 100)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void finalTerminatorDoesNotAddALineButBlankLinesStay() throws Exception {
        assertThat(PlaylistLines.split("a\n\nb\n", 100, 100)).containsExactly("a", "", "b");
        assertThat(PlaylistLines.split("a\r\n\r\n", 100, 100)).containsExactly("a", "");
    }

    @Test
    void dropsOnlyALeadingByteOrderMark() throws Exception {
        assertThat(PlaylistLines.split("\uFEFFa\n\uFEFFb", 100, 100)).containsExactly("a", "\uFEFFb");
    }

    @Test
    void classifiesLines() {
        assertThat(PlaylistLines.isTag("#EXTINF:1,")).isTrue();
        assertThat(PlaylistLines.isTag("# comment")).isFalse();
        assertThat(PlaylistLines.isUri("a.ts")).isTrue();
        assertThat(PlaylistLines.isUri(" \t")).isFalse();
        assertThat(PlaylistLines.isUri("#EXTINF:1,")).isFalse();
    }
}
