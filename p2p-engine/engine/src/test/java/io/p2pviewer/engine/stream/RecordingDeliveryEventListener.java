package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.SegmentId;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a stream's delivery events in order, for tests to assert sequences on (as OkHttp's
 * RecordingEventListener). Engine thread, as every listener; tests read it between scheduler steps.
 */
final class RecordingDeliveryEventListener implements DeliveryEventListener {
    private final List<DeliveryEvent> events = new ArrayList<>();

    @Override
    public void onEvent(DeliveryEvent event) {
        events.add(event);
    }

    /** Every event so far, oldest first. */
    List<DeliveryEvent> all() {
        return List.copyOf(events);
    }

    /** The events of one kind so far, oldest first. */
    <T extends DeliveryEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The events about one segment so far, oldest first: its story. */
    List<DeliveryEvent> about(SegmentId segment) {
        return events.stream().filter(e -> e.segment().equals(segment)).toList();
    }
}
