package io.p2pviewer.engine.playlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Playlist fixture files under src/test/resources/playlists. */
final class Fixtures {
    static final List<String> ALL = List.of("master.m3u8", "live-window-1.m3u8", "live-window-2.m3u8",
            "vod-fmp4-keys.m3u8", "byterange.m3u8", "uris.m3u8");

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/playlists/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
