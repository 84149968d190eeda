package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.engine.peer.swarm.SwarmIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mixed swarm: two desktop engines and two browser viewers (hls.js + p2p-media-loader 2.3.1 in headless Chromium)
 * on the demo origin's live stream, through the embedded tracker, joining 10 s apart: desktop, browser, desktop,
 * browser. The first browser joins when the only other member is the first desktop engine, so its connection to it
 * comes from the browser's own offer, answered by the desktop engine. Reports the swarm's offload.
 */
class BrowserSwarmIT {
    @Test
    void twoDesktopEnginesAndTwoBrowsersShareTheLiveStream() throws Exception {
        try (SwarmHarness swarm = new SwarmHarness("browser-swarm");
             BrowserViewers browsers = new BrowserViewers(swarm.ns, swarm.dir())) {
            String variant = BrowserInteropIT.VARIANT;
            swarm.startPeer("d1", 80, "--variant", variant);
            Thread.sleep(10_000);
            browsers.start("b1", swarm.origin.masterUri(), swarm.trackerUri, variant,
                    BrowserInteropIT.HIGH_DEMAND_SECONDS);
            Thread.sleep(10_000);
            swarm.startPeer("d2", 60, "--variant", variant);
            Thread.sleep(10_000);
            browsers.start("b2", swarm.origin.masterUri(), swarm.trackerUri, variant,
                    BrowserInteropIT.HIGH_DEMAND_SECONDS);
            Map<String, PlayReport> desktops = new LinkedHashMap<>();
            desktops.put("d1", swarm.await("d1", 150));
            desktops.put("d2", swarm.await("d2", 150));
            Thread.sleep(5_000);
            Map<String, BrowserReport> pages = new LinkedHashMap<>();
            pages.put("b1", browsers.report("b1"));
            pages.put("b2", browsers.report("b2"));
            browsers.saveReports();

            String infoHash = BrowserInteropIT.expectedInfoHash(swarm.origin.masterUri());
            long p2p = 0;
            long all = 0;
            long desktopFromBrowsers = 0;
            long browsersFromDesktops = 0;
            List<String> lines = new ArrayList<>();
            for (var e : desktops.entrySet()) {
                PlayReport r = e.getValue();
                assertThat(r.ok()).as("%s ok: %s", e.getKey(), r.reason()).isTrue();
                swarm.assertSegmentsMatchOrigin(r);
                long fromBrowsers = r.peers().stream().filter(p -> p.kind().equals("browser"))
                        .mapToLong(PlayReport.Peer::bytesDown).sum();
                desktopFromBrowsers += fromBrowsers;
                p2p += r.servedBytes().get("peer");
                all += r.servedBytes().values().stream().mapToLong(Long::longValue).sum();
                lines.add(String.format(Locale.ROOT, "%s desktop: offload %.1f%%, %d B from browsers, %d B up, "
                        + "peers %s", e.getKey(), r.offload() * 100, fromBrowsers, r.uploadedBytes(),
                        r.peers().stream().map(p -> p.kind() + ":" + p.peerId()).toList()));
            }
            for (var e : pages.entrySet()) {
                BrowserReport r = e.getValue();
                assertThat(r.peerId()).as("%s announced (errors %s)", e.getKey(), r.errors()).isNotNull();
                assertThat(r.infoHashes()).as("%s's swarm", e.getKey()).contains(infoHash);
                swarm.assertBrowserSegmentsMatchOrigin(r);
                long fromDesktops = r.segments().stream().filter(s -> s.source().equals("p2p") && s.peerId() != null
                        && !SwarmIds.isBrowserPeerId(s.peerId())).mapToLong(BrowserReport.Segment::bytes).sum();
                long fromPeers = r.segments().stream().filter(s -> s.source().equals("p2p"))
                        .mapToLong(BrowserReport.Segment::bytes).sum();
                long received = r.segments().stream().mapToLong(BrowserReport.Segment::bytes).sum();
                browsersFromDesktops += fromDesktops;
                p2p += fromPeers;
                all += received;
                lines.add(String.format(Locale.ROOT, "%s browser %s: offload %.1f%% (%d of %d segments over P2P), "
                                + "%d B from desktops, %d B up, peers %s", e.getKey(), r.peerId(),
                        received == 0 ? 0.0 : 100.0 * fromPeers / received,
                        r.segments().stream().filter(s -> s.source().equals("p2p")).count(), r.segments().size(),
                        fromDesktops, r.chunksUp().values().stream().mapToLong(Long::longValue).sum(), r.peers()));
            }
            BrowserReport b1 = pages.get("b1");
            String answerer = b1.signals().stream().filter(sig -> sig.kind().equals("answer")
                    && !SwarmIds.isBrowserPeerId(sig.from())).map(BrowserReport.Signal::from).findFirst().orElse(null);
            double offload = (double) p2p / all;
            lines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "MIXED SWARM 2 desktops + 2 browsers: offload %.1f%% of %d B, "
                    + "browsers -> desktops %d B, desktops -> browsers %d B%n", offload * 100, all,
                    desktopFromBrowsers, browsersFromDesktops);
            assertThat(answerer).as("a desktop engine (d1: the only other member when b1 announced) answered b1's "
                    + "offer: %s", b1.signals()).isNotNull();
            assertThat(b1.receivedFullSdp("answer", answerer)).as("the answer carries its ICE candidates").isTrue();
            assertThat(b1.peers()).as("b1 connected to the desktop that answered").contains(answerer);
            assertThat(desktopFromBrowsers).as("browsers -> desktops").isPositive();
            assertThat(browsersFromDesktops).as("desktops -> browsers").isPositive();
            assertThat(offload).as("P2P share of all segment bytes the four viewers received").isGreaterThan(0.25);
        }
    }
}
