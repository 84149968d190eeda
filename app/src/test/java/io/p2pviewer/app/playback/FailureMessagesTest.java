package io.p2pviewer.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.player.ErrorKind;
import io.p2pviewer.player.PlayerEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final String PREFIX = "http://127.0.0.1:4000/Pr0xySecret/";
    private static final PlayerEvent.Error GUESS = new PlayerEvent.Error(ErrorKind.NO_PROGRESS,
            "Playback of " + PREFIX + "s/x/master.m3u8 ended before any picture was shown: libVLC could not read the"
                    + " stream (a wrong decryption key or corrupt segments look like this)");
    private static final StreamError SEGMENT_404 = new StreamError.SegmentFailed(AT, new SegmentId("720p", 12),
            "HTTP 404 from the origin (http://o/live/720p/seg-12.ts?token=***)");

    @Test
    void theEnginesCauseWinsOverLibVlcsGuess() {
        String shown = FailureMessages.explain(GUESS, List.of(
                new StreamError.PeerBanned(AT, "peer", new SegmentId("720p", 3), false, "sha256"), SEGMENT_404),
                PREFIX);

        assertThat(shown).isEqualTo("segment 720p#12: HTTP 404 from the origin (http://o/live/720p/seg-12.ts?token=***)");
    }

    @Test
    void aRefusedKeyIsThePlayersOwnFinding() {
        PlayerEvent.Error refused = new PlayerEvent.Error(ErrorKind.KEY_REFUSED,
                "The key server refused the decryption key (HTTP 403) at http://o/keys/k?token=SECRET123");

        assertThat(FailureMessages.explain(refused, List.of(SEGMENT_404), PREFIX))
                .isEqualTo("The key server refused the decryption key (HTTP 403) at http://o/keys/k?token=***");
    }

    @Test
    void withoutAnEngineCauseThePlayersWordsStayButNeverTheProxySecret() {
        String shown = FailureMessages.explain(GUESS, List.of(), PREFIX);

        assertThat(shown).contains("(engine proxy)/s/x/master.m3u8", "wrong decryption key").doesNotContain("Pr0xySecret");
    }
}
