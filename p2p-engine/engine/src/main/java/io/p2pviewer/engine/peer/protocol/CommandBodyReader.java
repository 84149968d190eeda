package io.p2pviewer.engine.peer.protocol;

import io.p2pviewer.engine.peer.protocol.PeerProtocolException.Reason;
import java.util.Arrays;

/**
 * Reads a command body (the bytes between the frame markers) written as {@link CommandBodyWriter} describes, strictly.
 *
 * <p>Rules beyond upstream's own reader, which accepts almost anything: every field must be complete, Int values are
 * 1..8 bytes long, an int array's header byte is exactly {@code 0x10}, a known field has the right type and appears
 * once, required fields are present and values are in range. Fields with names the command does not use are parsed
 * (they must be well-formed) and ignored, so that a later protocol version may add fields.
 *
 * <p>One leniency, for interoperability: an int array group with count 0 is read as a group of 256 ids, because that is
 * what upstream writes for a block holding all 256 ids (its count byte wraps).
 */
final class CommandBodyReader {

    private static final int TYPE_INT = 0;
    private static final int TYPE_INT_ARRAY = 1;
    private static final int TYPE_STRING = 2;
    private static final int MAX_INT_BYTES = 8;

    private final byte[] bytes;
    private final int end;
    private final int maxIds;
    private int offset;
    private int idsRead;

    private CommandBodyReader(byte[] bytes, int offset, int length, int maxIds) {
        this.bytes = bytes;
        this.offset = offset;
        this.end = offset + length;
        this.maxIds = maxIds;
    }

    /** Reads the command in {@code bytes[offset, offset + length)}, which holds no frame markers. */
    static PeerCommand read(byte[] bytes, int offset, int length, int maxAnnouncedIds) throws PeerProtocolException {
        return new CommandBodyReader(bytes, offset, length, maxAnnouncedIds).command();
    }

    private PeerCommand command() throws PeerProtocolException {
        if (offset >= end) {
            throw new PeerProtocolException(Reason.MALFORMED, "empty command body");
        }
        int code = bytes[offset++] & 0xff;
        PeerCommandType type = PeerCommandType.fromCode(code);
        if (type == null) {
            throw new PeerProtocolException(Reason.UNKNOWN_COMMAND, "command code " + code);
        }
        Fields fields = fields(type);
        return switch (type) {
            case SEGMENTS_ANNOUNCEMENT -> new SegmentsAnnouncement(fields.ids('l'), fields.ids('p'),
                    fields.has('u') ? safe(fields.number('u'), 'u', "uplink") : 0);
            case SEGMENT_REQUEST -> new SegmentRequest(segmentId(fields), requestId(fields),
                    fields.has('b') ? safe(fields.number('b'), 'b', "byte offset") : null);
            case SEGMENT_DATA -> new SegmentData(segmentId(fields), requestId(fields),
                    safe(required(fields, 's'), 's', "total bytes"));
            case SEGMENT_DATA_SENDING_COMPLETED ->
                    new SegmentDataSendingCompleted(segmentId(fields), requestId(fields));
            case SEGMENT_ABSENT -> new SegmentAbsent(segmentId(fields), requestId(fields));
            case CANCEL_SEGMENT_REQUEST -> new CancelSegmentRequest(segmentId(fields), requestId(fields));
        };
    }

    /** The value type a command's field must have, or -1 for a field the command does not use. */
    private static int expectedType(PeerCommandType type, char name) {
        return switch (type) {
            case SEGMENTS_ANNOUNCEMENT -> name == 'l' || name == 'p' ? TYPE_INT_ARRAY : name == 'u' ? TYPE_INT : -1;
            case SEGMENT_REQUEST -> name == 'i' || name == 'r' || name == 'b' ? TYPE_INT : -1;
            case SEGMENT_DATA -> name == 'i' || name == 'r' || name == 's' ? TYPE_INT : -1;
            default -> name == 'i' || name == 'r' ? TYPE_INT : -1;
        };
    }

    private Fields fields(PeerCommandType type) throws PeerProtocolException {
        Fields fields = new Fields();
        while (offset < end) {
            char name = (char) (bytes[offset++] & 0xff);
            if (offset >= end) {
                throw new PeerProtocolException(Reason.MALFORMED, "field '" + shown(name) + "' has no value");
            }
            int valueType = (bytes[offset] & 0xff) >>> 4;
            int expected = expectedType(type, name);
            if (expected >= 0 && valueType != expected) {
                throw new PeerProtocolException(Reason.MALFORMED,
                        "field '" + name + "' of " + type + " has value type " + valueType + ", expected " + expected);
            }
            switch (valueType) {
                case TYPE_INT -> {
                    long value = readInt(name);
                    if (expected >= 0) {
                        fields.putNumber(name, value);
                    }
                }
                case TYPE_INT_ARRAY -> {
                    long[] value = readIntArray(name);
                    if (expected >= 0) {
                        fields.putIds(name, value);
                    }
                }
                case TYPE_STRING -> skipString(name);
                default -> throw new PeerProtocolException(Reason.MALFORMED,
                        "field '" + shown(name) + "' has unknown value type " + valueType);
            }
        }
        return fields;
    }

    private long readInt(char name) throws PeerProtocolException {
        int header = bytes[offset] & 0xff;
        if (header >>> 4 != TYPE_INT) {
            throw new PeerProtocolException(Reason.MALFORMED, "field '" + shown(name) + "': expected an Int");
        }
        int length = header & 0x0f;
        if (length == 0 || length > MAX_INT_BYTES) {
            throw new PeerProtocolException(Reason.MALFORMED,
                    "field '" + shown(name) + "': Int of " + length + " bytes (1.." + MAX_INT_BYTES + " allowed)");
        }
        if (end - offset - 1 < length) {
            throw new PeerProtocolException(Reason.MALFORMED, "field '" + shown(name) + "': Int cut short");
        }
        offset++;
        int first = bytes[offset++] & 0xff;
        long magnitude = first & 0x7f;
        for (int k = 1; k < length; k++) {
            magnitude = (magnitude << 8) | (bytes[offset++] & 0xff);
        }
        return (first & 0x80) != 0 ? -magnitude : magnitude;
    }

    private long[] readIntArray(char name) throws PeerProtocolException {
        if ((bytes[offset] & 0xff) != 0x10) {
            throw new PeerProtocolException(Reason.MALFORMED, "field '" + shown(name) + "': int array header "
                    + String.format("0x%02x", bytes[offset] & 0xff) + " is not 0x10");
        }
        if (end - offset < 2) {
            throw new PeerProtocolException(Reason.MALFORMED, "field '" + shown(name) + "': int array cut short");
        }
        offset++;
        int groups = bytes[offset++] & 0xff;
        long[] ids = new long[0];
        int count = 0;
        for (int g = 0; g < groups; g++) {
            if (offset >= end) {
                throw new PeerProtocolException(Reason.MALFORMED,
                        "field '" + shown(name) + "': int array cut short at group " + g + " of " + groups);
            }
            long blockAndCount = readInt(name);
            if (blockAndCount < 0) {
                throw new PeerProtocolException(Reason.VALUE_OUT_OF_RANGE,
                        "field '" + shown(name) + "': negative id block " + blockAndCount);
            }
            int inGroup = (int) (blockAndCount & 0xff);
            if (inGroup == 0) {
                inGroup = 256; // upstream's count byte wraps for a full block
            }
            long block = blockAndCount & ~0xffL;
            if (idsRead + inGroup > maxIds) {
                throw new PeerProtocolException(Reason.TOO_MANY_IDS,
                        "more than " + maxIds + " ids in one announcement");
            }
            if (end - offset < inGroup) {
                throw new PeerProtocolException(Reason.MALFORMED,
                        "field '" + shown(name) + "': int array group of " + inGroup + " ids cut short");
            }
            idsRead += inGroup;
            if (count + inGroup > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(count + inGroup, ids.length * 2));
            }
            for (int k = 0; k < inGroup; k++) {
                long id = block | (bytes[offset++] & 0xff);
                if (id > PeerCommand.MAX_SAFE_INTEGER) {
                    throw new PeerProtocolException(Reason.VALUE_OUT_OF_RANGE,
                            "field '" + shown(name) + "': segment id " + id + " above " + PeerCommand.MAX_SAFE_INTEGER);
                }
                ids[count++] = id;
            }
        }
        return count == ids.length ? ids : Arrays.copyOf(ids, count);
    }

    private void skipString(char name) throws PeerProtocolException {
        if (end - offset < 2) {
            throw new PeerProtocolException(Reason.MALFORMED, "field '" + shown(name) + "': string cut short");
        }
        int length = ((bytes[offset] & 0x0f) << 8) | (bytes[offset + 1] & 0xff);
        offset += 2;
        if (end - offset < length) {
            throw new PeerProtocolException(Reason.MALFORMED, "field '" + shown(name) + "': string cut short");
        }
        offset += length;
    }

    private static long required(Fields fields, char name) throws PeerProtocolException {
        if (!fields.has(name)) {
            throw new PeerProtocolException(Reason.MISSING_FIELD, "field '" + name + "' is missing");
        }
        return fields.number(name);
    }

    private static long segmentId(Fields fields) throws PeerProtocolException {
        return safe(required(fields, 'i'), 'i', "segment id");
    }

    private static int requestId(Fields fields) throws PeerProtocolException {
        long value = required(fields, 'r');
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new PeerProtocolException(Reason.VALUE_OUT_OF_RANGE,
                    "field 'r': request id " + value + " outside 0.." + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private static long safe(long value, char name, String what) throws PeerProtocolException {
        if (value < 0 || value > PeerCommand.MAX_SAFE_INTEGER) {
            throw new PeerProtocolException(Reason.VALUE_OUT_OF_RANGE,
                    "field '" + name + "': " + what + " " + value + " outside 0.." + PeerCommand.MAX_SAFE_INTEGER);
        }
        return value;
    }

    /**
     * The known fields of one command body, by name: the id arrays {@code l} and {@code p}, the Ints {@code i},
     * {@code r}, {@code b}, {@code s} and {@code u} (a map of boxed values cost more than the rest of a small
     * command's decoding).
     */
    private static final class Fields {
        private static final String NAMES = "lpirbsu";
        private static final long[] NO_IDS = new long[0];
        private final long[] numbers = new long[NAMES.length()];
        private long[] loaded = NO_IDS;
        private long[] httpLoading = NO_IDS;
        private int present;

        boolean has(char name) {
            return (present & bit(name)) != 0;
        }

        long number(char name) {
            return numbers[NAMES.indexOf(name)];
        }

        long[] ids(char name) {
            return name == 'l' ? loaded : httpLoading;
        }

        void putNumber(char name, long value) throws PeerProtocolException {
            mark(name);
            numbers[NAMES.indexOf(name)] = value;
        }

        void putIds(char name, long[] value) throws PeerProtocolException {
            mark(name);
            if (name == 'l') {
                loaded = value;
            } else {
                httpLoading = value;
            }
        }

        private void mark(char name) throws PeerProtocolException {
            if (has(name)) {
                throw new PeerProtocolException(Reason.MALFORMED, "field '" + name + "' appears twice");
            }
            present |= bit(name);
        }

        private static int bit(char name) {
            return 1 << NAMES.indexOf(name);
        }
    }

    /** A field name for a message: the character if printable ASCII, else its code. */
    private static String shown(char name) {
        return name >= 0x21 && name < 0x7f ? String.valueOf(name) : String.format("\\x%02x", (int) name);
    }
}
