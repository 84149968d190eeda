package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.playlist.MasterPlaylist;
import io.p2pviewer.engine.playlist.PlaylistParser;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A master playlist that points at itself, or at nothing playable, is refused with a message that says so. */
class StreamOpenerTest {
    private static final URI MASTER = URI.create("http://o.example/live/master.m3u8?token=SECRET123");

    private static MasterPlaylist master(String... uris) throws Exception {
        StringBuilder text = new StringBuilder("#EXTM3U\n");
        for (String uri : uris) {
            text.append("#EXT-X-STREAM-INF:BANDWIDTH=800000\n").append(uri).append('\n');
        }
        return (MasterPlaylist) PlaylistParser.parse(MASTER, text.toString());
    }

    @Test
    void aMasterThatPointsAtItselfIsRefused() {
        assertThatThrownBy(() -> StreamOpener.requirePlayable(MASTER, master("master.m3u8?token=SECRET123")))
                .isInstanceOfSatisfying(StreamException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StreamException.Kind.MALFORMED_PLAYLIST);
                    assertThat(e.getMessage()).startsWith("The master playlist points at itself")
                            .contains("master.m3u8?token=***").doesNotContain("SECRET123");
                });
    }

    @Test
    void aMasterWithoutAnyHttpVariantListsNothingPlayable() {
        assertThatThrownBy(() -> StreamOpener.requirePlayable(MASTER, master("ftp://f.example/a.m3u8",
                "rtmp://r.example/b")))
                .hasMessageStartingWith("The master playlist lists nothing playable: no variant URI is http(s)");
    }

    @Test
    void anOrdinaryMasterIsPlayable() {
        assertThatCode(() -> StreamOpener.requirePlayable(MASTER, master("720p/playlist.m3u8?token=SECRET123",
                "ftp://f.example/a.m3u8"))).doesNotThrowAnyException();
    }
}
