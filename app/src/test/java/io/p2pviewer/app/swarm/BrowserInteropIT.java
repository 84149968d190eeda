package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.engine.peer.swarm.StreamType;
import io.p2pviewer.engine.peer.swarm.SwarmIds;
import io.p2pviewer.testing.NodeTrackerProcess;
import io.p2pviewer.engine.playlist.MasterPlaylist;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.playlist.Variant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * One desktop engine ({@code viewer peer}) and one browser viewer (hls.js + p2p-media-loader 2.3.1 in headless
 * Chromium) watch the demo origin's live stream through one tracker, inside a network namespace the test makes:
 * they join the same swarm, connect over WebRTC, and segments cross in both directions.
 *
 * <p>The browser starts first (p2p-media-loader's default high-demand window of 15 s would have a browser at the live
 * edge fetch everything over HTTP, see PROTOCOL-NOTES): the desktop engine, joining 15 s later, finds at its start
 * the segments the browser already holds (browser -> desktop). Afterwards both play the same window. hls.js at the
 * live edge asks for each new segment about two segment durations (4 s) ahead of its playhead, and the page's
 * high-demand and HTTP windows are {@value #PAGE_WINDOW_SECONDS} s: it waits about 2 s for a peer to announce the
 * segment before it fetches it over HTTP, and never fetches ahead at random (p2p-media-loader's own seeding, with
 * its default HTTP window). The desktop seeds about half the live segments (the hash rank) within a second of their
 * publication (it reloads the playlist every half target duration), so the page takes those from it (desktop ->
 * browser), and the desktop takes the others from the page. With a 4 s high-demand window and the default HTTP
 * window, every segment was high demand the moment hls.js asked for it, and a page that saw each new segment a
 * moment before the desktop won nearly every one (CI once saw no segment go desktop -> browser in 60 s). The desktop
 * joins last, so the connection comes from the desktop's offer (full SDP), which the browser accepts;
 * {@link BrowserSwarmIT} has a desktop engine answering a browser's offer.
 */
class BrowserInteropIT {
    static final String VARIANT = "360p";
    /** The pages' high-demand window in {@link BrowserSwarmIT} (p2p-media-loader's default is 15 s). */
    static final int HIGH_DEMAND_SECONDS = 4;
    /** The page's high-demand and HTTP windows here: how long before its need it fetches over HTTP. */
    static final int PAGE_WINDOW_SECONDS = 2;

    @Test
    void desktopAndBrowserShareSegmentsBothWaysThroughTheEmbeddedTracker() throws Exception {
        try (SwarmHarness swarm = new SwarmHarness("browser-embedded")) {
            runOneDesktopOneBrowser(swarm, "embedded tracker");
        }
    }

    @Test
    void desktopAndBrowserShareSegmentsBothWaysThroughBittorrentTracker() throws Exception {
        try (SwarmHarness swarm = new SwarmHarness("browser-bittorrent-tracker");
             NodeTrackerProcess node = NodeTrackerProcess.start(0, swarm.ns.hostAddress())) {
            swarm.useTracker(node.uri());
            runOneDesktopOneBrowser(swarm, "bittorrent-tracker");
        }
    }

    private static void runOneDesktopOneBrowser(SwarmHarness swarm, String trackerName) throws Exception {
        try (BrowserViewers browsers = new BrowserViewers(swarm.ns, swarm.dir())) {
            browsers.start("b1", swarm.origin.masterUri(), swarm.trackerUri, VARIANT, PAGE_WINDOW_SECONDS,
                    PAGE_WINDOW_SECONDS);
            Thread.sleep(15_000);
            swarm.startPeer("d1", 60, "--variant", VARIANT);
            PlayReport desktop = swarm.await("d1", 150);
            BrowserReport browser = browsers.report("b1");
            browsers.saveReports();

            String browserId = browser.peerId();
            assertThat(browserId).as("the page announced (errors %s)", browser.errors()).isNotNull();
            assertThat(SwarmIds.isBrowserPeerId(browserId)).isTrue();
            assertThat(browser.infoHashes()).as("the browser's swarm is the one our engine derives")
                    .contains(expectedInfoHash(swarm.origin.masterUri()));
            assertThat(desktop.ok()).as("desktop ok: %s", desktop.reason()).isTrue();
            swarm.assertSegmentsMatchOrigin(desktop);
            swarm.assertBrowserSegmentsMatchOrigin(browser);
            assertThat(browser.currentTime()).as("the browser played at least 60 s").isGreaterThanOrEqualTo(60);

            PlayReport.Peer fromDesktop = desktop.peers().stream().filter(p -> p.peerId().equals(browserId))
                    .findFirst().orElseThrow(() -> new AssertionError("desktop never exchanged bytes with the "
                            + "browser " + browserId + ": " + desktop.peers()));
            String desktopId = browser.peers().stream().filter(id -> !SwarmIds.isBrowserPeerId(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("browser never connected to a desktop: " + browser.peers()));
            long browserGotFromDesktop = browser.p2pSegmentBytesFrom(desktopId);
            System.out.printf(Locale.ROOT, "BROWSER INTEROP (%s): desktop %s <- browser %d B (desktop report), "
                            + "-> browser %d B (desktop report), browser got %d B of p2p segments from the desktop "
                            + "in %d of %d segments, browser uploaded %d B; desktop offload %.1f%%%n", trackerName,
                    fromDesktop.kind(), fromDesktop.bytesDown(), fromDesktop.bytesUp(), browserGotFromDesktop,
                    browser.segments().stream().filter(s -> desktopId.equals(s.peerId())).count(),
                    browser.segments().size(), browser.chunksUp().getOrDefault(desktopId, 0L),
                    desktop.offload() * 100);
            assertThat(browser.receivedFullSdp("offer", desktopId))
                    .as("the desktop's offer reached the browser with its ICE candidates (no trickle): %s",
                            browser.signals()).isTrue();
            assertThat(fromDesktop.kind()).isEqualTo("browser");
            assertThat(fromDesktop.bytesDown()).as("browser -> desktop: PEER bytes from the browser's peer id")
                    .isPositive();
            assertThat(browserGotFromDesktop).as("desktop -> browser: whole segments from the desktop's peer id "
                            + "(the desktop counted %d B sent; the browser's bytes by source %s, errors %s)",
                    fromDesktop.bytesUp(), browser.chunksDown(), browser.errors()).isPositive();
            assertThat(fromDesktop.bytesUp()).as("the desktop counted what it sent the browser")
                    .isGreaterThanOrEqualTo(browserGotFromDesktop);
        }
    }

    /** The info_hash of the variant's main swarm, derived by our engine from the origin's master playlist. */
    static String expectedInfoHash(URI master) throws Exception {
        String text;
        try (HttpClient http = HttpClient.newHttpClient()) {
            text = http.send(HttpRequest.newBuilder(master).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        MasterPlaylist playlist = PlaylistParser.parseMaster(master, text);
        Variant variant = playlist.variants().stream().filter(v -> v.uri().getPath().contains("/" + VARIANT + "/"))
                .findFirst().orElseThrow();
        return SwarmIds.infoHash(SwarmIds.streamSwarmId(SwarmIds.baseSwarmId(null, master), StreamType.MAIN,
                SwarmIds.variantIndex(variant)));
    }
}
