package io.p2pviewer.app.ui.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * An ordered group of labelled text counters; each id is stable (views use it as the node id, tests look it up).
 * Shows "–" until set. FX thread only (plain JavaFX properties, no toolkit needed).
 */
public final class CounterGroup {
    static final String NONE = "–";

    /** One labelled counter. */
    public static final class Counter {
        private final String id;
        private final String label;
        private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(NONE);

        private Counter(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        public ReadOnlyStringProperty valueProperty() {
            return value.getReadOnlyProperty();
        }
    }

    private final Map<String, Counter> counters = new LinkedHashMap<>();

    /** Adds a counter; ids are unique within the group. */
    public CounterGroup add(String id, String label) {
        if (counters.putIfAbsent(id, new Counter(id, label)) != null) {
            throw new IllegalArgumentException("duplicate counter id " + id);
        }
        return this;
    }

    public List<Counter> counters() {
        return List.copyOf(counters.values());
    }

    public Optional<ReadOnlyStringProperty> value(String id) {
        return Optional.ofNullable(counters.get(id)).map(Counter::valueProperty);
    }

    void set(String id, String text) {
        Counter c = counters.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no counter " + id);
        }
        c.value.set(text);
    }

    /** Every counter back to "–". */
    void clear() {
        counters.values().forEach(c -> c.value.set(NONE));
    }
}
