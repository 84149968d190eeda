package io.p2pviewer.engine.source;

/**
 * Receives one segment fetch's progress from the CDN ({@link io.p2pviewer.engine.http.CdnClient#fetchBytes}). May be called on any thread; implementations
 * post to the engine thread, are fast and never throw. A fetch that was not cancelled ends with exactly one of
 * {@link #onComplete} or {@link #onFailure}.
 */
public interface SegmentListener {
    /** {@code count} more bytes arrived from the source. */
    void onBytes(int count);

    /** The segment's bytes; the array is the listener's. */
    void onComplete(byte[] data);

    /** The fetch failed; {@code retryable} is false when trying again cannot help. */
    void onFailure(String reason, boolean retryable);
}
