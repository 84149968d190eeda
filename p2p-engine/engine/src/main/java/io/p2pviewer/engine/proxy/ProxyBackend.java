package io.p2pviewer.engine.proxy;

import io.p2pviewer.engine.cache.CachedSegment;
import java.util.concurrent.CompletableFuture;

/**
 * What the loopback proxy asks of the engine. Methods are thread-safe and return at once; futures fail with
 * {@link ProxyFailure} when the answer is an HTTP error.
 */
public interface ProxyBackend {
    CompletableFuture<String> master(String session);

    /** The engine's metrics in the Prometheus text format. */
    String metrics();

    CompletableFuture<String> playlist(String session, int track);

    CompletableFuture<CachedSegment> segment(String session, int track, long mediaSequence);

    /** The proxy wrote {@code bytesWritten} bytes of the segment to the player; {@code sha256} is of those bytes. */
    void served(String session, CachedSegment segment, long bytesWritten, String sha256);
}
