package io.p2pviewer.engine.peer.protocol;

import java.util.Arrays;

/**
 * The segments a peer offers (command 0; fields {@code l} and {@code p}): the ids it stores and the ids it is loading
 * over HTTP right now. Each announcement replaces the previous one from the same peer.
 *
 * <p>Representation: both sets are kept as sorted arrays of distinct ids (browser peers put them into sets, so order
 * and duplicates carry no meaning). The constructor copies, sorts and de-duplicates its arguments; the accessors return
 * copies, so the value is immutable. {@code equals}, {@code hashCode} and {@code toString} are by content
 * ({@code toString} shows at most the first {@value #SHOWN_IDS} ids of each set).
 *
 * <p>Not every announcement fits on the wire: each set is encoded in at most 255 groups, one group per 256-id block
 * holding at most 255 ids (see {@link #isEncodable()}). That is at least 255 stored ids, and 65,025 when they are
 * consecutive; {@link PeerMessages#encode} refuses an announcement that does not fit. A decoder with default limits
 * accepts at most 100,000 ids per announcement ({@link PeerMessageDecoder.Limits#DEFAULT}), so announce fewer (a
 * cache holds far fewer segments than that).
 *
 * @param loaded      ids of segments the sender stores and will upload (wire field {@code l})
 * @param httpLoading ids of segments the sender is downloading from the CDN (wire field {@code p})
 * @param uplinkBytesPerSecond the sender's measured uplink in bytes per second, 0 when not told (engine-only wire
 *                             field {@code u}: sent to engine peers only; browsers and older engines skip it)
 */
public record SegmentsAnnouncement(long[] loaded, long[] httpLoading, long uplinkBytesPerSecond)
        implements PeerCommand {

    /** How many ids of each set {@link #toString()} shows. */
    static final int SHOWN_IDS = 16;

    private static final long[] NONE = new long[0];

    public SegmentsAnnouncement {
        loaded = sortedDistinct(loaded, "loaded");
        httpLoading = sortedDistinct(httpLoading, "httpLoading");
        CommandValues.safeNonNegative(uplinkBytesPerSecond, "uplink");
    }

    /** An announcement that tells no uplink (as browsers send, and as we send to them). */
    public SegmentsAnnouncement(long[] loaded, long[] httpLoading) {
        this(loaded, httpLoading, 0);
    }

    /** An announcement of nothing: the sender has no segment and loads none. */
    public static SegmentsAnnouncement empty() {
        return new SegmentsAnnouncement(NONE, NONE);
    }

    @Override
    public PeerCommandType type() {
        return PeerCommandType.SEGMENTS_ANNOUNCEMENT;
    }

    /** The stored segment ids, ascending (a copy). */
    @Override
    public long[] loaded() {
        return loaded.clone();
    }

    /** The ids of segments being loaded over HTTP, ascending (a copy). */
    @Override
    public long[] httpLoading() {
        return httpLoading.clone();
    }

    /** Whether the sender stores segment {@code segmentId}. */
    public boolean hasLoaded(long segmentId) {
        return Arrays.binarySearch(loaded, segmentId) >= 0;
    }

    /** Whether the sender is loading segment {@code segmentId} over HTTP. */
    public boolean isHttpLoading(long segmentId) {
        return Arrays.binarySearch(httpLoading, segmentId) >= 0;
    }

    /** The number of stored segment ids. */
    public int loadedCount() {
        return loaded.length;
    }

    /** The number of ids being loaded over HTTP. */
    public int httpLoadingCount() {
        return httpLoading.length;
    }

    /** Whether both sets fit in the wire format (at most 255 groups each; see the class comment). */
    public boolean isEncodable() {
        return CommandBodyWriter.fitsIntArray(loaded) && CommandBodyWriter.fitsIntArray(httpLoading);
    }

    /** The stored ids without copying; callers must not modify the array. */
    public long[] loadedIds() {
        return loaded;
    }

    /** The HTTP-loading ids without copying; callers must not modify the array. */
    public long[] httpLoadingIds() {
        return httpLoading;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SegmentsAnnouncement that
                && Arrays.equals(loaded, that.loaded)
                && Arrays.equals(httpLoading, that.httpLoading)
                && uplinkBytesPerSecond == that.uplinkBytesPerSecond;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(loaded) + Arrays.hashCode(httpLoading)) + Long.hashCode(uplinkBytesPerSecond);
    }

    @Override
    public String toString() {
        return "SegmentsAnnouncement[loaded=" + shown(loaded) + ", httpLoading=" + shown(httpLoading)
                + (uplinkBytesPerSecond > 0 ? ", uplink=" + uplinkBytesPerSecond : "") + "]";
    }

    private static String shown(long[] ids) {
        if (ids.length <= SHOWN_IDS) {
            return Arrays.toString(ids);
        }
        String head = Arrays.toString(Arrays.copyOf(ids, SHOWN_IDS));
        return head.substring(0, head.length() - 1) + ", ... (" + ids.length + " ids)]";
    }

    private static long[] sortedDistinct(long[] ids, String what) {
        if (ids == null) {
            throw new NullPointerException(what);
        }
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int k = 0; k < sorted.length; k++) {
            CommandValues.safeNonNegative(sorted[k], what + " segment id");
            if (distinct == 0 || sorted[distinct - 1] != sorted[k]) {
                sorted[distinct++] = sorted[k];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }
}
