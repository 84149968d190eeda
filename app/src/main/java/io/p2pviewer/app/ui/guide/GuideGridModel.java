package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.CatchupUrl;
import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ChannelProgrammes;
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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The guide grid's view model: the playlist's channels as rows, their programmes from the guide, the channel
 * playing, a selected row and time, and what a viewport shows. Only the visible rows and the visible time range
 * are ever looked up ({@link #visible}), so 2,000 channels x 7 days cost what a screenful costs. The grid covers
 * today and the next {@code days - 1} days in the clock's zone, and as many days before today as the channels'
 * catch-up goes back (at most {@link #DAYS}). A finished programme on a channel with catch-up plays its archive
 * ({@link CatchupUrl}); any other plays the channel live. FX thread only.
 */
public final class GuideGridModel {
    /** Days the grid shows: today and the six after. */
    public static final int DAYS = 7;

    /** What a viewport of the programme area shows: its scroll offsets and its size in pixels. */
    public record Viewport(double scrollX, double scrollY, double width, double height) {
    }

    /**
     * One programme as drawn: its box in content coordinates, whether it runs now or is selected, and whether its
     * catch-up archive can be played (finished, on a channel with catch-up, within its days).
     */
    public record Cell(Programme programme, double x, double width, boolean now, boolean selected, boolean replay) {
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
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private List<Channel> channels = List.of();
    private Guide guide = Guide.empty();
    private ChannelProgrammes[] rowProgrammes = new ChannelProgrammes[0];
    private Channel playing;
    private Programme replaying;
    private int daysBack;
    private int playingRow = -1;
    private int selectedRow = -1;
    private Instant selectedTime;
    private GuideGridLayout layout;

    public GuideGridModel(Clock clock, ChannelPlayer player) {
        this.clock = clock;
        this.player = player;
        this.layout = days();
        this.selectedTime = clock.instant();
    }

    /**
     * What the last Enter or double click could not do as asked, in words: why a past programme has no archive,
     * or that a channel without catch-up plays live. Empty when it did.
     */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
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
        int back = 0;
        for (Channel c : channels) {
            if (CatchupUrl.offered(c)) {
                back = (int) Math.max(back, Math.min(DAYS, Math.ceil(CatchupUrl.window(c).toSeconds() / 86_400.0)));
            }
        }
        if (back != daysBack) {
            daysBack = back;
            layout = days();
        }
        playingRow = playing == null ? -1 : channels.indexOf(playing);
        selectedRow = channels.isEmpty() ? -1 : Math.max(0, Math.min(selectedRow, channels.size() - 1));
        match();
    }

    /** Sets the guide the programmes come from. */
    public void setGuide(Guide g) {
        guide = g == null ? Guide.empty() : g;
        match();
    }

    /** Sets the channel playing (highlighted, and selected), live. */
    public void setPlaying(Channel channel) {
        setPlaying(channel, null);
    }

    /** Sets the channel playing and the past programme whose archive plays on it (null: live). */
    public void setPlaying(Channel channel, Programme archive) {
        playing = channel;
        replaying = archive;
        playingRow = channel == null ? -1 : channels.indexOf(channel);
        if (playingRow >= 0) {
            selectedRow = playingRow;
        }
        changed();
    }

    /** Starts the grid at today again (a new day began) and selects now. */
    public void goToNow() {
        layout = days();
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
            for (Programme p : rowProgrammes[r].between(from, to)) {
                double x = layout.x(p.start());
                boolean selected = r == selectedRow && contains(p, selectedTime);
                cells.add(new Cell(p, x, layout.x(p.stop()) - x, contains(p, now), selected,
                        CatchupUrl.replayable(channels.get(r), p.start(), p.stop(), now)));
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
        return Optional.of(new Hit(r, channels.get(r), rowProgrammes[r].now(t)));
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
        ChannelProgrammes row = rowProgrammes[selectedRow];
        Optional<Programme> current = row.now(selectedTime);
        Optional<Programme> target;
        if (forward) {
            target = row.next(selectedTime);
        } else {
            Instant before = current.map(Programme::start).orElse(selectedTime).minusSeconds(1);
            target = row.now(before);
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

    /**
     * Enter, a double click: a finished programme selected on a channel with catch-up plays its archive (or says
     * why it cannot); anything else plays the selected row's channel live.
     */
    public void playSelected() {
        if (selectedRow < 0) {
            return;
        }
        Channel c = channels.get(selectedRow);
        Instant now = clock.instant();
        Optional<Programme> p = rowProgrammes[selectedRow].now(selectedTime)
                .filter(x -> !x.stop().isAfter(now));
        if (p.isPresent() && CatchupUrl.offered(c)) {
            replay(c, p.get(), CatchupUrl.of(c, p.get().start(), p.get().stop(), now, clock.getZone()),
                    "No catch-up of \u201C" + p.get().title() + "\u201D: ");
            return;
        }
        message.set(p.isPresent() ? c.name() + " has no catch-up: playing it live." : "");
        player.play(c);
        setPlaying(c);
    }

    /**
     * Shift+Enter, "From the start": the programme running on the selected row, on a channel with catch-up, from
     * its beginning (the provider's archive up to now); otherwise says why not.
     */
    public void startSelectedOver() {
        if (selectedRow < 0) {
            return;
        }
        Channel c = channels.get(selectedRow);
        Instant now = clock.instant();
        Optional<Programme> p = rowProgrammes[selectedRow].now(selectedTime);
        if (p.isEmpty()) {
            message.set("Nothing in the guide to start over here.");
            return;
        }
        replay(c, p.get(), CatchupUrl.fromStart(c, p.get().start(), p.get().stop(), now, clock.getZone()),
                "\u201C" + p.get().title() + "\u201D cannot start over: ");
    }

    /** Plays the archive, or says why there is none after {@code whyPrefix}. */
    private void replay(Channel c, Programme p, CatchupUrl.Result result, String whyPrefix) {
        switch (result) {
            case CatchupUrl.Archive archive -> {
                message.set("");
                player.replay(c, p, archive);
                setPlaying(c, p);
            }
            case CatchupUrl.Unavailable why -> message.set(whyPrefix + why.reason() + ".");
        }
    }

    /** Whether the selection is a programme running now on a channel with catch-up ("From the start" enabled). */
    public boolean selectionStartable() {
        if (selectedRow < 0) {
            return false;
        }
        Instant now = clock.instant();
        return rowProgrammes[selectedRow].now(selectedTime)
                .filter(p -> CatchupUrl.startable(channels.get(selectedRow), p.start(), p.stop(), now)).isPresent();
    }

    /** The past programme whose archive plays, or empty when the channel plays live. */
    public Optional<Programme> replaying() {
        return Optional.ofNullable(replaying);
    }

    /** Now and next on the channel playing, at the clock's now (the window's header line). */
    public Optional<NowNext> playingNowNext() {
        return playing == null ? Optional.empty() : Optional.of(NowNext.of(guide, playing, clock.instant()));
    }

    private void match() {
        GuideStore store = guide.store();
        ChannelProgrammes[] rows = new ChannelProgrammes[channels.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = ChannelProgrammes.of(store, channels.get(i));
        }
        rowProgrammes = rows;
        changed();
    }

    /** Today and the days after it, from as many days back as the channels' catch-up goes. */
    private GuideGridLayout days() {
        return GuideGridLayout.days(clock.getZone(), LocalDate.now(clock).minusDays(daysBack), DAYS + daysBack);
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    private static boolean contains(Programme p, Instant t) {
        return !t.isBefore(p.start()) && t.isBefore(p.stop());
    }
}
