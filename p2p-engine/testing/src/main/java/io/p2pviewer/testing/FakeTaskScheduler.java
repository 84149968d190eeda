package io.p2pviewer.testing;

import io.p2pviewer.engine.time.VirtualTimeScheduler;

import java.time.Instant;

/** The virtual-time scheduler under the name tests know it by (see {@link VirtualTimeScheduler}). */
public final class FakeTaskScheduler extends VirtualTimeScheduler {
    public FakeTaskScheduler() {
        super();
    }

    public FakeTaskScheduler(Instant start) {
        super(start);
    }
}
