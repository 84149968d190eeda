package io.p2pviewer.app.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.engine.http.RequestHeaders;
import io.p2pviewer.player.MediaTracks;
import io.p2pviewer.player.PlayerStatus;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live stream through the engine into real libVLC: the engine says it is live, libVLC reports whether it can
 * seek in its window, and when it can, seeking back moves its time back; reopening ("Go live") plays again.
 */
class LiveSeekIT {
    private PlaybackRig rig;

    @AfterEach
    void stop() {
        rig.close();
    }

    private PlayerStatus awaitFrames(long frames) {
        await().atMost(Duration.ofSeconds(20)).until(() -> rig.playback().tick().framesDisplayed() > frames);
        return rig.player().status();
    }

    @Test
    void aLiveStreamSeeksBackWithinItsWindowWhenLibVlcCanAndGoesLiveAgain() throws Exception {
        rig = PlaybackRig.start(DemoMode.LIVE, Duration.ofSeconds(8));
        var opened = rig.playback().open(rig.origin().masterUri(), RequestHeaders.NONE).get(10, TimeUnit.SECONDS);
        awaitFrames(50);
        Thread.sleep(1500);
        MediaTracks tracks = rig.player().tracks();
        PlayerStatus before = rig.player().status();
        System.out.printf("live: seekable=%s time=%d length=%d%n", tracks.seekable(), before.timeMillis(),
                before.lengthMillis());
        assertThat(rig.playback().isLive()).isTrue();
        // libVLC gives a live stream the length of its playlist's window (8 segments of 2 s here), so the window
        // length cannot tell live from on-demand: the engine's isLive does.
        assertThat(before.lengthMillis()).as("live window").isBetween(0L, 20_000L);
        if (tracks.seekable()) {
            rig.playback().seek(before.timeMillis() - 6_000);
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    rig.player().status().timeMillis() < before.timeMillis() - 3_000);
            awaitFrames(rig.player().status().framesDisplayed() + 10);
        }

        var live = rig.playback().open(rig.playback().current().orElseThrow().url(), RequestHeaders.NONE)
                .get(10, TimeUnit.SECONDS);
        awaitFrames(0);
        assertThat(live.playerUri()).isNotEqualTo(opened.playerUri());
    }
}
