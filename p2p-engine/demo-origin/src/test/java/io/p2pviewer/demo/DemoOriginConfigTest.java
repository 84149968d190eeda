package io.p2pviewer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DemoOriginConfigTest {

    @Test
    void defaults() {
        DemoOriginConfig config = DemoOriginConfig.defaults();

        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.mode()).isEqualTo(DemoMode.LIVE);
        assertThat(config.liveWindowSegments()).isEqualTo(8);
        assertThat(config.clock()).isEqualTo(Clock.systemUTC());
        assertThat(config.validToken()).hasSize(32);
        assertThat(config.key()).hasSize(16);
    }

    @Test
    void randomTokenAndKeyDifferBetweenConfigs() {
        DemoOriginConfig a = DemoOriginConfig.defaults();
        DemoOriginConfig b = DemoOriginConfig.defaults();

        assertThat(a.validToken()).isNotEqualTo(b.validToken());
        assertThat(a.key()).isNotEqualTo(b.key());
    }

    @Test
    void keyIsCopiedInAndOut() {
        byte[] key = new byte[16];
        DemoOriginConfig config = DemoOriginConfig.builder().key(key).build();
        key[0] = 1;
        config.key()[1] = 1;

        assertThat(config.key()).isEqualTo(new byte[16]);
    }

    @Test
    void toBuilderRoundTripsAndEqualsComparesTheKeyByContent() {
        DemoOriginConfig config = DemoOriginConfig.builder().port(8080).mode(DemoMode.VOD).build();

        assertThat(config.toBuilder().build()).isEqualTo(config).hasSameHashCodeAs(config);
        assertThat(config.toBuilder().key(new byte[16]).build()).isNotEqualTo(config);
    }

    @Test
    void toStringHidesTheKey() {
        byte[] key = HexFormat.of().parseHex("deadbeefdeadbeefdeadbeefdeadbeef");

        assertThat(DemoOriginConfig.builder().key(key).build().toString())
                .contains("key=(hidden)")
                .doesNotContainIgnoringCase("deadbeef")
                .doesNotContain("[B@");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> DemoOriginConfig.builder().port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> DemoOriginConfig.builder().liveWindowSegments(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("liveWindowSegments");
        assertThatThrownBy(() -> DemoOriginConfig.builder().key(new byte[15]).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> DemoOriginConfig.builder().validToken("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validToken");
        assertThatThrownBy(() -> DemoOriginConfig.builder().bindAddress(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bindAddress");
    }

    @Test
    void commandLineArguments() {
        DemoOriginConfig config = DemoOrigin.parseArguments(new String[] {"8081", "0.0.0.0", "vod"});

        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.mode()).isEqualTo(DemoMode.VOD);
        assertThat(DemoOrigin.parseArguments(new String[0]).port()).isZero();
        assertThatThrownBy(() -> DemoOrigin.parseArguments(new String[] {"eighty"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> DemoOrigin.parseArguments(new String[] {"1", "::1", "dvr"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mode");
    }
}
