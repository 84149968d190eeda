package io.p2pviewer.app.playback;

import io.p2pviewer.engine.http.RequestHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A channel's request headers as libVLC media options, so that libVLC's own requests (the AES key requests that go
 * straight to the key server) carry them too: {@code User-Agent} becomes {@code :http-user-agent=} and
 * {@code Referer} {@code :http-referrer=}, the two headers libVLC 3's HTTP access and adaptive (HLS) modules read.
 * libVLC 3 has no option for any other header: those reach the engine's requests only.
 */
public final class HeaderOptions {
    private HeaderOptions() {
    }

    /** The media options for these headers, in a fixed order; empty when none applies. */
    public static List<String> of(RequestHeaders headers) {
        List<String> options = new ArrayList<>(2);
        for (Map.Entry<String, String> e : headers.values().entrySet()) {
            if (e.getKey().equalsIgnoreCase("User-Agent")) {
                options.add(":http-user-agent=" + e.getValue());
            } else if (e.getKey().equalsIgnoreCase("Referer")) {
                options.add(":http-referrer=" + e.getValue());
            }
        }
        return List.copyOf(options);
    }

    /** The headers libVLC cannot send (logged by name at debug, so that a missing key header can be traced). */
    public static List<String> unsupported(RequestHeaders headers) {
        return headers.values().keySet().stream()
                .filter(n -> !n.equalsIgnoreCase("User-Agent") && !n.equalsIgnoreCase("Referer")).toList();
    }
}
