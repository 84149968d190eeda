package io.p2pviewer.app.channels.guide;

import io.p2pviewer.app.channels.ReadWarning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects channels and programmes as a guide is read, then sorts them into a {@link GuideStore}, reporting
 * overlapping programmes and programmes of channels the guide never declared. Not thread-safe.
 */
public final class GuideStoreBuilder {
    private static final String WHAT = "guide";

    private final Map<String, Integer> byId = new LinkedHashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final List<Series> series = new ArrayList<>();
    private final Map<String, Integer> titleIds = new HashMap<>();
    private final List<String> titles = new ArrayList<>();
    private final Map<String, Integer> undeclared = new LinkedHashMap<>();

    /** Declares a channel ({@code <channel id>}) with its display names. */
    public void channel(String id, List<String> displayNames) {
        int index = index(id, true);
        for (String n : displayNames) {
            byName.putIfAbsent(GuideStore.normalizeName(n), index);
        }
    }

    /**
     * Adds a programme; {@code stopEpochSecond} after {@code startEpochSecond}. A channel not declared (yet) is
     * created and reported once in the warnings.
     */
    public void programme(String channelId, long startEpochSecond, long stopEpochSecond, String title) {
        Integer known = byId.get(channelId);
        int index = known != null ? known : index(channelId, false);
        if (known == null || undeclared.containsKey(channelId)) {
            undeclared.merge(channelId, 1, Integer::sum);
        }
        Integer t = titleIds.get(title);
        if (t == null) {
            t = titles.size();
            titles.add(title);
            titleIds.put(title, t);
        }
        long duration = Math.min(stopEpochSecond - startEpochSecond, Integer.MAX_VALUE);
        series.get(index).add(startEpochSecond, (int) duration, t);
    }

    /** The store; warnings (overlaps, undeclared channels) are added to {@code warnings}. */
    public GuideStore build(List<ReadWarning> warnings) {
        int n = series.size();
        long[][] starts = new long[n][];
        int[][] durations = new int[n][];
        int[][] titleIndex = new int[n][];
        int overlapChannels = 0;
        int overlaps = 0;
        String firstOverlap = null;
        String[] ids = byId.keySet().toArray(String[]::new);
        for (int c = 0; c < n; c++) {
            Series s = series.get(c);
            s.sort();
            starts[c] = Arrays.copyOf(s.starts, s.size);
            durations[c] = Arrays.copyOf(s.durations, s.size);
            titleIndex[c] = Arrays.copyOf(s.titles, s.size);
            int o = s.overlaps();
            if (o > 0) {
                overlapChannels++;
                overlaps += o;
                if (firstOverlap == null) {
                    firstOverlap = ids[c];
                }
            }
        }
        if (overlaps > 0) {
            warnings.add(new ReadWarning(WHAT, 0, overlaps + " programmes overlap an earlier one on "
                    + overlapChannels + " channels (first: " + firstOverlap + "); both kept, 'now' is the later"));
        }
        if (!undeclared.isEmpty()) {
            int programmes = undeclared.values().stream().mapToInt(Integer::intValue).sum();
            warnings.add(new ReadWarning(WHAT, 0, programmes + " programmes name " + undeclared.size()
                    + " channels without a <channel> element (first: " + undeclared.keySet().iterator().next()
                    + "); kept, matched by tvg-id only"));
        }
        Map<String, Integer> ignoringCase = new HashMap<>();
        byId.forEach((id, i) -> ignoringCase.putIfAbsent(id.toLowerCase(Locale.ROOT), i));
        return new GuideStore(Map.copyOf(byId), Map.copyOf(ignoringCase), Map.copyOf(byName), starts, durations,
                titleIndex, titles.toArray(String[]::new));
    }

    private int index(String id, boolean declared) {
        Integer i = byId.get(id);
        if (i != null) {
            if (declared) {
                undeclared.remove(id);
            }
            return i;
        }
        int index = series.size();
        byId.put(id, index);
        series.add(new Series());
        return index;
    }

    /** One channel's programmes as read, growing arrays. */
    private static final class Series {
        long[] starts = new long[16];
        int[] durations = new int[16];
        int[] titles = new int[16];
        int size;

        void add(long start, int duration, int title) {
            if (size == starts.length) {
                int cap = size * 2;
                starts = Arrays.copyOf(starts, cap);
                durations = Arrays.copyOf(durations, cap);
                titles = Arrays.copyOf(titles, cap);
            }
            starts[size] = start;
            durations[size] = duration;
            titles[size] = title;
            size++;
        }

        /** Sorts by start (stable) when the guide listed them out of order. */
        void sort() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = starts[i - 1] <= starts[i];
            }
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
            long[] s = new long[size];
            int[] d = new int[size];
            int[] t = new int[size];
            for (int i = 0; i < size; i++) {
                s[i] = starts[order[i]];
                d[i] = durations[order[i]];
                t[i] = titles[order[i]];
            }
            starts = s;
            durations = d;
            titles = t;
        }

        int overlaps() {
            int o = 0;
            long end = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                if (starts[i] < end) {
                    o++;
                }
                end = Math.max(end, starts[i] + durations[i]);
            }
            return o;
        }
    }
}
