package io.p2pviewer.app.demo;

import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedded demo origin as the app uses it: the special URLs {@code demo}, {@code demo:live} and
 * {@code demo:vod} start a local origin and stand for its master playlist.
 */
public final class DemoStream implements AutoCloseable {
    private final DemoOrigin origin;

    private DemoStream(DemoOrigin origin) {
        this.origin = origin;
    }

    /** The demo mode a URL argument names, if it names one. */
    public static Optional<DemoMode> modeOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        return switch (url.trim().toLowerCase(Locale.ROOT)) {
            case "demo", "demo:live" -> Optional.of(DemoMode.LIVE);
            case "demo:vod" -> Optional.of(DemoMode.VOD);
            default -> Optional.empty();
        };
    }

    public static DemoStream start(DemoMode mode) throws IOException {
        return new DemoStream(DemoOrigin.start(DemoOriginConfig.builder().mode(mode).build()));
    }

    public URI masterUri() {
        return origin.masterUri();
    }

    public DemoOrigin origin() {
        return origin;
    }

    @Override
    public void close() {
        origin.close();
    }
}
