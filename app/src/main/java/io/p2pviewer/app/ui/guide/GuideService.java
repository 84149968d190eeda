package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.UrlMask;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.XmltvReader;
import io.p2pviewer.app.ui.UiThread;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the programme guide of the open playlist: reads the guides its {@code x-tvg-url} names plus those of the
 * settings, merges them into one {@link Guide}, and reads them again every {@code guideRefreshHours}. A source
 * that fails (unreachable, not XMLTV, a document that breaks off) keeps its previous guide, and the status says
 * why in one line; a failed read is retried after {@link #RETRY_AFTER_FAILURE} (or the refresh period when that
 * is shorter).
 *
 * <p>Threads: reading happens on the {@link TaskScheduler} given (a thread of its own in the app, blocking it
 * while a guide downloads; virtual time in tests), which owns the sources and the guides read. {@link #guide()}
 * and {@link #status()} change on the {@link UiThread} (the FX thread in the app). The other methods may be
 * called from any thread.
 */
public final class GuideService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GuideService.class);
    /** How soon a read that failed is tried again. */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(30);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final GuideLoader loader;
    private final TaskScheduler scheduler;
    private final UiThread ui;
    private final ReadOnlyObjectWrapper<Guide> guide = new ReadOnlyObjectWrapper<>(this, "guide", Guide.empty());
    private final ReadOnlyObjectWrapper<GuideStatus> status =
            new ReadOnlyObjectWrapper<>(this, "status", GuideStatus.IDLE);

    // Scheduler thread only.
    private List<String> sources = List.of();
    private Duration refresh = Duration.ofHours(12);
    private final Map<String, Guide> lastGood = new HashMap<>();
    private Cancellable next = Cancellable.NONE;
    private boolean closed;

    public GuideService(GuideLoader loader, TaskScheduler scheduler, UiThread ui) {
        this.loader = loader;
        this.scheduler = scheduler;
        this.ui = ui;
    }

    /** The current guide (empty before the first read); UI thread. */
    public ReadOnlyObjectProperty<Guide> guide() {
        return guide.getReadOnlyProperty();
    }

    /** Progress and the last error; UI thread. */
    public ReadOnlyObjectProperty<GuideStatus> status() {
        return status.getReadOnlyProperty();
    }

    /**
     * Names the guides to keep: those of the playlist ({@code x-tvg-url}) first, then those of the settings
     * (duplicates once), read now and again every {@code refreshHours}. An empty list empties the guide.
     */
    public void setSources(List<String> playlistGuides, List<String> settingsGuides, int refreshHours) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (List<String> l : List.of(playlistGuides, settingsGuides)) {
            l.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(all::add);
        }
        List<String> list = List.copyOf(all);
        Duration period = Duration.ofHours(Math.max(1, refreshHours));
        scheduler.execute(() -> {
            sources = list;
            refresh = period;
            lastGood.keySet().retainAll(list);
            loadAll();
        });
    }

    /** Reads every source again now. */
    public void refresh() {
        scheduler.execute(this::loadAll);
    }

    private void loadAll() {
        next.cancel();
        if (closed) {
            return;
        }
        if (sources.isEmpty()) {
            publish(Guide.empty(), new GuideStatus(false, "No guide: the playlist names none", ""));
            return;
        }
        List<String> errors = new ArrayList<>();
        int n = sources.size();
        for (int i = 0; i < n; i++) {
            String source = sources.get(i);
            String prefix = "Loading guide" + (n > 1 ? " " + (i + 1) + " of " + n : "") + ": " + UrlMask.mask(source);
            post(new GuideStatus(true, prefix, ""));
            try {
                Guide g = loader.load(source, bytes -> post(new GuideStatus(true,
                        prefix + String.format(Locale.ROOT, " (%.1f MB)", bytes / 1e6), "")));
                if (XmltvReader.brokeOff(g) && lastGood.containsKey(source)) {
                    errors.add(g.warnings().stream().filter(w -> w.message().startsWith(XmltvReader.STOPPED))
                            .findFirst().map(w -> "cannot read guide: " + w.message()).orElse("guide broke off"));
                } else {
                    lastGood.put(source, g);
                }
            } catch (ReadException e) {
                errors.add(e.getMessage());
            } catch (RuntimeException e) {
                log.warn("guide {}: {}", UrlMask.mask(source), e.toString());
                errors.add("cannot read guide: " + e.getClass().getSimpleName());
            }
        }
        List<Guide> kept = sources.stream().map(lastGood::get).filter(g -> g != null).toList();
        Guide merged = Guide.merge(kept);
        String at = HH_MM.format(scheduler.clock().instant().atZone(zone()));
        String message = kept.isEmpty() ? "No guide"
                : String.format(Locale.ROOT, "Guide: %,d programmes on %,d channels, read at %s",
                merged.store().programmeCount(), merged.store().channelCount(), at);
        String error = errors.isEmpty() ? ""
                : (kept.isEmpty() ? "" : "Guide not updated, kept the previous one: ") + errors.getFirst()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        if (!errors.isEmpty()) {
            log.warn("guide: {}", error);
        }
        publish(merged, new GuideStatus(false, message, error));
        Duration wait = errors.isEmpty() ? refresh
                : (refresh.compareTo(RETRY_AFTER_FAILURE) < 0 ? refresh : RETRY_AFTER_FAILURE);
        next = scheduler.schedule(wait, this::loadAll);
    }

    private ZoneId zone() {
        return scheduler.clock().getZone();
    }

    private void publish(Guide g, GuideStatus s) {
        ui.execute(() -> {
            if (guide.get() != g) {
                guide.set(g);
            }
            status.set(s);
        });
    }

    private void post(GuideStatus s) {
        ui.execute(() -> status.set(s));
    }

    /** Stops the refreshes (reading in progress finishes, unpublished). */
    @Override
    public void close() {
        scheduler.execute(() -> {
            closed = true;
            next.cancel();
        });
    }
}
