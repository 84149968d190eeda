package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerIdsTest {
    @Test
    void aPeerIdIsShortenedToItsLastSixCharactersAShortOneIsKept() {
        assertThat(PeerIds.shortId("-PM0203-abcdefghijkl")).isEqualTo("ghijkl");
        assertThat(PeerIds.shortId("abcdefgh")).isEqualTo("abcdefgh");
        assertThat(PeerIds.shortId("abcdefghi")).isEqualTo("defghi");
    }
}
