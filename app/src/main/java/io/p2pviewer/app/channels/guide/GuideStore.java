package io.p2pviewer.app.channels.guide;

import io.p2pviewer.app.channels.ReadWarning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A programme guide in compact form: per channel, parallel arrays of start times (epoch seconds), durations and
 * title numbers, sorted by start; titles are stored once each. About 16 bytes per programme plus the distinct
 * titles ({@link #estimatedBytes()}). Immutable once built ({@link GuideStoreBuilder}); safe to read from any
 * thread.
 */
public final class GuideStore {
    /** How far back a lookup looks past a shorter overlapping programme for one that still runs. */
    private static final int OVERLAP_LOOKBACK = 8;

    private final Map<String, Integer> byId;
    private final Map<String, Integer> byIdIgnoringCase;
    private final Map<String, Integer> byName;
    private final long[][] starts;
    private final int[][] durations;
    private final int[][] titleIds;
    private final String[] titles;
    private final int programmes;

    GuideStore(Map<String, Integer> byId, Map<String, Integer> byIdIgnoringCase, Map<String, Integer> byName,
               long[][] starts, int[][] durations, int[][] titleIds, String[] titles) {
        this.byId = byId;
        this.byIdIgnoringCase = byIdIgnoringCase;
        this.byName = byName;
        this.starts = starts;
        this.durations = durations;
        this.titleIds = titleIds;
        this.titles = titles;
        int n = 0;
        for (long[] s : starts) {
            n += s.length;
        }
        this.programmes = n;
    }

    /** An empty guide. */
    public static GuideStore empty() {
        return new GuideStoreBuilder().build(new java.util.ArrayList<>());
    }

    /**
     * The guide's channel for a playlist channel: by {@code tvg-id} (exactly, then ignoring case), then by
     * display name ignoring case and spaces (the tvg-name, then the name). -1 when none matches.
     */
    public int channel(String tvgId, String tvgName, String name) {
        if (tvgId != null && !tvgId.isBlank()) {
            Integer i = byId.get(tvgId);
            if (i == null) {
                i = byIdIgnoringCase.get(tvgId.toLowerCase(Locale.ROOT));
            }
            if (i != null) {
                return i;
            }
        }
        for (String n : new String[] {tvgName, name}) {
            if (n != null) {
                Integer i = byName.get(normalizeName(n));
                if (i != null) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The programme running at {@code at} on a channel, if any. */
    public Optional<Programme> now(int channel, Instant at) {
        if (channel < 0) {
            return Optional.empty();
        }
        long t = at.getEpochSecond();
        long[] s = starts[channel];
        int[] d = durations[channel];
        int i = lastStartingAtOrBefore(s, t);
        for (int k = 0; i >= 0 && k < OVERLAP_LOOKBACK; i--, k++) {
            if (s[i] + d[i] > t) {
                return Optional.of(programme(channel, i));
            }
        }
        return Optional.empty();
    }

    /** The first programme on a channel that starts after {@code at}, if any. */
    public Optional<Programme> next(int channel, Instant at) {
        if (channel < 0) {
            return Optional.empty();
        }
        long[] s = starts[channel];
        int i = lastStartingAtOrBefore(s, at.getEpochSecond()) + 1;
        return i < s.length ? Optional.of(programme(channel, i)) : Optional.empty();
    }

    /**
     * The programmes on a channel that overlap {@code [from, to)}, in start order (the grid draws only what is
     * visible). Empty for channel -1.
     */
    public List<Programme> between(int channel, Instant from, Instant to) {
        if (channel < 0) {
            return List.of();
        }
        long[] s = starts[channel];
        int[] d = durations[channel];
        long f = from.getEpochSecond();
        long t = to.getEpochSecond();
        int i = Math.max(0, lastStartingAtOrBefore(s, f) - OVERLAP_LOOKBACK);
        List<Programme> out = new ArrayList<>();
        for (; i < s.length && s[i] < t; i++) {
            if (s[i] + d[i] > f) {
                out.add(programme(channel, i));
            }
        }
        return out;
    }

    /**
     * One store holding the channels and programmes of several (guides read from several sources): a channel id
     * found in more than one keeps the programmes of all. Warnings (overlaps) are added to {@code warnings}.
     */
    public static GuideStore merge(List<GuideStore> stores, List<ReadWarning> warnings) {
        GuideStoreBuilder b = new GuideStoreBuilder();
        for (GuideStore g : stores) {
            int n = g.starts.length;
            String[] ids = new String[n];
            g.byId.forEach((id, i) -> ids[i] = id);
            List<List<String>> names = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                names.add(new ArrayList<>());
            }
            g.byName.forEach((name, i) -> names.get(i).add(name));
            for (int c = 0; c < n; c++) {
                b.channel(ids[c], names.get(c));
            }
            for (int c = 0; c < n; c++) {
                for (int i = 0; i < g.starts[c].length; i++) {
                    long start = g.starts[c][i];
                    b.programme(ids[c], start, start + g.durations[c][i], g.titles[g.titleIds[c][i]]);
                }
            }
        }
        return b.build(warnings);
    }

    /** Programmes in the store. */
    public int programmeCount() {
        return programmes;
    }

    /** Channels in the store. */
    public int channelCount() {
        return starts.length;
    }

    /**
     * The store's size on the heap, estimated from its arrays and strings (64-bit JVM, compressed references,
     * Latin-1 strings at one byte per character, others at two); the lookup maps are counted at 64 bytes a key.
     */
    public long estimatedBytes() {
        long bytes = 0;
        for (int c = 0; c < starts.length; c++) {
            bytes += 16 + 8L * starts[c].length + 16 + 4L * durations[c].length + 16 + 4L * titleIds[c].length;
        }
        bytes += 16 + 4L * titles.length;
        for (String t : titles) {
            bytes += 24 + 16 + (long) t.length() * (t.chars().allMatch(ch -> ch < 256) ? 1 : 2);
        }
        bytes += 64L * (byId.size() + byIdIgnoringCase.size() + byName.size());
        return bytes;
    }

    static String normalizeName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private Programme programme(int channel, int i) {
        long start = starts[channel][i];
        return new Programme(titles[titleIds[channel][i]], Instant.ofEpochSecond(start),
                Instant.ofEpochSecond(start + durations[channel][i]));
    }

    /** Index of the last start at or before t, or -1. */
    private static int lastStartingAtOrBefore(long[] s, long t) {
        int lo = 0;
        int hi = s.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
