package io.p2pviewer.app.channels;

import io.p2pviewer.engine.playlist.PlaylistException;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.playlist.Variant;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The first playable channel of a local playlist file: an IPTV channel list ({@code #EXTM3U} with
 * {@code #EXTINF} entries), an HLS master playlist with absolute variant URLs, or a bare list of URLs, one a
 * line. Stateless; any thread.
 */
public final class FirstChannel {
    /** Larger files are not playlists a viewer opens by hand (big IPTV lists are a few MB). */
    static final long MAX_BYTES = 64L << 20;

    private FirstChannel() {
    }

    /**
     * The first http(s) entry of the list in {@code file}; empty when the file is not such a list: no
     * {@code #EXTM3U} header and a line that is not a URL, an HLS media playlist (its entries are segments,
     * not channels), or no http(s) entry at all.
     *
     * @throws IOException if the file cannot be read, or is larger than 64 MB
     */
    public static Optional<URI> of(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("larger than " + (MAX_BYTES >> 20) + " MB");
        }
        // Lenient decoding: a binary file becomes replacement characters, which the reader refuses.
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (text.contains("#EXT-X-TARGETDURATION")) {
            return Optional.empty(); // an HLS media playlist: its entries are segments, not channels
        }
        if (text.contains("#EXT-X-STREAM-INF")) {
            return firstVariant(file, text); // an HLS master (which M3uReader refuses as a channel list): its first variant
        }
        if (!text.stripLeading().replace("\uFEFF", "").startsWith("#EXTM3U") && !everyLineIsAUrl(text)) {
            return Optional.empty(); // not a list: prose that happens to hold a URL
        }
        try {
            return M3uReader.read(new StringReader(text)).channels().stream()
                    .map(c -> absolute(c.url())).flatMap(Optional::stream).filter(FirstChannel::isHttp).findFirst();
        } catch (ReadException e) {
            return Optional.empty();
        }
    }

    /** The first http(s) variant of an HLS master playlist, read by the engine's parser (relative ones are not). */
    private static Optional<URI> firstVariant(Path file, String text) {
        try {
            return PlaylistParser.parseMaster(file.toUri(), text).variants().stream().map(Variant::uri)
                    .filter(FirstChannel::isHttp).findFirst();
        } catch (PlaylistException e) {
            return Optional.empty();
        }
    }

    private static boolean everyLineIsAUrl(String text) {
        return text.lines().map(l -> l.replace("\uFEFF", "").strip())
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).allMatch(l -> absolute(l).isPresent());
    }

    private static Optional<URI> absolute(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isHttp(URI uri) {
        return SourceOpener.isUrl(uri.toString());
    }
}
