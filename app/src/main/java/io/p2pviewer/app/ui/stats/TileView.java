package io.p2pviewer.app.ui.stats;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** One tile of the tile row: icon and title, the value (node id = tile id), the detail line. FX thread only. */
final class TileView extends VBox {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    TileView(Tile tile, Ikon icon) {
        getStyleClass().addAll("tile", "tile-" + tile.id());
        Label title = new Label(tile.title().toUpperCase(java.util.Locale.ROOT));
        title.getStyleClass().add("tile-title");
        HBox head = new HBox(5, new FontIcon(icon), title);
        head.getStyleClass().add("tile-head");
        Label value = new Label();
        value.setId(tile.id());
        value.getStyleClass().add("tile-value");
        value.textProperty().bind(tile.valueProperty());
        Label detail = new Label();
        detail.setId(tile.id() + "Detail");
        detail.getStyleClass().add("tile-detail");
        detail.textProperty().bind(tile.detailProperty());
        getChildren().addAll(head, value, detail);
        pseudoClassStateChanged(WARNING, tile.warningProperty().get());
        tile.warningProperty().addListener((o, was, is) -> pseudoClassStateChanged(WARNING, is));
    }
}
