package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ChannelProgrammes;
import io.p2pviewer.app.channels.ChannelList;
import io.p2pviewer.app.channels.ReadError;
import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.SourceOpener;
import io.p2pviewer.app.channels.UrlMask;
import io.p2pviewer.app.channels.guide.GuideStore;
import io.p2pviewer.app.channels.guide.Programme;
import io.p2pviewer.app.settings.Settings;
import io.p2pviewer.app.settings.SettingsAccess;
import io.p2pviewer.app.ui.UiThread;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state behind the channel sidebar: the open playlists' channels, the group filter and search, the rows
 * shown, favourites and recently watched (persisted in the settings' library), the channel playing, and
 * zapping (next/previous in the shown order, typed channel numbers, the last channel).
 *
 * <p>Threading: its methods and properties belong to the FX thread. Playlists are read and the settings file is
 * written on {@code io} (one thread, so reads happen in order); filtering runs on {@code search} (one thread);
 * results come back through {@code ui}, stale ones (a newer keystroke) dropped.
 */
public final class ChannelsViewModel {
    private static final Logger log = LoggerFactory.getLogger(ChannelsViewModel.class);
    /** The group filter's first entries; the playlists' groups follow. */
    public static final String ALL = "All channels";
    public static final String FAVOURITES = "★ Favourites";
    public static final String RECENT = "Recently watched";
    /** Recently watched channels kept. */
    static final int MAX_RECENT = 30;
    /** How long a typed channel number waits for another digit. */
    public static final Duration NUMBER_TIMEOUT = Duration.ofMillis(1500);

    private final PlaylistLoader loader;
    private final SettingsAccess settings;
    private final ChannelPlayer player;
    private final Executor io;
    private final Executor search;
    private final UiThread ui;
    private final Delay delay;
    private final Clock clock;

    /** The open playlists by source, in the order opened; owned by the io thread. */
    private final Map<String, ChannelList> lists = new LinkedHashMap<>();

    private final ReadOnlyObjectWrapper<ChannelIndex> index = new ReadOnlyObjectWrapper<>(ChannelIndex.empty());
    private final ReadOnlyObjectWrapper<ChannelList> openChannels = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> groupChoices = FXCollections.observableArrayList(ALL, FAVOURITES, RECENT);
    private final ObjectProperty<String> group = new SimpleObjectProperty<>(ALL);
    private final StringProperty query = new SimpleStringProperty("");
    /** The rows shown: a new list per result (a ListView takes new items far faster than a 50,000-row setAll). */
    private final ReadOnlyObjectWrapper<ObservableList<Channel>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.emptyObservableList());
    /** The sidebar's rows: the rows shown with the group headers of the list of all channels. */
    private final ReadOnlyObjectWrapper<ObservableList<SidebarRow>> sidebarRows =
            new ReadOnlyObjectWrapper<>(FXCollections.emptyObservableList());
    /** The sources of the open playlists, in the order opened. */
    private final ObservableList<String> playlists = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Channel> playing = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<GuideStore> guide = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper typedNumber = new ReadOnlyStringWrapper("");
    /** Bumped when favourites change, so rows redraw their stars. */
    private final ReadOnlyIntegerWrapper favouritesVersion = new ReadOnlyIntegerWrapper();
    private final Set<String> favourites = new HashSet<>();
    private final List<String> recent = new ArrayList<>();
    /** Groups folded in the list of all channels (persisted in the library). */
    private final Set<String> collapsed = new HashSet<>();
    /** All channels of one index as rows, made once per index (search thread): clearing the search is instant. */
    private ChannelIndex allRowsOf;
    private Set<String> allRowsCollapsed;
    /** One row per channel of {@link #allRowsOf}, by position, made once per index (search thread). */
    private SidebarRow.ChannelRow[] channelRows = new SidebarRow.ChannelRow[0];
    private Grouped allRows;
    private int pendingLoads;
    private long filterGeneration;
    private Channel previous;
    private String typed = "";
    private Runnable numberTimer = () -> { };
    /** The window's argument while it is read: an HLS playlist found there plays as a stream (FX thread). */
    private String argument;
    /** Whether the window's argument played as a stream (then the last channel does not resume). */
    private boolean argumentPlayed;

    public ChannelsViewModel(PlaylistLoader loader, SettingsAccess settings, ChannelPlayer player, Executor io,
                             Executor search, UiThread ui, Delay delay, Clock clock) {
        this.loader = loader;
        this.settings = settings;
        this.player = player;
        this.io = io;
        this.search = search;
        this.ui = ui;
        this.delay = delay;
        this.clock = clock;
        group.addListener((o, a, b) -> refilter());
        query.addListener((o, a, b) -> refilter());
    }

    /**
     * Reads the settings, reopens the remembered playlists, then opens {@code argument} when it names a playlist
     * ({@link #isPlaylistArgument}); when {@code resume} and the library asks for it, plays the last channel
     * once the playlists are read, else the first channel of the list given as {@code argument}.
     */
    public void start(String argument, boolean resume) {
        io.execute(() -> {
            Settings s = settings.get();
            ui.execute(() -> {
                favourites.addAll(s.library().favourites());
                recent.addAll(s.library().recent());
                collapsed.addAll(s.library().collapsedGroups());
                favouritesVersion.set(favouritesVersion.get() + 1);
                for (String p : s.sources().playlists()) {
                    open(p);
                }
                if (isPlaylistArgument(argument)) {
                    this.argument = argument.strip();
                    open(argument);
                }
                if (resume && s.library().resumeLastChannel() && s.library().lastChannel() != null) {
                    // After the loads queued above: io runs in order.
                    io.execute(() -> ui.execute(() -> {
                        Channel last = index.get().byKey(s.library().lastChannel());
                        if (last != null && playing.get() == null && !argumentPlayed) {
                            play(last);
                        }
                    }));
                }
                if (isPlaylistArgument(argument)) {
                    // A list opened from the command line or a file manager plays its first channel, as a player
                    // opening a file does, unless the last channel resumed above.
                    playFirstChannelOf(argument.strip(), true);
                }
            });
        });
    }

    /**
     * Opens what the user typed in the URL bar when it may be a channel list: a playlist file, or an http(s) URL
     * the engine found to be no HLS playlist (IPTV panels serve lists under any name, {@code get.php?…}). A
     * channel list opens here and its first channel plays, an HLS playlist plays as a stream, anything else gives
     * the one-line error. FX thread.
     *
     * @return false when the text is neither a playlist file nor an http(s) URL (the player takes it)
     */
    public boolean openGiven(String source) {
        if (source == null || !(isPlaylistArgument(source) || SourceOpener.isUrl(source.strip()))) {
            return false;
        }
        String name = source.strip();
        argument = name;
        open(name);
        playFirstChannelOf(name, false);
        return true;
    }

    /** Plays the first channel of the list {@code name} once it is read (after the loads queued before). */
    private void playFirstChannelOf(String name, boolean unlessPlaying) {
        io.execute(() -> {
            ChannelList list = lists.get(name);
            Channel first = list == null || list.channels().isEmpty() ? null : list.channels().getFirst();
            ui.execute(() -> {
                if (first != null && (!unlessPlaying || playing.get() == null)) {
                    play(first);
                }
            });
        });
    }

    /**
     * Whether the window's argument may be a channel list, to be read (and sniffed) before anything plays: an
     * existing local file (or a {@code file:} URI), or an http(s) URL whose path ends in {@code .m3u} or
     * {@code .m3u8}. What turns out to be an HLS media or master playlist then plays as a stream
     * ({@link ChannelPlayer#playStream}); what is neither gives a one-line error.
     */
    public static boolean isPlaylistArgument(String argument) {
        if (argument == null || argument.isBlank()) {
            return false;
        }
        String a = argument.strip();
        try {
            if (a.regionMatches(true, 0, "file:", 0, 5)) {
                return Files.isRegularFile(Path.of(URI.create(a)));
            }
            if (SourceOpener.isUrl(a)) {
                String path = Optional.ofNullable(URI.create(a).getPath()).orElse("");
                String lower = path.toLowerCase(Locale.ROOT);
                return lower.endsWith(".m3u") || lower.endsWith(".m3u8");
            }
            if (a.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                return false; // demo, demo:vod, other schemes
            }
            return Files.isRegularFile(Path.of(a));
        } catch (IllegalArgumentException e) { // a malformed URI or path
            return false;
        }
    }

    /** Opens a playlist (file path, {@code file:} URI or http(s) URL) and remembers it in the settings. */
    public void open(String source) {
        String s = source == null ? "" : source.strip();
        if (s.isEmpty()) {
            error.set("Enter a playlist file or http(s) URL.");
            return;
        }
        if (s.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                s = Path.of(URI.create(s)).toString();
            } catch (IllegalArgumentException e) {
                error.set("not a file URI: " + UrlMask.mask(s));
                return;
            }
        }
        String name = s;
        pendingLoads++;
        loading.set(true);
        error.set("");
        status.set("Loading " + UrlMask.mask(name) + "…");
        io.execute(() -> {
            ChannelList list;
            try {
                list = loader.load(name);
            } catch (ReadException e) {
                ui.execute(() -> {
                    if (e.error() instanceof ReadError.HlsStream && name.equals(argument)) {
                        argument = null;
                        argumentPlayed = true;
                        loaded(null, "");
                        player.playStream(name);
                    } else {
                        // Only the argument's own failure ends it: a remembered playlist failing first must not.
                        boolean given = name.equals(argument);
                        if (given) {
                            argument = null;
                        }
                        loaded(null, !given || e.error() instanceof ReadError.Unreadable ? e.getMessage()
                                : "cannot open " + UrlMask.mask(name) + ": neither an HLS stream nor a channel"
                                + " list (" + e.getMessage() + ")");
                    }
                });
                return;
            } catch (RuntimeException e) {
                log.warn("reading playlist {} failed", UrlMask.mask(name), e);
                ui.execute(() -> loaded(null, "cannot read playlist: " + e.getClass().getSimpleName()));
                return;
            }
            lists.put(name, list);
            int skipped = list.warnings().size();
            publish(skipped == 0 ? null : skipped + " lines skipped, first: " + list.warnings().getFirst());
            update(st -> st.sources().playlists().contains(name) ? st : st.withSources(new Settings.Sources(
                    append(st.sources().playlists(), name), st.sources().guides(),
                    st.sources().guideRefreshHours())));
        });
    }

    /**
     * Removes an open playlist: its channels leave the sidebar and the guide, and it is forgotten in the settings.
     * Favourites stay saved (a channel starred in another list keeps its star; the same list opened again gets
     * its stars back).
     */
    public void remove(String source) {
        String name = source == null ? "" : source.strip();
        if (!playlists.contains(name)) {
            return;
        }
        playlists.remove(name);
        pendingLoads++;
        loading.set(true);
        io.execute(() -> {
            lists.remove(name);
            publish(null);
        });
        update(st -> st.withSources(new Settings.Sources(
                st.sources().playlists().stream().filter(p -> !p.equals(name)).toList(), st.sources().guides(),
                st.sources().guideRefreshHours())));
    }

    /** io thread: indexes the open playlists' channels and shows them, with {@code problem} (or none). */
    private void publish(String problem) {
        List<Channel> all = new ArrayList<>();
        lists.values().forEach(l -> all.addAll(l.channels()));
        ChannelIndex built = new ChannelIndex(all);
        ChannelList combined = new ChannelList(all,
                lists.values().stream().flatMap(l -> l.guideUrls().stream()).distinct().toList(), List.of());
        List<String> sources = List.copyOf(lists.keySet());
        ui.execute(() -> {
            playlists.setAll(sources);
            loaded(built, problem);
            openChannels.set(combined);
        });
    }

    /** Folds or unfolds a group in the list of all channels; remembered in the settings. */
    public void toggleGroup(String name) {
        setCollapsed(name, !collapsed.contains(name));
    }

    /** Folds ({@code true}) or unfolds a group in the list of all channels; remembered in the settings. */
    public void setCollapsed(String name, boolean fold) {
        if (name == null || (fold ? !collapsed.add(name) : !collapsed.remove(name))) {
            return;
        }
        List<String> folded = collapsed.stream().sorted().toList();
        update(st -> st.withLibrary(st.library().withCollapsedGroups(folded)));
        refilter();
    }

    public boolean isCollapsed(String group) {
        return collapsed.contains(group);
    }

    private void loaded(ChannelIndex built, String problem) {
        pendingLoads--;
        loading.set(pendingLoads > 0);
        if (built == null) {
            error.set(problem);
            status.set(summary(index.get()));
            return;
        }
        index.set(built);
        List<String> choices = new ArrayList<>(List.of(ALL, FAVOURITES, RECENT));
        choices.addAll(built.groups());
        String selected = group.get();
        groupChoices.setAll(choices);
        group.set(choices.contains(selected) ? selected : ALL);
        status.set(summary(built));
        error.set(problem == null ? "" : problem);
        refilter();
    }

    private static String summary(ChannelIndex i) {
        return i.size() == 0 ? "" : String.format(Locale.ROOT, "%,d channels in %,d groups", i.size(),
                i.groups().size());
    }

    /**
     * Recomputes the rows shown on the search thread; only the newest result is shown. The list of all channels
     * is shown by group (groups in the order their first channel appears), each under a header that folds it.
     */
    private void refilter() {
        long generation = ++filterGeneration;
        ChannelIndex i = index.get();
        String g = group.get();
        String q = query.get();
        Set<String> favs = Set.copyOf(favourites);
        Set<String> folded = Set.copyOf(collapsed);
        List<String> rec = List.copyOf(recent);
        search.execute(() -> {
            Grouped shown;
            boolean all = ALL.equals(g) || g == null;
            if (all && ChannelIndex.fold(q).isBlank()) {
                if (allRowsOf != i || !folded.equals(allRowsCollapsed)) {
                    rowsFor(i);
                    allRowsCollapsed = folded;
                    allRows = Grouped.byGroup(i, channelRows, i.positions(null, "", n -> true), folded);
                }
                shown = allRows;
            } else if (RECENT.equals(g)) {
                shown = Grouped.flat(rec.stream().map(i::byKey)
                        .filter(c -> c != null && ChannelIndex.matches(c, q)).toList());
            } else if (FAVOURITES.equals(g)) {
                List<Channel> every = i.channels();
                shown = Grouped.flat(i.filter(null, q, n -> favs.contains(ChannelIndex.keyOf(every.get(n)))));
            } else {
                if (all) {
                    rowsFor(i);
                    shown = Grouped.byGroup(i, channelRows, i.positions(null, q, n -> true), folded);
                } else {
                    shown = Grouped.flat(i.filter(g, q, n -> true));
                }
            }
            ui.execute(() -> {
                if (generation == filterGeneration) {
                    sidebarRows.set(shown.rows());
                    rows.set(shown.channels());
                }
            });
        });
    }

    /** Search thread: the rows of {@code i}'s channels, made when the index changed. */
    private void rowsFor(ChannelIndex i) {
        if (allRowsOf != i) {
            allRowsOf = i;
            allRowsCollapsed = null;
            channelRows = new SidebarRow.ChannelRow[i.size()];
            for (int n = 0; n < channelRows.length; n++) {
                channelRows[n] = new SidebarRow.ChannelRow(i.channels().get(n));
            }
        }
    }

    /** The channels shown and the sidebar's rows for them, as unmodifiable observable lists. */
    private record Grouped(ObservableList<Channel> channels, ObservableList<SidebarRow> rows) {
        static Grouped flat(List<Channel> found) {
            List<SidebarRow> rows = new ArrayList<>(found.size());
            found.forEach(c -> rows.add(new SidebarRow.ChannelRow(c)));
            return new Grouped(unmodifiable(found), unmodifiable(rows));
        }

        /**
         * The channels at {@code found} (ascending positions) under their groups' headers, groups in the index's
         * order; folded groups show no channels. {@code rowOf}: the index's channel rows by position.
         */
        static Grouped byGroup(ChannelIndex index, SidebarRow.ChannelRow[] rowOf, int[] found, Set<String> folded) {
            List<String> groups = index.groups();
            int[] start = new int[groups.size() + 1];
            for (int p : found) {
                start[index.groupAt(p) + 1]++;
            }
            for (int g = 0; g < groups.size(); g++) {
                start[g + 1] += start[g];
            }
            int[] byGroup = new int[found.length]; // positions sorted by group, stable
            int[] next = java.util.Arrays.copyOf(start, groups.size());
            for (int p : found) {
                byGroup[next[index.groupAt(p)]++] = p;
            }
            List<Channel> channels = new ArrayList<>(found.length);
            List<SidebarRow> rows = new ArrayList<>(found.length + groups.size());
            for (int g = 0; g < groups.size(); g++) {
                int count = start[g + 1] - start[g];
                if (count == 0) {
                    continue;
                }
                boolean fold = folded.contains(groups.get(g));
                rows.add(new SidebarRow.GroupHeader(groups.get(g), count, fold));
                for (int k = start[g]; k < start[g + 1] && !fold; k++) {
                    rows.add(rowOf[byGroup[k]]);
                    channels.add(rowOf[byGroup[k]].channel());
                }
            }
            return new Grouped(unmodifiable(channels), unmodifiable(rows));
        }

        private static <T> ObservableList<T> unmodifiable(List<T> list) {
            return FXCollections.unmodifiableObservableList(FXCollections.observableList(list));
        }
    }

    /** Plays {@code c}: it becomes the channel playing, the newest recent and the last channel. */
    public void play(Channel c) {
        if (c == null) {
            return;
        }
        Channel was = playing.get();
        if (was != null && was != c) {
            previous = was;
        }
        playing.set(c);
        player.play(c);
        String key = ChannelIndex.keyOf(c);
        recent.remove(key);
        recent.addFirst(key);
        while (recent.size() > MAX_RECENT) {
            recent.removeLast();
        }
        List<String> rec = List.copyOf(recent);
        update(st -> st.withLibrary(st.library().withRecent(rec, key)));
        if (RECENT.equals(group.get())) {
            refilter();
        }
    }

    /** The next channel in the rows shown (wrapping); the first when none of them is playing. */
    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    private void step(int direction) {
        List<Channel> rows = visible();
        if (rows.isEmpty()) {
            return;
        }
        int at = -1;
        Channel p = playing.get();
        for (int i = 0; i < rows.size() && p != null; i++) {
            if (rows.get(i) == p) {
                at = i;
                break;
            }
        }
        int target = at < 0 ? (direction > 0 ? 0 : rows.size() - 1) : Math.floorMod(at + direction, rows.size());
        play(rows.get(target));
    }

    /** Back to the channel played before this one. */
    public void last() {
        if (previous != null) {
            play(previous);
        }
    }

    /** A digit typed for a channel number: shown at once, committed after {@link #NUMBER_TIMEOUT} or Enter. */
    public void digit(int d) {
        if (d < 0 || d > 9 || typed.length() >= 5) {
            return;
        }
        typed += d;
        typedNumber.set(typed);
        numberTimer.run();
        numberTimer = delay.schedule(NUMBER_TIMEOUT, this::commitNumber);
    }

    /** Whether a channel number is being typed. */
    public boolean typingNumber() {
        return !typed.isEmpty();
    }

    /** Plays the channel with the number typed so far (its position in the playlists); shows when none has it. */
    public void commitNumber() {
        numberTimer.run();
        numberTimer = () -> { };
        if (typed.isEmpty()) {
            return;
        }
        int number = Integer.parseInt(typed);
        typed = "";
        Channel c = index.get().byNumber(number);
        if (c == null) {
            typedNumber.set("No channel " + number);
            numberTimer = delay.schedule(NUMBER_TIMEOUT, () -> typedNumber.set(""));
            return;
        }
        typedNumber.set("");
        play(c);
    }

    public boolean isFavourite(Channel c) {
        return c != null && favourites.contains(ChannelIndex.keyOf(c));
    }

    /** Stars or unstars {@code c}, saved at once. */
    public void toggleFavourite(Channel c) {
        String key = ChannelIndex.keyOf(c);
        if (!favourites.remove(key)) {
            favourites.add(key);
        }
        favouritesVersion.set(favouritesVersion.get() + 1);
        boolean starred = favourites.contains(key);
        update(st -> {
            List<String> favs = new ArrayList<>(st.library().favourites());
            favs.remove(key);
            if (starred) {
                favs.add(key);
            }
            return st.withLibrary(st.library().withFavourites(favs));
        });
        if (FAVOURITES.equals(group.get())) {
            refilter();
        }
    }

    /** {@code "Now: title · Next: title"} from the guide, or empty without a guide or a match. */
    public String nowNext(Channel c) {
        GuideStore g = guide.get();
        if (g == null || c == null) {
            return "";
        }
        ChannelProgrammes programmes = ChannelProgrammes.of(g, c);
        if (!programmes.matched()) {
            return "";
        }
        Instant at = clock.instant();
        String now = programmes.now(at).map(Programme::title).orElse(null);
        String next = programmes.next(at).map(Programme::title).orElse(null);
        return (now == null ? "" : "Now: " + now) + (now != null && next != null ? " · " : "")
                + (next == null ? "" : "Next: " + next);
    }

    /** The channel's number: its 1-based position in the open playlists. */
    public int numberOf(Channel c) {
        return index.get().numberOf(c);
    }

    /** Changes the settings on the UI thread (the service saves them; a failure is logged, nothing else). */
    private void update(UnaryOperator<Settings> change) {
        ui.execute(() -> {
            try {
                settings.update(change);
            } catch (RuntimeException e) {
                log.warn("cannot save the channel settings: {}", e.toString());
            }
        });
    }

    private static List<String> append(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    public ReadOnlyObjectProperty<ChannelIndex> indexProperty() { return index.getReadOnlyProperty(); }
    public ObservableList<String> groupChoices() { return groupChoices; }
    public ObjectProperty<String> groupProperty() { return group; }
    public StringProperty queryProperty() { return query; }
    /** The rows shown now (replaced, not changed, when they change: observe {@link #rowsProperty()}). */
    public ObservableList<Channel> visible() { return rows.get(); }
    public ReadOnlyObjectProperty<ObservableList<Channel>> rowsProperty() { return rows.getReadOnlyProperty(); }
    /** The sidebar's rows (the channels shown, under group headers in the list of all channels). */
    public ReadOnlyObjectProperty<ObservableList<SidebarRow>> sidebarRowsProperty() {
        return sidebarRows.getReadOnlyProperty();
    }
    /** The sources of the open playlists, in the order opened (FX thread). */
    public ObservableList<String> playlists() { return playlists; }
    public ReadOnlyObjectProperty<Channel> playingProperty() { return playing.getReadOnlyProperty(); }
    /** The programme guide: set by whoever loads guides (null: none), read by the rows. */
    public ObjectProperty<GuideStore> guideProperty() { return guide; }

    /** The channels of every open playlist, in order, with their guide URLs (null until one is read). */
    public ReadOnlyObjectProperty<ChannelList> openChannelsProperty() {
        return openChannels.getReadOnlyProperty();
    }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty typedNumberProperty() { return typedNumber.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty favouritesVersionProperty() { return favouritesVersion.getReadOnlyProperty(); }
}
