package io.p2pviewer.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsServiceTest {
    @TempDir
    Path dir;

    private static Settings withVolume(Settings s, int volume) {
        return s.withAppearance(s.appearance().withVolume(volume));
    }

    @Test
    void changesAreSeenAtOnceAndWrittenOnceAfterTheyStop() throws Exception {
        SettingsStore store = new SettingsStore(dir, Clock.systemUTC());
        try (SettingsService service = SettingsService.load(store)) {
            List<Integer> seen = new ArrayList<>();
            service.current().addListener((o, was, is) -> seen.add(is.appearance().volume()));
            long firstUpdate = System.nanoTime();
            for (int v = 10; v <= 50; v += 10) {
                int volume = v;
                service.update(s -> withVolume(s, volume));
            }
            assertThat(seen).containsExactly(10, 20, 30, 40, 50);
            boolean written = Files.exists(store.file());
            // The file may only be there if this thread was held up for a debounce since the first update (a
            // loaded machine): the wall clock, not the service's, says whether the check means anything.
            if (System.nanoTime() - firstUpdate < SettingsService.DEBOUNCE.toNanos()) {
                assertThat(written).as("not written before the debounce").isFalse();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(store.file()));
            assertThat(store.load().settings().appearance().volume()).isEqualTo(50);
        }
    }

    @Test
    void closeWritesWhatIsPendingAndALaterLoadReadsIt() {
        SettingsStore store = new SettingsStore(dir, Clock.systemUTC());
        SettingsService service = SettingsService.load(store);
        service.update(s -> withVolume(s, 33));
        service.close();
        service.update(s -> withVolume(s, 44)); // a stage's last events after close: no failure, not written
        service.close();
        SettingsService again = SettingsService.load(store);
        assertThat(again.get().appearance().volume()).isEqualTo(33);
        assertThat(again.loadProblem()).isEmpty();
        again.close();
    }

    @Test
    void aDamagedFileGivesDefaultsAndTheProblem() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{ not json");
        SettingsService service = SettingsService.load(new SettingsStore(dir, Clock.systemUTC()));
        assertThat(service.get()).isEqualTo(Settings.DEFAULTS);
        assertThat(service.loadProblem()).hasValueSatisfying(p -> assertThat(p).contains("not valid JSON", "kept as"));
        service.close();
    }

    @Test
    void aFailedSaveIsReportedAndTheAppGoesOn() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        SettingsService service = SettingsService.load(new SettingsStore(blocker.resolve("config"), Clock.systemUTC()));
        service.update(s -> withVolume(s, 5));
        service.flush().get(5, TimeUnit.SECONDS);
        assertThat(service.lastSaveProblem()).hasValueSatisfying(p -> assertThat(p).startsWith("Settings not saved"));
        assertThat(service.get().appearance().volume()).isEqualTo(5);
        service.close();
    }

    @Test
    void unsavedSettingsChangeButAreNeverWritten() throws Exception {
        SettingsService service = SettingsService.unsaved(Settings.DEFAULTS);
        service.update(s -> withVolume(s, 7));
        service.flush().get(5, TimeUnit.SECONDS);
        assertThat(service.get().appearance().volume()).isEqualTo(7);
        assertThat(service.store()).isEmpty();
        assertThat(service.lastSaveProblem()).isEmpty();
        service.close();
    }
}
