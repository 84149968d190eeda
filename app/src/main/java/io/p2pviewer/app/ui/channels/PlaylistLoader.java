package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.ChannelList;
import io.p2pviewer.app.channels.M3uReader;
import io.p2pviewer.app.channels.ReadError;
import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.SourceOpener;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a playlist named by a file path or an http(s) URL into a {@link ChannelList}. Blocking: call it off the
 * FX thread; one call at a time per instance.
 */
@FunctionalInterface
public interface PlaylistLoader {
    /** @throws ReadException with the reader's one-line reason when nothing usable was read */
    ChannelList load(String source) throws ReadException;

    /** The real one: {@link SourceOpener} (files, OkHttp for URLs) and {@link M3uReader}. */
    static PlaylistLoader of(SourceOpener opener) {
        return source -> {
            try {
                SourceOpener.check(source);
            } catch (IllegalArgumentException e) {
                throw new ReadException(new ReadError.Unreadable("playlist", e.getMessage()));
            }
            try (InputStream in = opener.open(source, "playlist");
                 Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return M3uReader.read(r);
            } catch (IOException e) {
                throw new ReadException(new ReadError.Unreadable("playlist", e.getClass().getSimpleName()), e);
            }
        };
    }
}
