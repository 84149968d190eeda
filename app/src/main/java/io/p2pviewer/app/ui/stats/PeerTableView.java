package io.p2pviewer.app.ui.stats;

import io.p2pviewer.app.ui.Format;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The peer table: id, kind, track, state, masked address, bytes down/up, current rates, measured speed, reason.
 * Rows of peers that left are greyed, banned ones red (pseudo-classes {@code :left}, {@code :banned}). Numeric
 * columns sort by value. FX thread only.
 */
final class PeerTableView extends TableView<PeerRow> {
    private static final PseudoClass LEFT = PseudoClass.getPseudoClass("left");
    private static final PseudoClass BANNED = PseudoClass.getPseudoClass("banned");

    PeerTableView(PeerTableViewModel model) {
        super(model.rows());
        setId("peerTable");
        getStyleClass().add("peer-table");
        setPlaceholder(new Label("No peers yet"));
        setFixedCellSize(22);
        getColumns().add(text("Peer", 64, PeerRow::shortId));
        getColumns().add(text("Kind", 62, PeerRow::kind));
        getColumns().add(text("State", 74, r -> r.state().label()));
        getColumns().add(text("Track", 52, PeerRow::track));
        getColumns().add(text("Address", 130, PeerRow::address));
        getColumns().add(text("Route", 82, PeerRow::route));
        getColumns().add(number("↓ Bytes", 70, r -> (double) r.bytesDown(), v -> Format.bytes(v.longValue())));
        getColumns().add(number("↑ Bytes", 70, r -> (double) r.bytesUp(), v -> Format.bytes(v.longValue())));
        getColumns().add(number("↓ Now", 78, PeerRow::downRate, PeerRow::rateText));
        getColumns().add(number("↑ Now", 78, PeerRow::upRate, PeerRow::rateText));
        getColumns().add(number("Speed", 78, PeerRow::speed, Format::rate));
        getColumns().add(text("Reason", 220, PeerRow::reason));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PeerRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(LEFT, !empty && row != null && row.state() == PeerRow.State.LEFT);
                pseudoClassStateChanged(BANNED, !empty && row != null && row.state() == PeerRow.State.BANNED);
            }
        });
    }

    private static TableColumn<PeerRow, String> text(String title, double width, Function<PeerRow, String> value) {
        TableColumn<PeerRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    private static TableColumn<PeerRow, Double> number(String title, double width, Function<PeerRow, Double> value,
                                                       Function<Double, String> format) {
        TableColumn<PeerRow, Double> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setComparator((a, b) -> Double.compare(Double.isNaN(a) ? -1 : a, Double.isNaN(b) ? -1 : b));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
            }
        });
        c.getStyleClass().add("number-column");
        return c;
    }
}
