package io.p2pviewer.player;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PlayerListener} that records every event and the thread it arrived on. */
final class RecordingListener implements PlayerListener {

    private final List<PlayerEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(PlayerEvent event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
    }

    List<PlayerEvent> events() {
        return List.copyOf(events);
    }

    List<String> threadNames() {
        return List.copyOf(threads);
    }

    <T extends PlayerEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<PlayerEvent.Error> errors() {
        return ofType(PlayerEvent.Error.class);
    }

    void clear() {
        events.clear();
        threads.clear();
    }
}
