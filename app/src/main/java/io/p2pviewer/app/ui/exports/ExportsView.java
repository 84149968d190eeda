package io.p2pviewer.app.ui.exports;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;

/** The export buttons for the controls bar (Export JSON, Record CSV) and their status line. FX thread only. */
public final class ExportsView extends HBox {
    private final ExportsViewModel model;

    public ExportsView(ExportsViewModel model) {
        super(8);
        this.model = model;
        setAlignment(Pos.CENTER_LEFT);
        Button json = new Button("Export JSON");
        json.setId("exportJsonButton");
        json.setOnAction(e -> model.exportJson());
        Button csv = new Button();
        csv.setId("recordCsvButton");
        csv.textProperty().bind(Bindings.when(model.recordingProperty()).then("Stop CSV").otherwise("Record CSV"));
        csv.setOnAction(e -> model.toggleCsv());
        Label status = new Label();
        status.setId("exportStatus");
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(json, csv, status);
    }

    /** Ctrl+E exports JSON, Ctrl+R starts or stops the CSV recording, anywhere in the scene. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                model::exportJson);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                model::toggleCsv);
    }
}
