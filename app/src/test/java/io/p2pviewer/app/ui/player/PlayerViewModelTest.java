package io.p2pviewer.app.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.ui.UiThread;
import io.p2pviewer.engine.StreamException;
import io.p2pviewer.player.ErrorKind;
import io.p2pviewer.player.PlayerEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PlayerViewModelTest {
    /** Records calls; open() answers with a future the test completes. */
    static final class RecordingControls implements PlaybackControls {
        final List<String> calls = new ArrayList<>();
        CompletableFuture<Object> next = new CompletableFuture<>();

        @Override public CompletableFuture<?> open(URI url, io.p2pviewer.engine.http.RequestHeaders headers,
                                                   String swarmQualifier) {
            calls.add("open " + url + (headers.isEmpty() ? "" : " " + headers.values())
                    + (swarmQualifier.isEmpty() ? "" : " " + swarmQualifier));
            return next;
        }
        @Override public void togglePause() { calls.add("togglePause"); }
        @Override public void stop() { calls.add("stop"); }
        @Override public void setVolume(int percent) { calls.add("volume " + percent); }
        @Override public void setMuted(boolean muted) { calls.add("muted " + muted); }
        boolean onDemand = true;
        @Override public boolean setRate(double rate) {
            calls.add("rate " + rate + (onDemand ? "" : " refused"));
            return onDemand;
        }
    }

    private final RecordingControls controls = new RecordingControls();
    private final PlayerViewModel model = new PlayerViewModel(controls, UiThread.DIRECT);

    @Test
    void emptyOrBadUrlsShowAMessageAndOpenNothing() {
        model.open();
        assertThat(model.errorProperty().get()).contains("Enter the URL");
        typed("not a url with spaces");
        assertThat(model.errorProperty().get()).startsWith("That is not a URL");
        typed("file:///etc/passwd");
        assertThat(model.errorProperty().get()).contains("Only http:// and https://");
        assertThat(controls.calls).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aChannelOpensWithItsHeaders() {
        model.openChannel("https://cdn.example/ch1.m3u8", java.util.Map.of("User-Agent", "Box/1"));

        assertThat(controls.calls).containsExactly("open https://cdn.example/ch1.m3u8 {User-Agent=Box/1}");
        assertThat(model.urlProperty().get()).isEqualTo("https://cdn.example/ch1.m3u8");
    }

    @Test
    void aChannelWithUnsendableHeadersShowsWhyAndOpensNothing() {
        model.openChannel("https://cdn.example/ch1.m3u8", java.util.Map.of("Referer", "a\nb"));

        assertThat(controls.calls).isEmpty();
        assertThat(model.errorProperty().get()).contains("headers cannot be sent").contains("Referer");
    }

    @Test
    void openingShowsBusyUntilTheFirstFrame() {
        typed("  https://cdn.example/live/master.m3u8 ");
        assertThat(controls.calls).containsExactly("open https://cdn.example/live/master.m3u8");
        assertThat(model.busyProperty().get()).isTrue();
        controls.next.complete("session");
        assertThat(model.busyProperty().get()).isTrue();
        model.onPlayerEvent(new PlayerEvent.Playing());
        model.onPlayerEvent(new PlayerEvent.FirstFrame(Duration.ofMillis(200)));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.stateProperty().get()).isEqualTo("Playing");
        assertThat(model.playingProperty().get()).isTrue();
    }

    @Test
    void openFailureEndsTheSpinnerWithTheReason() {
        typed("http://127.0.0.1:1/x.m3u8");
        controls.next.completeExceptionally(new StreamException(StreamException.Kind.UNREACHABLE,
                "Cannot connect to http://127.0.0.1:1/x.m3u8"));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get())
                .isEqualTo("Cannot open the stream: Cannot connect to http://127.0.0.1:1/x.m3u8");
    }

    @Test
    void playerErrorsEndTheSpinnerAndAreShown() {
        typed("http://127.0.0.1/x.m3u8");
        controls.next.complete("session");
        model.onPlayerEvent(new PlayerEvent.Error(ErrorKind.KEY_REFUSED, "The key server refused the key"));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("The key server refused the key");
        model.dismissError();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void aLateAnswerToAnEarlierOpenIsIgnored() {
        typed("http://a.test/1.m3u8");
        CompletableFuture<Object> first = controls.next;
        controls.next = new CompletableFuture<>();
        typed("http://a.test/2.m3u8");
        first.completeExceptionally(new RuntimeException("old failure"));
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isTrue();
    }

    @Test
    void controlsReachPlayback() {
        model.volumeProperty().set(40);
        model.mutedProperty().set(true);
        model.togglePause();
        model.stop();
        model.toggleFullScreen();
        assertThat(controls.calls).containsExactly("volume 40", "muted true", "togglePause", "stop");
        assertThat(model.fullScreenProperty().get()).isTrue();
        assertThat(model.stateProperty().get()).isEqualTo("Stopped");
    }

    @Test
    void theTitleIsTheChannelsNameOrTheUrlsHostNeverItsToken() {
        model.openChannel("News One ", "https://cdn.example/news.m3u8", java.util.Map.of());
        assertThat(model.titleProperty().get()).isEqualTo("News One");
        typed("https://edge.example:8443/live/master.m3u8?token=secret123");
        assertThat(model.titleProperty().get()).isEqualTo("edge.example");
        typed("not a url at all");
        assertThat(model.titleProperty().get()).as("nothing opened: unchanged").isEqualTo("edge.example");
        model.openChannel("", "https://cdn.example/unnamed.m3u8", java.util.Map.of());
        assertThat(model.titleProperty().get()).isEqualTo("cdn.example");
    }

    @Test
    void volumeKeysStepWithinTheSlidersRangeUnmuteOnTheWayUpAndSayWhatTheyDid() {
        List<String> said = new ArrayList<>();
        model.feedbackProperty().addListener((o, was, is) -> said.add(is));

        model.toggleMute();
        assertThat(model.mutedProperty().get()).isTrue();
        model.changeVolume(-3);
        assertThat(model.volumeProperty().get()).isEqualTo(85);
        assertThat(model.mutedProperty().get()).as("down keeps it muted").isTrue();
        model.changeVolume(1);
        assertThat(model.mutedProperty().get()).as("up unmutes").isFalse();
        assertThat(model.volumeProperty().get()).isEqualTo(90);
        assertThat(said).containsExactly("Muted", "", "Muted", "", "Volume 90 %");

        model.changeVolume(40);
        model.changeVolume(1);
        assertThat(model.volumeProperty().get()).isEqualTo(PlayerViewModel.MAX_VOLUME);
        assertThat(said.subList(said.size() - 4, said.size())).as("said again at the top")
                .containsExactly("", "Volume 200 %", "", "Volume 200 %");
        model.changeVolume(-50);
        assertThat(model.volumeProperty().get()).isZero();
        assertThat(controls.calls).contains("muted true", "volume 85", "muted false", "volume 200", "volume 0");
    }

    @Test
    void theSpeedKeysStepBetweenHalfAndTwiceOnDemandAndSayWhyNotOnALiveStream() {
        List<String> said = new ArrayList<>();
        model.feedbackProperty().addListener((o, was, is) -> said.add(is));
        model.changeSpeed(1);
        model.changeSpeed(1);
        assertThat(model.speedProperty().get()).isEqualTo(1.5);
        model.changeSpeed(10);
        assertThat(model.speedProperty().get()).as("2x at most").isEqualTo(2.0);
        model.changeSpeed(-10);
        assertThat(model.speedProperty().get()).as("0.5x at least").isEqualTo(0.5);
        assertThat(said).filteredOn(x -> !x.isEmpty())
                .containsExactly("Speed 1.25x", "Speed 1.5x", "Speed 2x", "Speed 0.5x");
        typed("https://cdn.example/vod/master.m3u8");
        assertThat(model.speedProperty().get()).as("a stream opened starts at normal speed").isEqualTo(1.0);

        controls.onDemand = false;
        model.changeSpeed(1);
        assertThat(model.speedProperty().get()).isEqualTo(1.0);
        assertThat(said.getLast()).isEqualTo("Live: normal speed only");
        assertThat(controls.calls).contains("rate 1.25", "rate 2.0", "rate 0.5", "rate 1.25 refused");
    }

    @Test
    void theMiniPlayerAndFullscreenEndEachOtherAndBothShowOnlyTheVideo() {
        assertThat(model.videoOnlyProperty().get()).isFalse();
        model.toggleFullScreen();
        model.toggleMiniPlayer();
        assertThat(model.miniPlayerProperty().get()).isTrue();
        assertThat(model.fullScreenProperty().get()).as("the mini player leaves fullscreen").isFalse();
        assertThat(model.videoOnlyProperty().get()).isTrue();
        model.toggleFullScreen();
        assertThat(model.miniPlayerProperty().get()).as("fullscreen ends the mini player").isFalse();
        assertThat(model.videoOnlyProperty().get()).isTrue();
        model.toggleFullScreen();
        assertThat(model.videoOnlyProperty().get()).isFalse();
    }

    @Test
    void theAspectKeyCyclesThroughEveryChoiceAndSaysWhichOne() {
        List<String> said = new ArrayList<>();
        model.feedbackProperty().addListener((o, was, is) -> said.add(is));
        assertThat(model.aspectProperty().get()).isEqualTo(io.p2pviewer.player.VideoAspect.AUTO);
        for (int i = 0; i < io.p2pviewer.player.VideoAspect.values().length; i++) {
            model.cycleAspect();
        }
        assertThat(model.aspectProperty().get()).as("round to Auto again").isEqualTo(
                io.p2pviewer.player.VideoAspect.AUTO);
        assertThat(said).filteredOn(x -> !x.isEmpty()).containsExactly("Aspect 16:9", "Aspect 4:3", "Aspect 16:10",
                "Aspect 2.35:1", "Aspect Stretch", "Aspect Zoom", "Aspect Auto");
    }

    @Test
    void aUrlTheEngineFindsNoHlsPlaylistGoesToTheListOpenerAnUnreachableOneShowsItsError() {
        List<String> lists = new ArrayList<>();
        model.setListOpener(text -> lists.add(text));

        typedAndFailed("http://panel.example/get.php?type=m3u_plus", StreamException.Kind.MALFORMED_PLAYLIST,
                "not an HLS playlist");
        assertThat(lists).containsExactly("http://panel.example/get.php?type=m3u_plus");
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();

        typedAndFailed("http://127.0.0.1:1/live/master.m3u8", StreamException.Kind.UNREACHABLE,
                "Cannot connect to http://127.0.0.1:1/live/master.m3u8");
        assertThat(lists).hasSize(1);
        assertThat(model.errorProperty().get()).startsWith("Cannot open the stream: Cannot connect");

        // A media stream (an IPTV list's MPEG-TS channel typed in the bar) is no channel list either: its own words.
        typedAndFailed("http://panel.example:8080/user/pass/1234", StreamException.Kind.NOT_TEXT,
                "Not a valid HLS playlist: line 1: the server sent an MPEG-TS video stream, not an HLS playlist");
        assertThat(lists).hasSize(1);
        assertThat(model.errorProperty().get()).endsWith("the server sent an MPEG-TS video stream, not an HLS playlist");

        controls.next = new CompletableFuture<>();
        model.openChannel("http://cdn.example/bad.m3u8", java.util.Map.of());
        controls.next.completeExceptionally(new StreamException(StreamException.Kind.MALFORMED_PLAYLIST, "bad"));
        assertThat(lists).as("a channel of a list never goes back to the list opener").hasSize(1);
        assertThat(model.errorProperty().get()).isEqualTo("Cannot open the stream: bad");
    }

    /** The URL typed in the bar and opened; the engine fails it so. */
    private void typedAndFailed(String url, StreamException.Kind kind, String message) {
        controls.next = new CompletableFuture<>();
        typed(url);
        controls.next.completeExceptionally(new StreamException(kind, message));
    }

    /** The URL typed in the bar, then Enter. */
    private void typed(String url) {
        model.urlProperty().set(url);
        model.open();
    }
}
