package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.GuideStore;
import io.p2pviewer.app.channels.guide.Programme;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The guide grid's view model: the playlist's channels as rows, their programmes from the guide, the channel
 * playing, a selected row and time, and what a viewport shows. Only the visible rows and the visible time range
 * are ever looked up ({@link #visible}), so 2,000 channels x 7 days cost what a screenful costs. The grid covers
 * today and the next {@code days - 1} days in the clock's zone. FX thread only.
 */
public final class GuideGridModel {
    /** Days the grid shows: today and the six after. */
    public static final int DAYS = 7;

    /** What a viewport of the programme area shows: its scroll offsets and its size in pixels. */
    public record Viewport(double scrollX, double scrollY, double width, double height) {
    }

    /** One programme as drawn: its box in content coordinates and whether it runs now or is selected. */
    public record Cell(Programme programme, double x, double width, boolean now, boolean selected) {
    }

    /** One visible row: the channel, its top in content coordinates, and its visible programmes. */
    public record Row(int index, Channel channel, double y, boolean playing, boolean selected, List<Cell> cells) {
    }

    /** A programme under the pointer. */
    public record Hit(int row, Channel channel, Optional<Programme> programme) {
    }

    private final Clock clock;
    private final ChannelPlayer player;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private List<Channel> channels = List.of();
    private Guide guide = Guide.empty();
    private int[] guideIndex = new int[0];
    private Channel playing;
    private int playingRow = -1;
    private int selectedRow = -1;
    private Instant selectedTime;
    private GuideGridLayout layout;

    public GuideGridModel(Clock clock, ChannelPlayer player) {
        this.clock = clock;
        this.player = player;
        this.layout = GuideGridLayout.days(clock.getZone(), LocalDate.now(clock), DAYS);
        this.selectedTime = clock.instant();
    }

    /** Bumped whenever what the grid shows changed (the view repaints). */
    public ReadOnlyIntegerProperty revision() {
        return revision.getReadOnlyProperty();
    }

    public GuideGridLayout layout() {
        return layout;
    }

    /** Sets the rows (the open playlist's channels, in its order). */
    public void setChannels(List<Channel> list) {
        channels = List.copyOf(list);
        playingRow = playing == null ? -1 : channels.indexOf(playing);
        selectedRow = channels.isEmpty() ? -1 : Math.max(0, Math.min(selectedRow, channels.size() - 1));
        match();
    }

    /** Sets the guide the programmes come from. */
    public void setGuide(Guide g) {
        guide = g == null ? Guide.empty() : g;
        match();
    }

    /** Sets the channel playing (highlighted, and selected). */
    public void setPlaying(Channel channel) {
        playing = channel;
        playingRow = channel == null ? -1 : channels.indexOf(channel);
        if (playingRow >= 0) {
            selectedRow = playingRow;
        }
        changed();
    }

    /** Starts the grid at today again (a new day began) and selects now. */
    public void goToNow() {
        layout = GuideGridLayout.days(clock.getZone(), LocalDate.now(clock), DAYS);
        selectedTime = clock.instant();
        changed();
    }

    /** Time passed: the now line and the programmes running moved (the view repaints). */
    public void tick() {
        changed();
    }

    public List<Channel> channels() {
        return channels;
    }

    public int rowCount() {
        return channels.size();
    }

    /** The row of the channel playing, or -1. */
    public int playingRow() {
        return playingRow;
    }

    public int selectedRow() {
        return selectedRow;
    }

    public Instant selectedTime() {
        return selectedTime;
    }

    /** The clock's now (the "now" line). */
    public Instant now() {
        return clock.instant();
    }

    /** The rows and programmes a viewport shows, nothing else looked up. */
    public List<Row> visible(Viewport v) {
        int first = layout.firstVisibleRow(v.scrollY());
        int last = layout.lastVisibleRow(v.scrollY(), v.height(), channels.size());
        Instant from = layout.time(v.scrollX());
        Instant to = layout.time(v.scrollX() + v.width());
        Instant now = clock.instant();
        int playingRow = playingRow();
        List<Row> rows = new ArrayList<>(Math.max(0, last - first + 1));
        for (int r = first; r <= last; r++) {
            List<Cell> cells = new ArrayList<>();
            for (Programme p : guide.store().between(guideIndex[r], from, to)) {
                double x = layout.x(p.start());
                boolean selected = r == selectedRow && contains(p, selectedTime);
                cells.add(new Cell(p, x, layout.x(p.stop()) - x, contains(p, now), selected));
            }
            rows.add(new Row(r, channels.get(r), layout.y(r), r == playingRow, r == selectedRow, cells));
        }
        return rows;
    }

    /** What is at a point of the content, if a row is there. */
    public Optional<Hit> hit(double contentX, double contentY) {
        int r = layout.rowAt(contentY, channels.size());
        if (r < 0) {
            return Optional.empty();
        }
        Instant t = layout.time(contentX);
        return Optional.of(new Hit(r, channels.get(r), guide.store().now(guideIndex[r], t)));
    }

    /** Selects the row and time at a point of the content. */
    public void select(double contentX, double contentY) {
        int r = layout.rowAt(contentY, channels.size());
        if (r >= 0) {
            selectedRow = r;
            selectedTime = layout.time(contentX);
            changed();
        }
    }

    /** Moves the selection {@code delta} rows, staying in the list. */
    public void moveRows(int delta) {
        if (channels.isEmpty()) {
            return;
        }
        selectedRow = Math.max(0, Math.min(channels.size() - 1, (selectedRow < 0 ? 0 : selectedRow) + delta));
        changed();
    }

    /** Moves the selected time to the next ({@code forward}) or previous programme of the selected row. */
    public void moveProgramme(boolean forward) {
        if (selectedRow < 0) {
            return;
        }
        GuideStore store = guide.store();
        int c = guideIndex[selectedRow];
        Optional<Programme> current = store.now(c, selectedTime);
        Optional<Programme> target;
        if (forward) {
            target = store.next(c, selectedTime);
        } else {
            Instant before = current.map(Programme::start).orElse(selectedTime).minusSeconds(1);
            target = store.now(c, before);
        }
        if (target.isPresent()) {
            selectedTime = target.get().start().isBefore(layout.start()) ? layout.start() : target.get().start();
        } else {
            selectedTime = selectedTime.plusSeconds(forward ? 1800 : -1800);
        }
        changed();
    }

    /** The selected row's channel, if any. */
    public Optional<Channel> selectedChannel() {
        return selectedRow < 0 ? Optional.empty() : Optional.of(channels.get(selectedRow));
    }

    /** Plays the selected row's channel (Enter, a double click). */
    public void playSelected() {
        selectedChannel().ifPresent(c -> {
            player.play(c);
            setPlaying(c);
        });
    }

    /** Now and next on the channel playing, at the clock's now (the window's header line). */
    public Optional<NowNext> playingNowNext() {
        return playing == null ? Optional.empty() : Optional.of(NowNext.of(guide, playing, clock.instant()));
    }

    private void match() {
        GuideStore store = guide.store();
        int[] index = new int[channels.size()];
        for (int i = 0; i < index.length; i++) {
            Channel c = channels.get(i);
            index[i] = store.channel(c.tvgId(), c.tvgName(), c.name());
        }
        guideIndex = index;
        changed();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    private static boolean contains(Programme p, Instant t) {
        return !t.isBefore(p.start()) && t.isBefore(p.stop());
    }
}
