package io.p2pviewer.engine.http;

import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.time.Cancellable;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP access to the CDN (the origin): playlists as text and segments as bytes. Never used for key URIs: the
 * player fetches keys itself. Implementations are thread-safe and never block the caller.
 */
public interface CdnClient extends AutoCloseable {
    /** Fetches a playlist; the future fails with a {@link StreamException} saying why. */
    CompletableFuture<TextResponse> fetchText(URI uri);

    /**
     * Starts downloading a segment: the byte range [offset, offset+length) of the resource when length >= 0, else
     * everything from offset on (all of it for offset 0).
     * The body is always read to its end unless cancelled, so every byte the origin sends is counted.
     */
    Cancellable fetchBytes(URI uri, long offset, long length, SegmentListener listener);

    @Override
    void close();
}
