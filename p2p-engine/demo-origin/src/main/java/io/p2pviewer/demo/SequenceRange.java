package io.p2pviewer.demo;

/**
 * An inclusive range of media sequence numbers, {@code first..last}.
 *
 * @param first the first media sequence number, not negative
 * @param last  the last media sequence number, not less than {@code first}
 */
record SequenceRange(long first, long last) {

    SequenceRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad sequence range " + first + ".." + last);
        }
    }

    /** Whether the range holds the media sequence number. */
    boolean contains(long mediaSequence) {
        return mediaSequence >= first && mediaSequence <= last;
    }

    /** How many sequence numbers the range holds. */
    long size() {
        return last - first + 1;
    }
}
