package io.p2pviewer.engine.http;

import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.time.Cancellable;
import java.net.URI;
import java.util.Arrays;
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

    /**
     * This client with headers added to every request it makes (a channel's User-Agent, Referer, ...); the
     * returned client shares this one's connections, and closing it closes nothing. No headers: this client.
     *
     * @throws UnsupportedOperationException if this client cannot send headers and some are asked for
     */
    default CdnClient withHeaders(RequestHeaders headers) {
        if (headers.isEmpty()) {
            return this;
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " sends no per-stream headers");
    }

    @Override
    void close();

    /**
     * Bytes [offset, offset+length) of a resource (to its end when length < 0), cut at the resource's end as an
     * origin answering a Range does; the array itself when that is all of it; null when offset is at or past the
     * end (an origin's 416).
     */
    static byte[] range(byte[] whole, long offset, long length) {
        long end = length >= 0 ? Math.min(whole.length, offset + length) : whole.length;
        if (offset >= end) {
            return null;
        }
        return offset == 0 && end == whole.length ? whole : Arrays.copyOfRange(whole, (int) offset, (int) end);
    }
}
