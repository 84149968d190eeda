package io.p2pviewer.engine.peer.tracker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A {@link TrackerConnector} whose sockets the test opens, feeds and breaks by hand; records what is sent. */
final class FakeTrackerConnector implements TrackerConnector {
    final List<FakeSocket> sockets = new ArrayList<>();

    @Override
    public TrackerSocket open(URI tracker, TrackerSocketListener listener) {
        FakeSocket s = new FakeSocket(tracker, listener);
        sockets.add(s);
        return s;
    }

    FakeSocket last() {
        return sockets.get(sockets.size() - 1);
    }

    /** One fake WebSocket. */
    static final class FakeSocket implements TrackerSocket {
        final URI tracker;
        final TrackerSocketListener listener;
        final List<String> sent = new ArrayList<>();
        boolean closed;

        FakeSocket(URI tracker, TrackerSocketListener listener) {
            this.tracker = tracker;
            this.listener = listener;
        }

        void open() {
            listener.onOpen();
        }

        void receive(String text) {
            listener.onMessage(text);
        }

        void drop(String reason) {
            closed = true;
            listener.onClosed(reason);
        }

        String lastSent() {
            return sent.get(sent.size() - 1);
        }

        @Override
        public boolean send(String text) {
            if (closed) {
                return false;
            }
            sent.add(text);
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
