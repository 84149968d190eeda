package io.p2pviewer.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.playback.PacedPlayer;
import io.p2pviewer.app.playback.P2pSetup;
import io.p2pviewer.app.playback.Playback;
import io.p2pviewer.app.playback.PlayerDefaults;
import io.p2pviewer.app.playback.SessionFactory;
import io.p2pviewer.app.playback.ViewerSession;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.demo.RequestKind;
import io.p2pviewer.demo.ServedRequest;
import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.StreamSession;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.player.ErrorKind;
import io.p2pviewer.player.PlayerBridge;
import io.p2pviewer.player.PlayerEvent;
import io.p2pviewer.player.VlcjPlayerBridge;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's claim: peers share ciphertext and the key server decides who can play. Engine A's viewer is not
 * entitled (its token is refused): its own libVLC player fails with KEY_REFUSED, yet its engine keeps fetching
 * and relaying the encrypted segments, and entitled viewer B plays them with real libVLC, bytes from A included.
 * Two engines in this process, a real embedded tracker on loopback, the in-memory peer transport.
 */
class RelayWithoutEntitlementIT {
    private final ExecutorService delivery = Executors.newSingleThreadExecutor();
    private final ExecutorService pacer = Executors.newSingleThreadExecutor();
    private final EmbeddedTracker tracker = new EmbeddedTracker();
    private DemoOrigin origin;
    private ViewerSession sessionA;
    private ViewerSession sessionB;
    private PlayerBridge playerA;
    private PlayerBridge playerB;
    private Playback playbackB;

    @AfterEach
    void stop() throws Exception {
        pacer.shutdownNow();
        // players before engines (their reads end first), engines before the tracker and the origin
        for (AutoCloseable c : java.util.Arrays.asList(playbackB, playerA, playerB, sessionA, sessionB, tracker,
                delivery::shutdownNow, origin)) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void anEngineWhosePlayerIsNotEntitledStillRelaysCiphertextThatAnEntitledViewerPlays() throws Exception {
        origin = DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.LIVE).build());
        URI trackerUri = tracker.start(InetAddress.getLoopbackAddress(), 0);
        InMemoryNetwork network = new InMemoryNetwork(delivery);

        // A: no entitlement. Its engine is fed by a paced reader (as a headless peer is) and by a libVLC player.
        URI notEntitled = origin.masterUri("not-entitled");
        sessionA = new SessionFactory(P2pSetup.over(List.of(trackerUri), network.transport("A")), 0)
                .start(notEntitled.toString());
        Engine engineA = sessionA.startEngine();
        StreamSession streamA = engineA.open(notEntitled).get(30, TimeUnit.SECONDS);
        pacer.submit(() -> new PacedPlayer(Clock.systemUTC(), PacedPlayer.BUFFER_TARGET,
                PacedPlayer.LIVE_DELAY_SEGMENTS, "720p").play(streamA.playerUri(), Instant.now().plusSeconds(60)));
        List<PlayerEvent.Error> errorsA = new CopyOnWriteArrayList<>();
        playerA = VlcjPlayerBridge.headless(PlayerDefaults.options("adummy").build());
        playerA.addListener(e -> {
            if (e instanceof PlayerEvent.Error error) {
                errorsA.add(error);
            }
        });
        playerA.play(streamA.playerUri().toString(), "viewer A");
        Thread.sleep(6000); // A holds the first segments B will ask for

        // B: entitled, real libVLC.
        sessionB = new SessionFactory(P2pSetup.over(List.of(trackerUri), network.transport("B")), 0)
                .start(origin.masterUri().toString());
        // Both on the 720p variant (one swarm per variant): libVLC picks the highest, as in the demo.
        playerB = VlcjPlayerBridge.headless(PlayerDefaults.options("adummy").addLibVlcArg(PlayerDefaults.DEMO_ARG)
                .build());
        playbackB = new Playback(sessionB.startEngine(), playerB, Clock.systemUTC());
        StreamSession streamB = playbackB.open(origin.masterUri()).get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            playbackB.tick();
        }

        assertThat(errorsA).as("A's own player cannot play").isNotEmpty()
                .first().satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.KEY_REFUSED));
        assertThat(playerA.status().framesDisplayed()).isZero();
        EngineSnapshot a = streamA.snapshot();
        EngineSnapshot b = streamB.snapshot();
        System.out.printf("relay without entitlement: A uploaded %d B; B played %d frames, %d B from peers, "
                        + "%d B from the CDN, %d stalls%n", a.uploadedBytes(), playerB.status().framesDisplayed(),
                b.source(DeliverySource.PEER).downloadedBytes(), b.source(DeliverySource.CDN).downloadedBytes(),
                playbackB.stalls().count());
        assertThat(a.uploadedBytes()).as("A relayed ciphertext").isPositive();
        assertThat(b.source(DeliverySource.PEER).servedBytes()).as("B's player got A's bytes").isPositive();
        // Awaited: a loaded machine's libVLC may start late and still play what A relayed.
        await().atMost(Duration.ofSeconds(30)).until(() -> playerB.status().framesDisplayed() > 300);
        List<ServedRequest> keys = origin.requests().stream().filter(r -> r.kind() == RequestKind.KEY).toList();
        assertThat(keys).filteredOn(k -> k.query().contains("not-entitled")).isNotEmpty()
                .allSatisfy(k -> assertThat(k.status()).isEqualTo(403));
        assertThat(keys).allSatisfy(k -> assertThat(k.userAgent()).containsIgnoringCase("vlc"));
    }
}
