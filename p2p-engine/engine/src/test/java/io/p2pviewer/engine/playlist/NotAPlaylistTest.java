package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A response that is no HLS playlist is named for what it is (IPTV lists often point at MPEG-TS or audio streams),
 * and its bytes are never quoted back when they are binary.
 */
class NotAPlaylistTest {
    private static final URI AT = URI.create("http://origin.test/live/1234");

    private static String messageFor(byte[] body) {
        return failure(body).getMessage();
    }

    private static PlaylistException failure(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8); // as the CDN client decodes a playlist
        try {
            PlaylistParser.parse(AT, text);
        } catch (PlaylistException e) {
            return e;
        }
        throw new AssertionError("parsed: " + text);
    }

    /** Two MPEG-TS packets: sync byte, PID, then payload with a service name as real streams carry. */
    private static byte[] mpegTs() {
        byte[] b = new byte[376];
        for (int p = 0; p < 2; p++) {
            b[p * 188] = 0x47;
            b[p * 188 + 1] = 0x40;
            b[p * 188 + 2] = 0x11;
            b[p * 188 + 3] = 0x10;
            for (int i = 4; i < 188; i++) {
                b[p * 188 + i] = (byte) (i % 7 == 0 ? 0xFF : i % 5);
            }
        }
        System.arraycopy("FFmpeg\tService01".getBytes(StandardCharsets.US_ASCII), 0, b, 20, 16);
        return b;
    }

    @Test
    void anMpegTsStreamIsNamedAndNotQuoted() {
        String m = messageFor(mpegTs());
        assertThat(m).contains("line 1", "the server sent an MPEG-TS video stream, not an HLS playlist",
                "only HLS (.m3u8) streams play here").doesNotContain("FFmpeg", "\uFFFD", "G@");
        assertThat(failure(mpegTs()).reason()).as("binary: no channel list either").isEqualTo(
                PlaylistException.Reason.NOT_TEXT);
    }

    @Test
    void audioMp4BinaryAndWebPagesAreNamed() {
        assertThat(messageFor("ID3\u0004\u0000\u0000\u0000\u0000\u0000#TSSE".getBytes(StandardCharsets.ISO_8859_1)))
                .contains("an audio stream (MP3 or AAC)");
        byte[] mp4 = new byte[64];
        System.arraycopy(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, mp4, 0, 12);
        assertThat(messageFor(mp4)).contains("an MP4 video file");
        assertThat(messageFor(new byte[] {1, 2, 3, (byte) 0xC3, 0x28, 0, 9})).contains("binary data")
                .doesNotContain("\uFFFD");
        assertThat(messageFor("<!DOCTYPE html>\n<html><body>Forbidden</body></html>".getBytes(
                StandardCharsets.UTF_8))).contains("a web page (HTML)");
        assertThat(messageFor("[playlist]\nFile1=http://radio.test/stream\n".getBytes(StandardCharsets.UTF_8)))
                .contains("a PLS playlist");
        assertThat(failure("<html><body>403</body></html>".getBytes(StandardCharsets.UTF_8)).reason())
                .as("text: perhaps a channel list, as the app asks next").isEqualTo(PlaylistException.Reason.NOT_M3U8);
    }

    @Test
    void plainTextThatIsNoPlaylistIsStillQuoted() {
        assertThat(messageFor("#EXT-X-TARGETDURATION:6\n".getBytes(StandardCharsets.UTF_8)))
                .contains("first line is '#EXT-X-TARGETDURATION:6', not #EXTM3U");
        assertThatThrownBy(() -> PlaylistParser.parse(AT, "<?xml version=\"1.0\"?><MPD/>"))
                .hasMessageContaining("first line is '<?xml");
    }
}
