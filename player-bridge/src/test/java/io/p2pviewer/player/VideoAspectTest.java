package io.p2pviewer.player;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoAspectTest {
    @Test
    void theChoicesCycleInMenuOrderAndSettingsNamesReadBack() {
        assertThat(VideoAspect.AUTO.next()).isEqualTo(VideoAspect.RATIO_16_9);
        assertThat(VideoAspect.ZOOM.next()).isEqualTo(VideoAspect.AUTO);
        for (VideoAspect a : VideoAspect.values()) {
            assertThat(VideoAspect.parse(a.name())).isEqualTo(a);
        }
        assertThat(VideoAspect.parse(" ratio_4_3 ")).isEqualTo(VideoAspect.RATIO_4_3);
        assertThat(VideoAspect.parse("SQUASHED")).as("unknown: the video's own").isEqualTo(VideoAspect.AUTO);
        assertThat(VideoAspect.parse(null)).isEqualTo(VideoAspect.AUTO);
        assertThat(VideoAspect.RATIO_4_3.ratio()).isEqualTo(4.0 / 3);
        assertThat(VideoAspect.ZOOM.label()).isEqualTo("Zoom");
    }
}
