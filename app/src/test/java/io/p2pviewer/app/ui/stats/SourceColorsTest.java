package io.p2pviewer.app.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import java.util.Arrays;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class SourceColorsTest {
    @Test
    void peerIsGreenCdnBlueFallbackOrange() {
        Color peer = SourceColors.of(DeliverySource.PEER);
        Color cdn = SourceColors.of(DeliverySource.CDN);
        Color fallback = SourceColors.of(DeliverySource.FALLBACK);
        assertThat(peer.getHue()).isBetween(90.0, 160.0);
        assertThat(cdn.getHue()).isBetween(190.0, 240.0);
        assertThat(fallback.getHue()).isBetween(10.0, 40.0);
        assertThat(Arrays.stream(DeliverySource.values()).map(SourceColors::of)).doesNotHaveDuplicates();
    }

    @Test
    void cssLooksUpTheSameColoursAndOpaqueFills() {
        String css = SourceColors.lookedUpColors();
        for (DeliverySource s : DeliverySource.values()) {
            String name = SourceColors.cssName(s);
            assertThat(css).contains("-src-" + name + ": " + SourceColors.hex(SourceColors.of(s)) + ";")
                    .contains("-src-" + name + "-fill: " + SourceColors.hex(SourceColors.fill(SourceColors.of(s))));
            assertThat(SourceColors.fill(SourceColors.of(s)).getOpacity()).isEqualTo(1.0);
        }
        assertThat(css).contains("-src-upload: " + SourceColors.hex(SourceColors.UPLOAD) + ";");
        assertThat(SourceColors.hex(Color.web("#2ea043"))).isEqualTo("#2ea043");
    }

    @Test
    void namesAndStyleClasses() {
        assertThat(Arrays.stream(DeliverySource.values()).map(SourceColors::label))
                .containsExactly("P2P", "CDN", "Fallback");
        assertThat(SourceColors.styleClass(DeliverySource.FALLBACK)).isEqualTo("source-fallback");
    }

    @Test
    void theStylesheetUsesEveryLookedUpColour() throws Exception {
        String css = new String(StatsView.class.getResourceAsStream("stats.css").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (DeliverySource s : DeliverySource.values()) {
            String name = SourceColors.cssName(s);
            assertThat(css).contains("-src-" + name + ";").contains("-src-" + name + "-fill;")
                    .contains("." + SourceColors.styleClass(s) + " ");
            assertThat(css).doesNotContainPattern("#[0-9a-fA-F]{6}.*" + name);
        }
    }
}
