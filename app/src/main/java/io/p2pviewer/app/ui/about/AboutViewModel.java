package io.p2pviewer.app.ui.about;

import java.util.function.Supplier;

/**
 * What the About box says: the app's version, the libVLC version the player runs on and the Java runtime.
 * Immutable once built; the libVLC version is asked for each time the box opens (the player reads it once).
 */
public final class AboutViewModel {
    private final String appVersion;
    private final Supplier<String> libVlcVersion;
    private final String javaVersion;

    /**
     * @param appVersion the app's version (e.g. {@code 0.1.0-SNAPSHOT})
     * @param libVlcVersion the libVLC version the player reports (null or blank: unknown)
     * @param javaVersion the Java runtime's version
     */
    public AboutViewModel(String appVersion, Supplier<String> libVlcVersion, String javaVersion) {
        this.appVersion = appVersion;
        this.libVlcVersion = libVlcVersion;
        this.javaVersion = javaVersion;
    }

    /** The dialog's title. */
    public String title() {
        return "About P2P Viewer";
    }

    /** The dialog's header: the app and its version. */
    public String header() {
        return "P2P Viewer " + appVersion;
    }

    /** The dialog's body: one line each for libVLC and Java. */
    public String details() {
        String vlc = libVlcVersion.get();
        return "libVLC " + (vlc == null || vlc.isBlank() ? "version unknown" : vlc.strip()) + "\n"
                + "Java " + javaVersion + "\n"
                + "Live and on-demand HLS with peer-to-peer delivery.";
    }
}
