package io.p2pviewer.player;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * A bounded list of the latest distinct libVLC error lines: a repeated line moves to the end with
 * its count increased. Not thread-safe: used on the bridge's event thread only.
 */
final class RecentErrors {

    private final int capacity;
    private final ArrayDeque<LibVlcLogLine> lines = new ArrayDeque<>();

    RecentErrors(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records one error line. */
    void add(NativeLogLine line) {
        int repeats = 1;
        for (Iterator<LibVlcLogLine> it = lines.iterator(); it.hasNext(); ) {
            LibVlcLogLine known = it.next();
            if (known.module().equals(line.module()) && known.message().equals(line.message())) {
                repeats = known.repeats() + 1;
                it.remove();
                break;
            }
        }
        lines.addLast(new LibVlcLogLine(line.time(), line.module(), line.message(), repeats));
        while (lines.size() > capacity) {
            lines.removeFirst();
        }
    }

    /** The lines, oldest first. */
    List<LibVlcLogLine> snapshot() {
        return List.copyOf(lines);
    }
}
