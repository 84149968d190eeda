package io.p2pviewer.demo;

import java.util.Objects;

/**
 * One clear MPEG-TS segment of the demo clip.
 *
 * <p>The {@code bytes} array is shared, never copied: nothing may modify it. This record is
 * package-private so that the array never leaves the package.
 *
 * @param file           the file name inside the variant's directory, e.g. {@code seg-003.ts}
 * @param durationMillis the segment's real duration in milliseconds
 * @param bytes          the clear segment bytes (read-only by convention)
 */
record ClipSegment(String file, long durationMillis, byte[] bytes) {

    ClipSegment {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bytes, "bytes");
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("duration must be positive: " + durationMillis + " ms");
        }
    }
}
