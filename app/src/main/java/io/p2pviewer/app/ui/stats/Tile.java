package io.p2pviewer.app.ui.stats;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One tile of the panel's tile row: a title, a big value, a detail line, and a warning flag (drawn in amber).
 * The view uses {@code id} for the value label and {@code id + "Detail"} for the detail label. FX thread only.
 */
public final class Tile {
    private final String id;
    private final String title;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(CounterGroup.NONE);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper warning = new ReadOnlyBooleanWrapper(false);

    Tile(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    void show(String value, String detail, boolean warning) {
        this.value.set(value);
        this.detail.set(detail);
        this.warning.set(warning);
    }

    void clear() {
        show(CounterGroup.NONE, "", false);
    }
}
