package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a live engine announces and keeps once it has played more segments than the live playlist lists: only
 * those a player or a peer can still ask for. One engine, one listening peer, virtual time, in-memory channels.
 */
class LiveAnnouncementWindowTest {
    private final LiveEngineFixture engine = new LiveEngineFixture();
    private final FakeTaskScheduler scheduler = engine.scheduler;
    private final FakeLiveOrigin origin = engine.origin;
    private final List<long[]> announced = new ArrayList<>();

    @Test
    void segmentsThatLeftThePlaylistAreNoLongerAnnouncedTheNewestAre() throws Exception {
        StreamController controller = engine.open();
        listenAsAPeer(engine.infoHashes.get(0));

        long firstSeq = origin.edge() - 3;
        int played = 20; // more than the origin's window of 6 lists at a time
        for (int i = 0; i < played; i++) {
            long seq = firstSeq + i;
            scheduler.schedule(Duration.ofSeconds(2L * i), () -> controller.segment(0, seq)
                    .thenAccept(s -> controller.served(s, s.size(), s.sha256())));
        }
        scheduler.advance(Duration.ofSeconds(2L * played + 1));

        assertThat(controller.snapshot().cacheSegments())
                .as("the engine holds the window and one window behind it, not all it played (%d)", played)
                .isBetween(6, 2 * 6 + 1);
        Track track = controller.track(0);
        assertThat(track.known.firstKey()).as("segments remembered: two windows behind the playlist, not all seen")
                .isGreaterThanOrEqualTo(origin.edge() - 5 - 2 * 6 - 1);
        long[] last = announced.get(announced.size() - 1);
        long newestPlayed = firstSeq + played - 1;
        long playlistFirst = origin.edge() - 5; // the origin lists 6
        assertThat(last).as("the newest held segment is announced").contains(newestPlayed);
        assertThat(Arrays.stream(last).min().orElseThrow())
                .as("nothing older than the playlist (a reload behind, plus the margin) is announced")
                .isGreaterThanOrEqualTo(playlistFirst - 1 - TrackP2p.ANNOUNCE_BEFORE_PLAYLIST);
        assertThat(announced).as("earlier announcements named the segments then in the playlist")
                .anySatisfy(a -> assertThat(a).contains(firstSeq + 5));
    }

    /** Joins the engine's swarm as a peer that records every announcement's stored ids. */
    private void listenAsAPeer(String infoHash) {
        PeerMessageDecoder decoder = new PeerMessageDecoder();
        var signalling = engine.signalling.factory(engine.network.transport("listener"));
        signalling.create(infoHash, "-PM0203-listeningpeer", (peer, ch) ->
                ch.setListener(new PeerChannelListener() {
                    @Override
                    public void onMessage(byte[] message) {
                        try {
                            if (decoder.feed(message) instanceof Decoded.Command c
                                    && c.command() instanceof SegmentsAnnouncement a) {
                                announced.add(a.loaded());
                            }
                        } catch (Exception e) {
                            throw new AssertionError("the engine sent something undecodable", e);
                        }
                    }

                    @Override
                    public void onClose(String reason) {
                    }
                })).start();
        scheduler.runUntilIdle();
    }
}
