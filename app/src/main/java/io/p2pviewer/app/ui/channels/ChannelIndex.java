package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.Channel;
import java.text.Normalizer;
import io.p2pviewer.app.settings.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The channels of every open playlist, in order, prepared for instant search: each name folded once (lower case,
 * accents removed) so a keystroke is one substring test per channel. Channel numbers are the 1-based positions in
 * this list. Immutable; built off the FX thread, read from any thread.
 */
public final class ChannelIndex {
    /** The group of channels whose playlist names none. */
    public static final String NO_GROUP = "Other";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final ChannelIndex EMPTY = new ChannelIndex(List.of());

    private final List<Channel> channels;
    private final String[] folded;
    private final List<String> groups;
    private final int[] groupOf;
    private final Map<Channel, Integer> numbers = new IdentityHashMap<>();
    private final Map<String, Channel> byKey = new HashMap<>();

    public ChannelIndex(List<Channel> channels) {
        this.channels = List.copyOf(channels);
        this.folded = new String[this.channels.size()];
        this.groupOf = new int[this.channels.size()];
        Map<String, Integer> groupIds = new LinkedHashMap<>();
        for (int i = 0; i < folded.length; i++) {
            Channel c = this.channels.get(i);
            folded[i] = fold(c.name());
            groupOf[i] = groupIds.computeIfAbsent(groupOf(c), g -> groupIds.size());
            numbers.put(c, i + 1);
            byKey.putIfAbsent(keyOf(c), c);
        }
        this.groups = List.copyOf(groupIds.keySet());
    }

    public static ChannelIndex empty() {
        return EMPTY;
    }

    /** Lower case without accents or other combining marks: {@code "Télé Été"} -> {@code "tele ete"}. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean ascii = lower.chars().allMatch(ch -> ch < 128);
        return ascii ? lower : MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The group a channel is listed under. */
    public static String groupOf(Channel c) {
        return c.group() == null || c.group().isBlank() ? NO_GROUP : c.group();
    }

    public List<Channel> channels() {
        return channels;
    }

    public int size() {
        return channels.size();
    }

    /** Groups in the order their first channel appears. */
    public List<String> groups() {
        return groups;
    }

    /** A channel's key for favourites and recents ({@link Settings#channelKey}). */
    public static String keyOf(Channel c) {
        return Settings.channelKey(c.tvgId(), c.url());
    }

    /** The first channel with this key, or null. */
    public Channel byKey(String key) {
        return key == null ? null : byKey.get(key);
    }

    /** The channel's number (its 1-based position), or 0 when this very instance is not in the list. */
    public int numberOf(Channel c) {
        return c == null ? 0 : numbers.getOrDefault(c, 0);
    }

    /** The channel numbered {@code number} (1-based), or null. */
    public Channel byNumber(int number) {
        return number >= 1 && number <= channels.size() ? channels.get(number - 1) : null;
    }

    /**
     * The channels in {@code group} (null: all) whose folded name contains the folded {@code query}, in order,
     * also passing {@code extra}, which is given the channel's position.
     */
    public List<Channel> filter(String group, String query, IntPredicate extra) {
        int[] at = positions(group, query, extra);
        List<Channel> out = new ArrayList<>(at.length);
        for (int i : at) {
            out.add(channels.get(i));
        }
        return out;
    }

    /** As {@link #filter}, the channels' positions (0-based, ascending). */
    public int[] positions(String group, String query, IntPredicate extra) {
        String q = fold(query == null ? "" : query.strip());
        int g = group == null ? -1 : groups.indexOf(group);
        if (group != null && g < 0) {
            return new int[0];
        }
        int[] out = new int[folded.length];
        int n = 0;
        for (int i = 0; i < folded.length; i++) {
            if ((g < 0 || groupOf[i] == g) && (q.isEmpty() || folded[i].contains(q)) && extra.test(i)) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The number of the group (its place in {@link #groups()}) of the channel at {@code position} (0-based). */
    public int groupAt(int position) {
        return groupOf[position];
    }

    /** Whether the channel's folded name contains the folded query. */
    public static boolean matches(Channel c, String query) {
        String q = fold(query == null ? "" : query.strip());
        return q.isEmpty() || fold(c.name()).contains(q);
    }
}
