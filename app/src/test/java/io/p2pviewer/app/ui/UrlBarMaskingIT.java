package io.p2pviewer.app.ui;

import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The URL bar under Xvfb: a token in the URL is masked while the bar has no focus, whole while it is edited. */
@ExtendWith(ApplicationExtension.class)
class UrlBarMaskingIT {
    private static final String SECRET = "cdb42cc818d0914d911788ade02a626b";
    private static final String URL = "http://127.0.0.1:46317/live/master.m3u8?token=" + SECRET;

    private final StringProperty url = new SimpleStringProperty();
    private TextField field;

    @Start
    void start(Stage stage) {
        field = new TextField();
        field.setId("bar");
        Button elsewhere = new Button("Open");
        elsewhere.setId("elsewhere");
        UrlBarMasking.bind(field, url);
        stage.setScene(new Scene(new HBox(8, elsewhere, field), 900, 80));
        stage.show();
        elsewhere.requestFocus();
    }

    @Test
    void theTokenIsMaskedUnlessTheBarIsBeingEdited(FxRobot robot) {
        robot.interact(() -> url.set(URL));
        assertThat(shown()).isEqualTo("http://127.0.0.1:46317/live/master.m3u8?token=***");
        assertThat(url.get()).as("the player's URL keeps the token").isEqualTo(URL);

        robot.clickOn("#bar");
        assertThat(shown()).as("focused: the whole URL, to edit").isEqualTo(URL);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> URL.equals(selected()));

        robot.type(KeyCode.END).write("&x=1");
        assertThat(url.get()).as("an edit is the player's URL at once").isEqualTo(URL + "&x=1");

        robot.clickOn("#elsewhere");
        assertThat(shown()).doesNotContain(SECRET).endsWith("token=***&x=***");
        assertThat(url.get()).isEqualTo(URL + "&x=1");
    }

    @Test
    void textSetInTheBarWithoutFocusIsThePlayersUrlAndAUrlWithoutSecretsShowsAsItIs(FxRobot robot) {
        robot.interact(() -> field.setText("https://example.com/live/master.m3u8"));
        assertThat(url.get()).isEqualTo("https://example.com/live/master.m3u8");
        assertThat(shown()).isEqualTo("https://example.com/live/master.m3u8");

        robot.interact(() -> url.set("http://user:pa55@example.com/tv.m3u8"));
        assertThat(shown()).doesNotContain("pa55");
        robot.interact(() -> url.set(""));
        assertThat(shown()).isEmpty();
    }

    private String shown() {
        return onFx(() -> field.getText());
    }

    private String selected() {
        return onFx(() -> field.getSelectedText());
    }
}
