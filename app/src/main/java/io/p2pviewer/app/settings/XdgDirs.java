package io.p2pviewer.app.settings;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The app's directories after the XDG Base Directory specification: settings in {@code $XDG_CONFIG_HOME/p2p-viewer}
 * (default {@code ~/.config/p2p-viewer}), logs in {@code $XDG_STATE_HOME/p2p-viewer} ({@code ~/.local/state}),
 * caches such as channel logos in {@code $XDG_CACHE_HOME/p2p-viewer} ({@code ~/.cache}). A relative or empty
 * variable is ignored, as the specification says. Immutable.
 *
 * @param config where settings.json lives
 * @param state  where logs live
 * @param cache  what can be deleted at any time
 */
public record XdgDirs(Path config, Path state, Path cache) {
    /** The app's directory name under each base directory. */
    public static final String APP = "p2p-viewer";

    /** The directories for this process's environment. */
    public static XdgDirs fromEnvironment() {
        return of(System::getenv, System.getProperty("user.home"));
    }

    /** The directories for an environment (tests pass their own) and home directory. */
    public static XdgDirs of(UnaryOperator<String> environment, String userHome) {
        Path home = Path.of(userHome);
        return new XdgDirs(
                base(environment.apply("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(APP),
                base(environment.apply("XDG_STATE_HOME"), home.resolve(".local/state")).resolve(APP),
                base(environment.apply("XDG_CACHE_HOME"), home.resolve(".cache")).resolve(APP));
    }

    /** All three under one directory (tests). */
    public static XdgDirs under(Path root) {
        return new XdgDirs(root.resolve("config"), root.resolve("state"), root.resolve("cache"));
    }

    private static Path base(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }
}
