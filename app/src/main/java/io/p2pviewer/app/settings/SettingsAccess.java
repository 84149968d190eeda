package io.p2pviewer.app.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * What a feature needs of the settings: read the current value, change its own area. The window's features share
 * one {@link SettingsService} (one writer of {@code settings.json}, so no feature's change overwrites another's);
 * {@link #direct} reads and writes a store at once, for tests and single-writer tools.
 */
public interface SettingsAccess {
    /** The current settings. Any thread. */
    Settings get();

    /** Changes the settings; call it on the thread the implementation names (the FX thread for the service). */
    void update(UnaryOperator<Settings> change);

    /** Reads and writes {@code store} on each call, on the caller's thread. */
    static SettingsAccess direct(SettingsStore store) {
        return new SettingsAccess() {
            @Override
            public Settings get() {
                return store.load().settings();
            }

            @Override
            public void update(UnaryOperator<Settings> change) {
                try {
                    store.save(change.apply(get()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
