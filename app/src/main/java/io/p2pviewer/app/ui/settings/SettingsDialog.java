package io.p2pviewer.app.ui.settings;

import io.p2pviewer.app.settings.Settings;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The settings dialog: sources (playlists, guides), P2P (on/off, upload limit, trackers, ICE servers, relay
 * only, cache) and the app's look (theme, stats panel, resume the last channel). OK checks every field through
 * {@link SettingsViewModel#apply()} and stays open with the reason when one is wrong; Cancel discards. FX thread.
 */
final class SettingsDialog {
    private final SettingsViewModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();

    SettingsDialog(Window owner, SettingsViewModel model) {
        this.model = model;
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("settingsDialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        TabPane tabs = new TabPane(new Tab("Sources", sources()), new Tab("P2P", p2p()), new Tab("App", app()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label error = new Label();
        error.setId("settingsError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(model.errorProperty());
        VBox content = new VBox(8, tabs, error);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("settingsOk");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("settingsCancel");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (model.apply().isEmpty()) {
                e.consume();
            }
        });
    }

    /** Shows the dialog and waits; the new settings when OK was pressed on valid fields. */
    Optional<Settings> showAndWait() {
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).flatMap(b -> model.apply());
    }

    private Node sources() {
        GridPane grid = grid();
        grid.addRow(0, new Label("Playlists"), editableList("playlist", model.playlists(), model::addPlaylist,
                "M3U file or URL"));
        grid.addRow(1, new Label("Guides (XMLTV)"), editableList("guide", model.guides(), model::addGuide,
                "XMLTV file or URL"));
        grid.addRow(2, new Label("Refresh guides every (hours)"), field("guideRefreshField",
                model.guideRefreshHoursProperty()));
        return grid;
    }

    private Node p2p() {
        GridPane grid = grid();
        CheckBox enabled = new CheckBox("Share with peers (P2P)");
        enabled.setId("p2pEnabledBox");
        enabled.selectedProperty().bindBidirectional(model.p2pEnabledProperty());
        grid.add(enabled, 0, 0, 2, 1);
        grid.addRow(1, new Label("Upload limit (kbit/s, 0: none)"), field("uploadLimitField",
                model.uploadLimitKbpsProperty()));
        grid.addRow(2, new Label("Trackers (ws:// or wss://, one a line)"), area("trackersArea",
                model.trackersProperty(), 3));
        TextArea ice = area("iceServersArea", model.iceServersProperty(), 6);
        ice.setPromptText("[{\"urls\": [\"stun:host:3478\"]}, {\"urls\": \"turn:host:3478\", \"username\": \"u\","
                + " \"credential\": \"p\"}]");
        grid.addRow(3, new Label("ICE servers (RTCIceServer JSON;\ncredentials shown as "
                + SettingsViewModel.MASKED + ")"), ice);
        CheckBox relay = new CheckBox("Relay only: peers see only the TURN server's address");
        relay.setId("relayOnlyBox");
        relay.selectedProperty().bindBidirectional(model.relayOnlyProperty());
        grid.add(relay, 0, 4, 2, 1);
        grid.addRow(5, new Label("Segment cache (MB)"), field("cacheSizeField", model.cacheSizeMbProperty()));
        Label note = new Label("P2P changes apply to the next stream opened; command-line P2P options win.");
        note.setWrapText(true);
        grid.add(note, 0, 6, 2, 1);
        return grid;
    }

    private Node app() {
        GridPane grid = grid();
        ChoiceBox<String> theme = new ChoiceBox<>();
        theme.setId("themeChoice");
        theme.getItems().setAll(SettingsViewModel.THEMES);
        theme.valueProperty().bindBidirectional(model.themeProperty());
        grid.addRow(0, new Label("Theme"), theme);
        CheckBox stats = new CheckBox("Show the stats panel");
        stats.setId("statsPanelBox");
        stats.selectedProperty().bindBidirectional(model.statsPanelShownProperty());
        grid.add(stats, 0, 1, 2, 1);
        CheckBox resume = new CheckBox("Play the last channel at start");
        resume.setId("resumeLastChannelBox");
        resume.selectedProperty().bindBidirectional(model.resumeLastChannelProperty());
        grid.add(resume, 0, 2, 2, 1);
        return grid;
    }

    private static Node editableList(String name, ObservableList<String> items,
                                     java.util.function.Predicate<String> add, String prompt) {
        ListView<String> list = new ListView<>(items);
        list.setId(name + "List");
        list.setPrefHeight(90);
        TextField input = new TextField();
        input.setId(name + "Input");
        input.setPromptText(prompt);
        HBox.setHgrow(input, Priority.ALWAYS);
        Button addButton = new Button("Add");
        addButton.setId(name + "Add");
        Runnable doAdd = () -> {
            if (add.test(input.getText())) {
                input.clear();
            }
        };
        addButton.setOnAction(e -> doAdd.run());
        input.setOnAction(e -> doAdd.run());
        Button remove = new Button("Remove");
        remove.setId(name + "Remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> items.remove(list.getSelectionModel().getSelectedItem()));
        return new VBox(4, list, new HBox(4, input, addButton, remove));
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(8);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static TextArea area(String id, javafx.beans.property.StringProperty value, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPrefRowCount(rows);
        a.setWrapText(false);
        a.textProperty().bindBidirectional(value);
        return a;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        return grid;
    }
}
