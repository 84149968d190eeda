package io.p2pviewer.engine.stream;

/**
 * Receives a stream's {@link DeliveryEvent}s, as OkHttp's EventListener receives a call's. Called on the engine
 * thread, in the order of the engine's decisions: an implementation must be fast, must never block and must never
 * throw (it runs inside the engine's delivery logic). Tests record the events; production logs them.
 */
@FunctionalInterface
public interface DeliveryEventListener {
    /** A listener that ignores every event. */
    DeliveryEventListener NONE = event -> { };

    void onEvent(DeliveryEvent event);
}
