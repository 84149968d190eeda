package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The index follows each peer's announcements as they replace each other. */
class AnnouncementIndexTest {
    private final AnnouncementIndex index = new AnnouncementIndex();
    private final String a = "a";
    private final String b = "b";

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
    void aViewFollowsLaterAnnouncementsAndCannotBeModified() {
        index.replace(a, new long[0], new long[] {5});
        var view = index.peersWith(5);
        index.replace(b, new long[0], new long[] {5});
        assertThat(view).containsExactly(a, b);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> view.add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void replacingWithNothingForgetsThePeer() {
        index.replace(a, new long[0], new long[] {7, 9});
        index.replace(a, new long[] {7, 9}, new long[0]);
        assertThat(index.peersWith(7)).isEmpty();
        assertThat(index.peersWith(9)).isEmpty();
    }
}
