package io.p2pviewer.app.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AboutViewModelTest {

    @Test
    void namesTheAppVersionLibVlcAndJava() {
        AboutViewModel model = new AboutViewModel("0.1.0-SNAPSHOT", () -> "3.0.21 Vetinari", "25.0.1");

        assertThat(model.header()).isEqualTo("P2P Viewer 0.1.0-SNAPSHOT");
        assertThat(model.details()).startsWith("libVLC 3.0.21 Vetinari\nJava 25.0.1\n");
        assertThat(model.title()).isEqualTo("About P2P Viewer");
    }

    @Test
    void saysSoWhenLibVlcReportsNoVersion() {
        assertThat(new AboutViewModel("1.0", () -> null, "21").details()).startsWith("libVLC version unknown\n");
        assertThat(new AboutViewModel("1.0", () -> "  ", "21").details()).startsWith("libVLC version unknown\n");
    }
}
