package io.p2pviewer.engine.peer.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What is new in one announcement against each earlier announcement peers were told, worked out once per earlier
 * announcement: most peers were told the same one. Earlier announcements are told apart by identity (they are never
 * modified), by a linear scan: a handful of distinct ones at most, where an identity hash map cost a few percent of
 * a large simulation.
 */
final class NewIdsMemo {
    private final long[] now;
    private final List<long[]> sent = new ArrayList<>(2);
    private final List<long[]> added = new ArrayList<>(2);

    NewIdsMemo(long[] now) {
        this.now = now;
    }

    /** The ids in the new announcement that {@code before} (sorted and distinct) does not name. */
    long[] addedSince(long[] before) {
        for (int k = 0; k < sent.size(); k++) {
            if (sent.get(k) == before) {
                return added.get(k);
            }
        }
        long[] result = minus(now, before);
        sent.add(before);
        added.add(result);
        return result;
    }

    /** The ids of {@code now} not in {@code before}; both sorted and distinct. */
    private static long[] minus(long[] now, long[] before) {
        long[] out = new long[now.length];
        int n = 0;
        int j = 0;
        for (long id : now) {
            while (j < before.length && before[j] < id) {
                j++;
            }
            if (j == before.length || before[j] != id) {
                out[n++] = id;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
