package io.p2pviewer.engine.playlist;

/**
 * A sub-range of a resource: {@code length} bytes starting at byte {@code offset} (from {@code EXT-X-BYTERANGE} or
 * the {@code BYTERANGE} attribute of {@code EXT-X-MAP}). The offset is always resolved, never implicit.
 */
public record ByteRange(long length, long offset) {
    public ByteRange {
        if (length <= 0) {
            throw new IllegalArgumentException("byte range length must be positive: " + length);
        }
        if (offset < 0 || offset > Long.MAX_VALUE - length) {
            throw new IllegalArgumentException("bad byte range offset " + offset + " for length " + length);
        }
    }

    /** The offset of the first byte after the range. */
    public long end() {
        return offset + length;
    }

    /** The value of an HTTP {@code Range} header asking for exactly this range, e.g. {@code bytes=720-75951}. */
    public String httpRangeHeader() {
        return "bytes=" + offset + "-" + (end() - 1);
    }
}
