package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.Channel;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The guide grid: channels down, time across, drawn on one {@link Canvas} the size of the viewport with two
 * scroll bars. Each paint asks the model only for the visible rows and time range, so its cost does not grow
 * with the guide. Mouse: wheel scrolls (Shift or a horizontal wheel across), a click selects, a double click
 * plays the channel (a finished programme marked {@value #REPLAY_MARK}: its catch-up archive). Keys: arrows move the
 * selection, Page Up/Down move a screen, Home/N go to now, Enter plays, Shift+Enter starts the programme running
 * over from its beginning (catch-up).
 * FX thread only.
 */
public final class GuideGridView extends Region {
    /** Width of the channel column on the left. */
    public static final double CHANNEL_WIDTH = 190;
    /** Height of the time header on top. */
    public static final double HEADER_HEIGHT = 28;
    /** Before the title of a finished programme whose catch-up archive plays on Enter. */
    public static final String REPLAY_MARK = "\u21BA ";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT);
    private static final Color BACKGROUND = Color.web("#f6f8fa");
    private static final Color ROW_PLAYING = Color.web("#fff3c4");
    private static final Color ROW_SELECTED = Color.web("#eaf2ff");
    private static final Color CELL = Color.WHITE;
    private static final Color CELL_NOW = Color.web("#dbeafe");
    private static final Color CELL_SELECTED = Color.web("#2f6fd6");
    private static final Color LINE = Color.web("#d0d7de");
    private static final Color TEXT = Color.web("#1f2328");
    private static final Color TEXT_DIM = Color.web("#57606a");
    private static final Color NOW_LINE = Color.web("#d1242f");
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font("System", 11);

    private final GuideGridModel model;
    private final Canvas canvas = new Canvas();
    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    private List<GuideGridModel.Row> painted = List.of();
    private long lastPaintNanos;
    private long paints;
    private boolean dirty;

    public GuideGridView(GuideGridModel model) {
        this.model = model;
        setId("guideGrid");
        setFocusTraversable(true);
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setId("guideScrollX");
        vertical.setId("guideScrollY");
        getChildren().addAll(canvas, horizontal, vertical);
        horizontal.valueProperty().addListener((o, a, b) -> requestPaint());
        vertical.valueProperty().addListener((o, a, b) -> requestPaint());
        model.revision().addListener((o, a, b) -> requestPaint());
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        setMinSize(300, 150);
        setPrefSize(1000, 600);
    }

    /** Scrolls so the channel playing (else the selected row) is centred and now is near the left. */
    public void showPlaying() {
        int row = model.playingRow() >= 0 ? model.playingRow() : Math.max(0, model.selectedRow());
        updateScrollRanges();
        vertical.setValue(model.layout().scrollYCentring(row, viewHeight(), model.rowCount()));
        horizontal.setValue(model.layout().scrollXShowing(model.now(), viewWidth()));
        paint();
    }

    /** The rows drawn by the last paint (what is on screen). */
    public List<GuideGridModel.Row> paintedRows() {
        return painted;
    }

    /** How long the last paint took, in nanoseconds. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** Paints so far. */
    public long paints() {
        return paints;
    }

    public ScrollBar horizontalBar() {
        return horizontal;
    }

    public ScrollBar verticalBar() {
        return vertical;
    }

    /** Paints once in the next pulse's layout pass, however many changes come before it. */
    private void requestPaint() {
        if (!dirty) {
            dirty = true;
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = 14;
        canvas.setWidth(Math.max(0, w - bar));
        canvas.setHeight(Math.max(0, h - bar));
        canvas.relocate(0, 0);
        vertical.resizeRelocate(w - bar, 0, bar, Math.max(0, h - bar));
        horizontal.resizeRelocate(CHANNEL_WIDTH, h - bar, Math.max(0, w - bar - CHANNEL_WIDTH), bar);
        updateScrollRanges();
        paint();
    }

    private double viewWidth() {
        return Math.max(1, canvas.getWidth() - CHANNEL_WIDTH);
    }

    private double viewHeight() {
        return Math.max(1, canvas.getHeight() - HEADER_HEIGHT);
    }

    private void updateScrollRanges() {
        GuideGridLayout l = model.layout();
        horizontal.setMax(l.maxScrollX(viewWidth()));
        horizontal.setVisibleAmount(viewWidth());
        horizontal.setUnitIncrement(l.pixelsPerMinute() * 30);
        horizontal.setBlockIncrement(viewWidth() * 0.8);
        vertical.setMax(l.maxScrollY(viewHeight(), model.rowCount()));
        vertical.setVisibleAmount(viewHeight());
        vertical.setUnitIncrement(l.rowHeight());
        vertical.setBlockIncrement(viewHeight() - l.rowHeight());
    }

    private GuideGridModel.Viewport viewport() {
        return new GuideGridModel.Viewport(horizontal.getValue(), vertical.getValue(), viewWidth(), viewHeight());
    }

    private void onScroll(ScrollEvent e) {
        double dx = e.getDeltaX();
        double dy = e.getDeltaY();
        if (e.isShiftDown() && dx == 0) {
            dx = dy;
            dy = 0;
        }
        horizontal.setValue(clamp(horizontal.getValue() - dx * 2, horizontal.getMax()));
        vertical.setValue(clamp(vertical.getValue() - dy, vertical.getMax()));
        e.consume();
    }

    private void onClick(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY || e.getX() >= canvas.getWidth() || e.getY() < HEADER_HEIGHT) {
            return;
        }
        double cx = e.getX() < CHANNEL_WIDTH ? model.layout().x(model.now())
                : e.getX() - CHANNEL_WIDTH + horizontal.getValue();
        model.select(cx, e.getY() - HEADER_HEIGHT + vertical.getValue());
        if (e.getClickCount() == 2) {
            model.playSelected();
        }
        e.consume();
    }

    private void onKey(KeyEvent e) {
        GuideGridLayout l = model.layout();
        int page = Math.max(1, (int) (viewHeight() / l.rowHeight()) - 1);
        switch (e.getCode()) {
            case UP -> model.moveRows(-1);
            case DOWN -> model.moveRows(1);
            case PAGE_UP -> model.moveRows(-page);
            case PAGE_DOWN -> model.moveRows(page);
            case LEFT -> model.moveProgramme(false);
            case RIGHT -> model.moveProgramme(true);
            case HOME, N -> model.goToNow();
            case ENTER -> {
                if (e.isShiftDown()) {
                    model.startSelectedOver();
                } else {
                    model.playSelected();
                }
            }
            default -> {
                return;
            }
        }
        if (model.selectedRow() >= 0) {
            vertical.setValue(l.scrollYShowing(model.selectedRow(), vertical.getValue(), viewHeight(),
                    model.rowCount()));
        }
        double x = l.x(model.selectedTime());
        if (x < horizontal.getValue() || x > horizontal.getValue() + viewWidth() - 40) {
            horizontal.setValue(l.scrollXShowing(model.selectedTime(), viewWidth()));
        }
        e.consume();
    }

    /** Draws what the viewport shows: rows, programmes, the channel column, the time header, the now line. */
    private void paint() {
        dirty = false;
        long t0 = System.nanoTime();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        GuideGridLayout l = model.layout();
        GuideGridModel.Viewport v = viewport();
        double sx = v.scrollX();
        double sy = v.scrollY();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        painted = model.visible(v);
        double rh = l.rowHeight();
        for (GuideGridModel.Row row : painted) {
            double y = HEADER_HEIGHT + row.y() - sy;
            if (row.playing() || row.selected()) {
                g.setFill(row.playing() ? ROW_PLAYING : ROW_SELECTED);
                g.fillRect(CHANNEL_WIDTH, y, w - CHANNEL_WIDTH, rh);
            }
            for (GuideGridModel.Cell c : row.cells()) {
                double x0 = Math.max(CHANNEL_WIDTH, CHANNEL_WIDTH + c.x() - sx);
                double x1 = Math.min(w, CHANNEL_WIDTH + c.x() + c.width() - sx);
                if (x1 <= x0) {
                    continue;
                }
                g.setFill(c.selected() ? CELL_SELECTED : c.now() ? CELL_NOW : CELL);
                g.fillRect(x0 + 1, y + 2, x1 - x0 - 2, rh - 4);
                g.setStroke(LINE);
                g.strokeRect(x0 + 1.5, y + 2.5, x1 - x0 - 3, rh - 5);
                if (x1 - x0 > 12) {
                    // No clip (a clip per cell costs the software renderer dearly): text running past its box is
                    // covered by the next cell's fill, drawn after it, and by the channel column on the left.
                    g.setFill(c.selected() ? Color.WHITE : TEXT);
                    g.setFont(TITLE);
                    // A finished programme whose archive plays on Enter is marked, as IPTV guides mark catch-up.
                    g.fillText(c.replay() ? REPLAY_MARK + c.programme().title() : c.programme().title(), x0 + 6,
                            y + 6);
                    g.setFill(c.selected() ? Color.WHITE : TEXT_DIM);
                    g.setFont(SMALL);
                    g.fillText(NowNext.times(c.programme(), l.zone()), x0 + 6, y + 23);
                }
            }
            g.setFill(row.playing() ? ROW_PLAYING : row.selected() ? ROW_SELECTED : BACKGROUND);
            g.fillRect(0, y, CHANNEL_WIDTH, rh);
            g.setStroke(LINE);
            g.strokeLine(0, y + rh - 0.5, CHANNEL_WIDTH, y + rh - 0.5);
            channelLabel(g, row.channel(), row.playing(), y);
        }
        header(g, l, sx, w);
        Instant now = model.now();
        double nx = CHANNEL_WIDTH + l.x(now) - sx;
        if (nx >= CHANNEL_WIDTH && nx <= w) {
            g.setStroke(NOW_LINE);
            g.setLineWidth(2);
            g.strokeLine(nx, HEADER_HEIGHT - 6, nx, h);
            g.setLineWidth(1);
        }
        lastPaintNanos = System.nanoTime() - t0;
        paints++;
    }

    private static void channelLabel(GraphicsContext g, Channel c, boolean playing, double y) {
        g.save();
        g.beginPath();
        g.rect(0, y, CHANNEL_WIDTH - 6, 44);
        g.clip();
        g.setFill(TEXT);
        g.setFont(TITLE);
        String number = c.number() == null ? "" : c.number() + "  ";
        g.fillText((playing ? "\u25B6 " : "") + number + c.name(), 8, y + 6);
        if (c.group() != null) {
            g.setFill(TEXT_DIM);
            g.setFont(SMALL);
            g.fillText(c.group(), 8, y + 23);
        }
        g.restore();
    }

    private void header(GraphicsContext g, GuideGridLayout l, double sx, double w) {
        g.setFill(Color.web("#eef1f4"));
        g.fillRect(0, 0, w, HEADER_HEIGHT);
        g.setStroke(LINE);
        g.strokeLine(0, HEADER_HEIGHT - 0.5, w, HEADER_HEIGHT - 0.5);
        Instant from = l.time(sx);
        Instant to = l.time(sx + w - CHANNEL_WIDTH);
        g.setFont(SMALL);
        g.setFill(TEXT);
        for (Instant hour : l.hours(from.minusSeconds(3600), to)) {
            double x = CHANNEL_WIDTH + l.x(hour) - sx;
            var local = hour.atZone(l.zone());
            String label = local.getHour() == 0 ? DAY.format(local) : HOUR.format(local);
            g.strokeLine(x, HEADER_HEIGHT - 8, x, HEADER_HEIGHT);
            if (x + 2 >= CHANNEL_WIDTH) {
                g.fillText(label, x + 3, 7);
            }
        }
        g.setFill(Color.web("#eef1f4"));
        g.fillRect(0, 0, CHANNEL_WIDTH, HEADER_HEIGHT);
        g.setFill(TEXT);
        g.setFont(TITLE);
        g.fillText(DAY.format(from.atZone(l.zone())), 8, 7);
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
