package io.p2pviewer.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.M3uReader;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.engine.http.RequestHeaders;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel whose origin refuses requests without its {@code #EXTVLCOPT} headers (403): read from an M3U, opened
 * through the engine into real libVLC, it plays, and the origin saw the headers on the playlists, the segments (the
 * engine's requests) and the key (libVLC's own request, through media options).
 */
class ChannelHeadersIT {
    private static final String AGENT = "ProviderBox/2.1 (channel test)";
    private static final String REFERER = "https://portal.example/watch?session=abc123";

    private PlaybackRig rig;
    private DemoOrigin origin;
    private HeaderGateOrigin gate;
    private Playback playback;

    @BeforeEach
    void start() throws Exception {
        rig = PlaybackRig.start(DemoMode.VOD, Duration.ofSeconds(8));
        origin = rig.origin();
        playback = rig.playback();
        gate = new HeaderGateOrigin(origin.baseUri(), AGENT, REFERER);
    }

    @AfterEach
    void stop() {
        rig.close();
        gate.close();
    }

    @Test
    void aChannelWithVlcOptHeadersPlaysAndEveryRequestCarriesThem() throws Exception {
        URI master = gate.gated(origin.masterUri());
        Channel channel = M3uReader.read(new StringReader("#EXTM3U\n#EXTINF:-1 tvg-id=\"gated\",Gated channel\n"
                + "#EXTVLCOPT:http-user-agent=" + AGENT + "\n#EXTVLCOPT:http-referrer=" + REFERER + "\n"
                + master + "\n")).channels().getFirst();

        playback.open(URI.create(channel.url()), RequestHeaders.of(channel.headers())).get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && playback.tick().framesDisplayed() < 50) {
            Thread.sleep(100);
        }

        assertThat(playback.tick().framesDisplayed()).as("frames").isGreaterThanOrEqualTo(50);
        var log = gate.log();
        assertThat(log).as("refused requests").noneMatch(s -> s.status() == 403);
        assertThat(log).filteredOn(s -> s.path().endsWith(".ts")).as("segment requests").isNotEmpty()
                .allSatisfy(s -> assertThat(s.userAgent()).isEqualTo(AGENT));
        assertThat(log).filteredOn(s -> s.path().contains("/keys/")).as("key requests (libVLC's own)").isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.userAgent()).isEqualTo(AGENT);
                    assertThat(s.referer()).isEqualTo(REFERER);
                    assertThat(s.status()).isEqualTo(200);
                });
        assertThat(log).filteredOn(s -> s.path().endsWith(".m3u8")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.referer()).isEqualTo(REFERER));
    }

    @Test
    void withoutTheHeadersTheOriginRefusesAndNothingPlays() throws Exception {
        URI master = gate.gated(origin.masterUri());

        var opened = playback.open(master, RequestHeaders.NONE);

        assertThat(opened).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingRootCause()
                .withMessageContaining("HTTP 403");
        assertThat(gate.log()).isNotEmpty().allSatisfy(s -> assertThat(s.status()).isEqualTo(403));
    }
}
