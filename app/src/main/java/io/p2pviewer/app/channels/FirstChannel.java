package io.p2pviewer.app.channels;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        // Lenient decoding: a binary file becomes replacement characters, which parse as no URL.
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()
                .map(FirstChannel::strip).filter(l -> !l.isEmpty()).toList();
        boolean extended = !lines.isEmpty() && lines.get(0).startsWith("#EXTM3U");
        if (lines.stream().anyMatch(l -> l.startsWith("#EXT-X-TARGETDURATION"))) {
            return Optional.empty();
        }
        Optional<URI> first = Optional.empty();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            Optional<URI> uri = absolute(line);
            if (uri.isEmpty() && !extended) {
                return Optional.empty();
            }
            if (first.isEmpty() && uri.filter(FirstChannel::isHttp).isPresent()) {
                first = uri;
                if (extended) {
                    break;
                }
            }
        }
        return first;
    }

    private static String strip(String line) {
        return line.replace("\uFEFF", "").strip();
    }

    private static Optional<URI> absolute(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null || "file".equalsIgnoreCase(uri.getScheme())
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }
}
