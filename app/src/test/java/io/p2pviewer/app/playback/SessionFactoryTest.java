package io.p2pviewer.app.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.Engine;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionFactoryTest {
    private final SessionFactory factory = new SessionFactory(P2pSetup.defaults(List.of()), 3);

    @Test
    void aUrlArgumentIsWhatTheSessionOpensAndStartsNoDemo() throws Exception {
        try (ViewerSession session = factory.start(" http://cdn.example/live/master.m3u8 ")) {
            assertThat(session.source()).contains(URI.create("http://cdn.example/live/master.m3u8"));
            assertThat(session.demo()).isEmpty();
            assertThat(session.demoSwarm()).as("demo peers only come with the demo").isEmpty();
        }
    }

    @Test
    void anArgumentThatIsNotAUrlLeavesNothingToOpen() throws Exception {
        for (String text : new String[] {"cdn.example/live/master.m3u8", "http://bad url/", "", null}) {
            try (ViewerSession session = factory.start(text)) {
                assertThat(session.source()).as(String.valueOf(text)).isEmpty();
                assertThat(session.demo()).isEmpty();
            }
        }
    }

    @Test
    void withoutTrackersTheDefaultsAreCdnOnly() {
        P2pSetup setup = P2pSetup.defaults(List.of());
        assertThat(setup.stack()).isNull();
        assertThat(setup.engineConfig(null).p2p()).isNull();
    }

    @Test
    void theEngineStartsOnceAndClosesWithTheSession() throws Exception {
        Engine engine;
        try (ViewerSession session = factory.start("http://cdn.example/live/master.m3u8")) {
            engine = session.startEngine();
            assertThat(engine).isNotNull();
            assertThat(session.trackerStatuses()).as("no P2P without trackers").isEmpty();
            assertThatThrownBy(session::startEngine).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> engine.open(URI.create("http://cdn.example/live/master.m3u8")).join())
                .as("closed with the session").hasMessageContaining("engine closed");
    }
}
