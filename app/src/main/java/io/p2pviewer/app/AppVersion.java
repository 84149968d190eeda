package io.p2pviewer.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The app's version, as the Maven build stamped it into {@code version.properties}. Immutable; any thread. */
public final class AppVersion {
    private static final String RESOURCE = "version.properties";
    private static final String UNKNOWN = "unknown";

    private AppVersion() {
    }

    /** The version from the pom (e.g. {@code 0.1.0-SNAPSHOT}); "unknown" when the resource is missing. */
    public static String current() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            return in == null ? UNKNOWN : of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version a {@code version.properties} stream holds ("unknown" if it has none or was not filtered). */
    static String of(InputStream properties) throws IOException {
        Properties p = new Properties();
        p.load(properties);
        String v = p.getProperty("version", "").trim();
        return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
    }
}
