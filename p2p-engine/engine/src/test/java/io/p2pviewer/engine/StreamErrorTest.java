package io.p2pviewer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The human text of each kind of stream error: what the log, the report and the UI show. */
class StreamErrorTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final SegmentId SEG = new SegmentId("720p", 12);

    @Test
    void messages() {
        assertThat(new StreamError.PlaylistFailed(AT, "720p", "HTTP 404").message())
                .isEqualTo("Loading playlist of 720p failed: HTTP 404");
        assertThat(new StreamError.MalformedPlaylist(AT, "720p", "no #EXTM3U").message())
                .isEqualTo("Malformed playlist of 720p: no #EXTM3U");
        assertThat(new StreamError.SegmentFailed(AT, SEG, "HTTP 404 from the origin (http://o/seg-12.ts?token=***)")
                .message()).isEqualTo("segment 720p#12: HTTP 404 from the origin (http://o/seg-12.ts?token=***)");
        assertThat(new StreamError.UnknownSegment(AT, SEG).message())
                .isEqualTo("segment 720p#12 is not in any playlist the engine has seen");
        assertThat(new StreamError.PeerBanned(AT, "-PV0100-abcdefgh1234", SEG, false, "sha256: mismatch").message())
                .isEqualTo("Peer -PV0100-abcdefgh1234 sent a bad segment 720p#12 (sha256: mismatch): banned");
        assertThat(new StreamError.PeerBanned(AT, "-PV0100-abcdefgh1234", SEG, true,
                StreamError.PeerBanned.FIRST_BYTES_DIFFER).message())
                .isEqualTo("Peer -PV0100-abcdefgh1234 sent bad first bytes of 720p#12 (they differ from the origin's)"
                        + ": banned");
    }
}
