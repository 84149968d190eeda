package io.p2pviewer.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2pviewer.testing.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    private SettingsStore store() {
        return new SettingsStore(dir.resolve("p2p-viewer"), new FakeClock(Instant.parse("2026-12-05T10:00:00Z")));
    }

    @Test
    void aMissingFileReadsAsDefaultsWithoutAProblem() {
        var loaded = store().load();
        assertEquals(Settings.DEFAULTS, loaded.settings());
        assertTrue(loaded.problem().isEmpty());
    }

    @Test
    void whatIsSavedReadsBackEqual() throws IOException {
        Settings s = Settings.DEFAULTS
                .withSources(new Settings.Sources(List.of("/tmp/a.m3u", "http://x/b.m3u"), List.of("g.xml.gz"), 6))
                .withP2p(new Settings.P2p(false, 800, List.of("ws://t:8000"), List.of(new Settings.IceServerEntry(
                        List.of("turn:t:3478"), "u", "secret")), true, 512))
                .withLibrary(new Settings.Library(List.of("tvg:one"), List.of("url:http://x/2"), "tvg:one", true))
                .withAppearance(new Settings.Appearance("dark", false, 1000, 700, true, 40, true, -1280.0, 24.0, "ZOOM"));
        store().save(s);
        assertEquals(s, store().load().settings());
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(store().file()), "it may hold a TURN password");
    }

    @Test
    void aWindowPlaceWithoutBothEdgesIsNoPlace() throws IOException {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), "{\"appearance\": {\"windowWidth\": 900, \"windowHeight\": 600,"
                + " \"windowX\": 40}}");
        Settings.Appearance a = store().load().settings().appearance();
        assertEquals(900, a.windowWidth());
        assertNull(a.windowX(), "opens centred");
        assertNull(a.windowY());
        assertNull(Settings.Appearance.DEFAULTS.windowX());
        assertEquals("AUTO", a.videoAspect(), "a file from before the aspect choice: the video at its own shape");
    }

    @Test
    void aFieldTheFileLacksKeepsItsDefault() throws IOException {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), "{\"appearance\": {\"theme\": \"dark\"}, \"unknown\": 1}");
        var loaded = store().load();
        assertTrue(loaded.problem().isEmpty());
        assertEquals("dark", loaded.settings().appearance().theme());
        assertEquals(100, loaded.settings().appearance().volume(), "not 0 because the file lacks it");
        assertTrue(loaded.settings().appearance().statsPanelShown());
        assertTrue(loaded.settings().p2p().enabled());
    }

    @Test
    void aDamagedFileIsKeptAsideAndDefaultsAreUsed() throws IOException {
        for (String damage : List.of("{\"sources\": [", "\u0000\u0001binary", "[1, 2]",
                "{\"appearance\": {\"volume\": \"loud\"}}")) {
            Files.createDirectories(store().file().getParent());
            Files.writeString(store().file(), damage);
            var loaded = store().load();
            assertEquals(Settings.DEFAULTS, loaded.settings(), damage);
            String problem = loaded.problem().orElseThrow();
            assertTrue(problem.contains("settings.json.damaged-20261205T100000"), problem);
            assertFalse(problem.contains("\n"), problem);
            assertFalse(Files.exists(store().file()));
            assertEquals(damage, Files.readString(store().file().resolveSibling(
                    "settings.json.damaged-20261205T100000")), "nothing lost");
        }
    }

    @Test
    void xdgVariablesChooseTheDirectoriesAndRelativeOnesAreIgnored() {
        var dirs = XdgDirs.of(Map.of("XDG_CONFIG_HOME", "/c", "XDG_STATE_HOME", "rel")::get, "/home/u");
        assertEquals(Path.of("/c/p2p-viewer"), dirs.config());
        assertEquals(Path.of("/home/u/.local/state/p2p-viewer"), dirs.state());
        assertEquals(Path.of("/home/u/.cache/p2p-viewer"), dirs.cache());
    }

    @Test
    void aCredentialIsNotShownByToString() {
        assertFalse(new Settings.IceServerEntry(List.of("turn:t"), "u", "hunter2").toString().contains("hunter2"));
    }
}
