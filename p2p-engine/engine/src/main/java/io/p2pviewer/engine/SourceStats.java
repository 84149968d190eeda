package io.p2pviewer.engine;

/**
 * Byte counters of one delivery source.
 *
 * @param downloadedBytes every byte received from this source, cancelled and failed transfers included
 * @param servedBytes bytes of this source handed to the player
 * @param downloadRate bytes per second received over the last few seconds
 * @param servedSegments segments of this source handed to the player
 */
public record SourceStats(long downloadedBytes, long servedBytes, double downloadRate, long servedSegments) {
    public static final SourceStats ZERO = new SourceStats(0, 0, 0, 0);
}
