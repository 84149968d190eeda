package io.p2pviewer.app.cli;

import io.p2pviewer.app.channels.FirstChannel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The URL argument of the app and of {@code play} as the engine needs it: a local playlist file (a path or a
 * {@code file:} URI, as a file manager passes it) becomes its first http(s) channel ({@link FirstChannel});
 * URLs, {@code demo} and anything that names no file pass unchanged. Stateless; any thread.
 */
final class PlaylistArgument {
    private PlaylistArgument() {
    }

    /**
     * The URL to open for {@code argument} (null stays null).
     *
     * @throws IllegalArgumentException with a one-line reason when it names a file that cannot be read or holds
     *     no http(s) channel
     */
    static String resolve(String argument) {
        Optional<Path> file = localFile(argument);
        if (file.isEmpty()) {
            return argument;
        }
        Path path = file.get();
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a directory, not a playlist file");
        }
        try {
            return FirstChannel.of(path).map(URI::toString).orElseThrow(() -> new IllegalArgumentException(path
                    + " is not a channel list: no #EXTM3U entry or line with an http(s) URL to play"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + reason(e));
        }
    }

    /**
     * The window's argument: a local channel list file stays a file (absolute path), for the sidebar to open as
     * a channel list, once checked as {@link #resolve} checks it; an HLS master playlist file becomes its first
     * variant as in {@link #resolve}; anything else passes unchanged.
     *
     * @throws IllegalArgumentException as {@link #resolve}
     */
    static String forWindow(String argument) {
        Optional<Path> file = localFile(argument);
        if (file.isEmpty()) {
            return argument;
        }
        String first = resolve(argument);
        try {
            if (Files.readString(file.get(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("#EXT-X-STREAM-INF")) {
                return first; // an HLS master playlist saved to a file: its first variant plays, as before
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file.get() + ": " + reason(e));
        }
        return file.get().toAbsolutePath().toString();
    }

    private static Optional<Path> localFile(String argument) {
        if (argument == null || argument.isBlank()) {
            return Optional.empty();
        }
        try {
            if (argument.regionMatches(true, 0, "file:", 0, 5)) {
                return Optional.of(Path.of(URI.create(argument)));
            }
            if (argument.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                return Optional.empty(); // a URL, or demo / demo:vod
            }
            Path path = Path.of(argument);
            return Files.exists(path) ? Optional.of(path) : Optional.empty();
        } catch (IllegalArgumentException e) { // InvalidPathException too
            return Optional.empty();
        }
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }
}
