package io.p2pviewer.engine.peer.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns commands and segment bytes into data channel messages of the p2p-media-loader 2.3 peer protocol.
 *
 * <p>Every message returned is a new array of exactly its length and at most {@link #MAX_MESSAGE_SIZE} bytes; the
 * caller owns it. Stateless and thread-safe.
 */
public final class PeerMessages {

    /** The largest message either side sends: upstream's {@code webRtcMaxMessageSize} default. */
    public static final int MAX_MESSAGE_SIZE = 65535;

    private PeerMessages() {
    }

    /**
     * The messages that carry {@code command}, in sending order: one message {@code cstr}+body+{@code cend}, or, when
     * that would exceed {@link #MAX_MESSAGE_SIZE}, the body split into parts exactly as upstream splits it.
     *
     * @throws IllegalArgumentException if {@code command} is a {@link SegmentsAnnouncement} that does not fit the wire
     *                                  format ({@link SegmentsAnnouncement#isEncodable()} is false)
     */
    public static List<byte[]> encode(PeerCommand command) {
        return encode(command, MAX_MESSAGE_SIZE);
    }

    /** As {@link #encode(PeerCommand)}, with another maximum message size (upstream's is configurable). */
    static List<byte[]> encode(PeerCommand command, int maxMessageSize) {
        if (maxMessageSize < 2 * Frames.MARKER_LENGTH + 1) {
            throw new IllegalArgumentException("max message size " + maxMessageSize + " is too small");
        }
        byte[] body = body(command);
        int framing = 2 * Frames.MARKER_LENGTH;
        if (body.length + framing <= maxMessageSize) {
            return List.of(Frames.frame(Frames.COMMAND_START, body, 0, body.length, Frames.COMMAND_END));
        }
        // Upstream: as many equal parts as the body needs, one more if the framing pushes a part over the limit.
        // Upstream adds one part at most, enough for any body under 500 MB at 65535; we keep adding while needed.
        int parts = ceilDiv(body.length, maxMessageSize);
        while (ceilDiv(body.length, parts) + framing > maxMessageSize) {
            parts++;
        }
        int partLength = ceilDiv(body.length, parts);
        List<byte[]> messages = new ArrayList<>(parts);
        for (int k = 0; k < parts; k++) {
            int from = Math.min(body.length, k * partLength);
            int to = Math.min(body.length, from + partLength);
            byte[] start = k == 0 ? Frames.COMMAND_START : Frames.PART_START;
            byte[] end = k == parts - 1 ? Frames.COMMAND_END : Frames.PART_END;
            messages.add(Frames.frame(start, body, from, to, end));
        }
        return List.copyOf(messages);
    }

    /**
     * {@code data[offset, offset + length)} cut into raw payload messages of {@link #MAX_MESSAGE_SIZE} bytes, the last
     * one shorter; no message for an empty range. Copies the bytes.
     */
    public static List<byte[]> payloadChunks(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        List<byte[]> chunks = new ArrayList<>(ceilDiv(length, MAX_MESSAGE_SIZE));
        for (int from = offset; from < offset + length; from += MAX_MESSAGE_SIZE) {
            int size = Math.min(MAX_MESSAGE_SIZE, offset + length - from);
            byte[] chunk = new byte[size];
            System.arraycopy(data, from, chunk, 0, size);
            chunks.add(chunk);
        }
        return List.copyOf(chunks);
    }

    /** The unframed body of {@code command}: fields in upstream's order, optional ones left out as upstream does. */
    static byte[] body(PeerCommand command) {
        Objects.requireNonNull(command, "command");
        CommandBodyWriter w = new CommandBodyWriter(command.type());
        switch (command) {
            case SegmentsAnnouncement a -> {
                if (a.loadedCount() > 0) {
                    w.intArray('l', a.loadedIds());
                }
                if (a.httpLoadingCount() > 0) {
                    w.intArray('p', a.httpLoadingIds());
                }
                if (a.uplinkBytesPerSecond() > 0) {
                    w.integer('u', a.uplinkBytesPerSecond());
                }
            }
            case SegmentRequest r -> {
                w.integer('i', r.segmentId()).integer('r', r.requestId());
                if (r.byteFrom() != null) {
                    w.integer('b', r.byteFrom());
                }
            }
            case SegmentData d ->
                    w.integer('i', d.segmentId()).integer('s', d.totalBytes()).integer('r', d.requestId());
            case SegmentDataSendingCompleted c -> w.integer('i', c.segmentId()).integer('r', c.requestId());
            case SegmentAbsent a -> w.integer('i', a.segmentId()).integer('r', a.requestId());
            case CancelSegmentRequest c -> w.integer('i', c.segmentId()).integer('r', c.requestId());
        }
        return w.toByteArray();
    }

    private static int ceilDiv(int x, int y) {
        return Math.ceilDiv(x, y);
    }
}
