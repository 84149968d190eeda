package io.p2pviewer.engine.peer.tracker;

import java.util.Optional;

/** The "event" of an announce: started when joining, none for a periodic announce, stopped when leaving. */
enum AnnounceEvent {
    STARTED("started"),
    NONE(null),
    STOPPED("stopped");

    private final String wire;

    AnnounceEvent(String wire) {
        this.wire = wire;
    }

    /** The value of the "event" field; empty when the field is left out. */
    Optional<String> wireName() {
        return Optional.ofNullable(wire);
    }
}
