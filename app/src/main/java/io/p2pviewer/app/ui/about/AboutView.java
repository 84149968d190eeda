package io.p2pviewer.app.ui.about;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.stage.Window;

/** The About button of the controls bar ({@code aboutButton}) and the dialog it opens. FX thread only. */
public final class AboutView extends Button {
    private final AboutViewModel model;

    public AboutView(AboutViewModel model) {
        super("About");
        this.model = model;
        setId("aboutButton");
        setOnAction(e -> dialog(getScene() == null ? null : getScene().getWindow()).show());
    }

    /** The About dialog, not yet shown ({@code aboutDialog}). */
    Alert dialog(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(model.title());
        alert.setHeaderText(model.header());
        alert.setContentText(model.details());
        alert.getDialogPane().setId("aboutDialog");
        return alert;
    }
}
