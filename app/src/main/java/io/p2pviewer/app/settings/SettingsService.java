package io.p2pviewer.app.settings;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running app's settings: what was loaded at start, the current value as an observable property, and saving
 * on a thread of its own ({@code settings-io}), debounced so a window drag or a volume slide writes the file once.
 * Features read {@link #current()} and change their own area with {@link #update}. Threading: {@link #update}
 * and the property belong to the FX thread (or to one test thread); the file is written on {@code settings-io}.
 */
public final class SettingsService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);
    /** How long changes gather before the file is written. */
    public static final Duration DEBOUNCE = Duration.ofMillis(500);

    private final SettingsStore store;
    private final Optional<String> loadProblem;
    private final ReadOnlyObjectWrapper<Settings> current;
    private final ScheduledExecutorService io;
    private final AtomicReference<Settings> toSave = new AtomicReference<>();
    private ScheduledFuture<?> pending;
    private volatile String lastSaveProblem;
    private boolean closed;

    private SettingsService(SettingsStore store, SettingsStore.Loaded loaded) {
        this.store = store;
        this.loadProblem = loaded.problem();
        this.current = new ReadOnlyObjectWrapper<>(loaded.settings());
        this.io = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settings-io");
            t.setDaemon(true);
            return t;
        });
    }

    /** Settings that are never written (tests and tools that open a window without touching the user's file). */
    public static SettingsService unsaved(Settings settings) {
        return new SettingsService(null, new SettingsStore.Loaded(settings, Optional.empty()));
    }

    /** Reads the store (a small file: on the calling thread) and keeps what it found; see {@link SettingsStore#load()}. */
    public static SettingsService load(SettingsStore store) {
        return new SettingsService(store, store.load());
    }

    /** The settings as they are now; changes arrive on the FX thread. */
    public ReadOnlyObjectProperty<Settings> current() {
        return current.getReadOnlyProperty();
    }

    public Settings get() {
        return current.get();
    }

    /** Why the file could not be used at start (it was kept aside and defaults used), else empty. */
    public Optional<String> loadProblem() {
        return loadProblem;
    }

    /** The last save's failure, one line, or empty when the last save went through. */
    public Optional<String> lastSaveProblem() {
        return Optional.ofNullable(lastSaveProblem);
    }

    /** Where the settings are saved; empty for {@link #unsaved} ones. */
    public Optional<SettingsStore> store() {
        return Optional.ofNullable(store);
    }

    /** Changes the settings now and writes them after {@link #DEBOUNCE} (a later change restarts the wait). */
    public synchronized void update(UnaryOperator<Settings> change) {
        Settings next = Objects.requireNonNull(change.apply(current.get()));
        if (next.equals(current.get())) {
            return;
        }
        current.set(next);
        if (closed) {
            return; // a window's last events after close (its stage may outlive it): kept, not written
        }
        toSave.set(next);
        if (pending != null) {
            pending.cancel(false);
        }
        pending = io.schedule(this::write, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes what is pending now, on {@code settings-io}; the future completes once it is on disk (or failed). */
    public synchronized CompletableFuture<Void> flush() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        return CompletableFuture.runAsync(this::write, io);
    }

    /** Writes what is pending (waiting up to 5 s) and stops the thread; later changes are kept in memory only. */
    @Override
    public void close() {
        CompletableFuture<Void> last;
        synchronized (this) {
            if (closed) {
                return;
            }
            last = flush();
            closed = true;
        }
        try {
            last.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("settings not saved at close: {}", e.toString());
        } finally {
            io.shutdown();
        }
    }

    private void write() {
        Settings s = toSave.getAndSet(null);
        if (s == null || store == null) {
            return;
        }
        try {
            store.save(s);
            lastSaveProblem = null;
        } catch (IOException | RuntimeException e) {
            lastSaveProblem = "Settings not saved to " + store.file() + ": " + e.getClass().getSimpleName();
            log.warn(lastSaveProblem);
        }
    }
}
