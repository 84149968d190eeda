package io.p2pviewer.engine.peer.protocol;

import java.io.ByteArrayOutputStream;

/**
 * Writes the body of a command (its bytes between the frame markers): the command code, then each field as one ASCII
 * name byte and a typed value.
 *
 * <p>Value encodings (p2p-media-loader 2.3, {@code binary-serialization.ts}):
 * <ul>
 * <li>Int: a header byte {@code 0x0N} (type 0, N value bytes), then the magnitude big-endian in N bytes with the sign
 * in the top bit of the first byte; N is the fewest bytes that hold the magnitude's bits plus a sign bit.</li>
 * <li>Int array: {@code 0x10}, a group count byte, then per group an Int of {@code block | count} (block = the ids'
 * common value with the low 8 bits cleared) followed by the low byte of each id.</li>
 * </ul>
 * Upstream writes one group per block, so a block holding all 256 ids gets the count 0 (it wraps) and does not decode.
 * We write at most 255 ids per group and start another group with the same block for the rest: upstream reads
 * repeated blocks fine.
 */
final class CommandBodyWriter {

    /** The most groups an int array can have: the count is one byte. */
    static final int MAX_GROUPS = 255;

    /** The most ids one group holds in what we write. */
    static final int MAX_IDS_PER_GROUP = 255;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(32);

    CommandBodyWriter(PeerCommandType type) {
        out.write(type.code());
    }

    /** Writes an Int field. */
    CommandBodyWriter integer(char name, long value) {
        out.write(name);
        writeInt(value);
        return this;
    }

    /** Writes an int array field from sorted, distinct, non-negative ids; fails if they need more than 255 groups. */
    CommandBodyWriter intArray(char name, long[] sortedDistinctIds) {
        int groups = groupCount(sortedDistinctIds);
        if (groups > MAX_GROUPS) {
            throw new IllegalArgumentException("field " + name + ": " + sortedDistinctIds.length + " ids need " + groups
                    + " groups, more than the " + MAX_GROUPS + " the wire format allows");
        }
        out.write(name);
        out.write(0x10);
        out.write(groups);
        int k = 0;
        while (k < sortedDistinctIds.length) {
            long block = sortedDistinctIds[k] & ~0xffL;
            int end = k;
            while (end < sortedDistinctIds.length && end - k < MAX_IDS_PER_GROUP
                    && (sortedDistinctIds[end] & ~0xffL) == block) {
                end++;
            }
            writeInt(block | (end - k));
            for (int j = k; j < end; j++) {
                out.write((int) (sortedDistinctIds[j] & 0xff));
            }
            k = end;
        }
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Whether sorted, distinct ids fit in one int array field. */
    static boolean fitsIntArray(long[] sortedDistinctIds) {
        return groupCount(sortedDistinctIds) <= MAX_GROUPS;
    }

    /** The number of groups {@link #intArray} writes for sorted, distinct ids. */
    static int groupCount(long[] sortedDistinctIds) {
        int groups = 0;
        int inGroup = 0;
        long block = -1;
        for (long id : sortedDistinctIds) {
            long b = id & ~0xffL;
            if (b != block || inGroup == MAX_IDS_PER_GROUP) {
                groups++;
                inGroup = 0;
                block = b;
            }
            inGroup++;
        }
        return groups;
    }

    /** The Int encoding of {@code value}, header byte included. */
    static byte[] intBytes(long value) {
        CommandBodyWriter w = new CommandBodyWriter(PeerCommandType.SEGMENTS_ANNOUNCEMENT);
        w.out.reset();
        w.writeInt(value);
        return w.toByteArray();
    }

    private void writeInt(long value) {
        if (value == Long.MIN_VALUE) {
            throw new IllegalArgumentException("cannot encode " + value);
        }
        long magnitude = Math.abs(value);
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(magnitude)) + 1; // plus the sign bit
        int length = (bits + 7) / 8;
        out.write(length); // type 0 in the high nibble
        for (int k = length - 1; k >= 0; k--) {
            int b = (int) ((magnitude >>> (8 * k)) & 0xff);
            if (k == length - 1 && value < 0) {
                b |= 0x80;
            }
            out.write(b);
        }
    }
}
