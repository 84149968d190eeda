package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The index follows each peer's announcements as they replace each other. */
class AnnouncementIndexTest {
    private final AnnouncementIndex index = new AnnouncementIndex();
    private final PeerLink a = peer("a");
    private final PeerLink b = peer("b");

    @Test
    void aNewAnnouncementAddsWhatIsNewAndRemovesWhatIsGone() {
        index.replace(a, new long[0], new long[] {1, 2, 3});
        index.replace(b, new long[0], new long[] {2, 3});
        index.replace(a, new long[] {1, 2, 3}, new long[] {3, 4});
        assertThat(index.peersWith(1)).isEmpty();
        assertThat(index.peersWith(2)).containsExactly(b);
        assertThat(index.peersWith(3)).containsExactlyInAnyOrder(a, b);
        assertThat(index.peersWith(4)).containsExactly(a);
    }

    @Test
    void replacingWithNothingForgetsThePeer() {
        index.replace(a, new long[0], new long[] {7, 9});
        index.replace(a, new long[] {7, 9}, new long[0]);
        assertThat(index.peersWith(7)).isEmpty();
        assertThat(index.peersWith(9)).isEmpty();
    }

    private static PeerLink peer(String id) {
        return new PeerLink(id, new PeerChannel() {
            @Override public void send(byte[] message) { }
            @Override public long bufferedAmount() { return 0; }
            @Override public void setListener(PeerChannelListener listener) { }
            @Override public void close() { }
            @Override public String describe() { return id; }
        }, Instant.EPOCH);
    }
}
