package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SwarmIdentityTest {
    @Test
    void acceptsTwentyCharacterIds() {
        SwarmIdentity id = new SwarmIdentity("hZisoZWahU48V1cUq5vx", "-PM0203-abcdefghijkl");

        assertThat(id.infoHash()).hasSize(20);
        assertThat(id.peerId()).hasSize(20);
    }

    @Test
    void rejectsWrongLengthsWithTheFieldName() {
        assertThatThrownBy(() -> new SwarmIdentity("short", "-PM0203-abcdefghijkl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("info_hash")
                .hasMessageContaining("20");
        assertThatThrownBy(() -> new SwarmIdentity("hZisoZWahU48V1cUq5vx", "-PM0203-abcdefghijklm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peer_id");
        assertThatThrownBy(() -> new SwarmIdentity(null, "-PM0203-abcdefghijkl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("info_hash");
    }

    @Test
    void rejectsCharactersThatAreNotBytes() {
        assertThatThrownBy(() -> new SwarmIdentity("hZisoZWahU48V1cUq5v\u20ac", "-PM0203-abcdefghijkl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+00FF");
    }

    @Test
    void binaryStringsRoundTripEveryByte() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }

        String s = BinaryString.fromBytes(all);

        assertThat(s).hasSize(256);
        assertThat(BinaryString.toBytes(s)).isEqualTo(all);
        assertThat(BinaryString.isId(s.substring(0, 20))).isTrue();
        assertThatThrownBy(() -> BinaryString.toBytes("\u0100")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsBinaryIdsPrintably() {
        String id = BinaryString.fromBytes(new byte[] {0, 1, (byte) 0xFF, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i',
            'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q'});

        assertThat(new SwarmIdentity(id, id).toString()).contains("\\x00\\x01\\xffabc");
    }
}
