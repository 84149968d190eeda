package io.p2pviewer.engine.peer.transport.webrtc;

import java.util.ArrayList;
import java.util.List;

/** A data channel in memory: records what is sent and closed; the test sets how much it still buffers. */
final class FakeNativeChannel implements NativeChannel {
    final List<byte[]> sent = new ArrayList<>();
    final List<String> closes = new ArrayList<>();
    long buffered;
    boolean refuse;
    int attempts;

    @Override
    public long bufferedAmount() {
        return buffered;
    }

    @Override
    public boolean send(byte[] message) {
        attempts++;
        if (refuse) {
            return false;
        }
        sent.add(message);
        buffered += message.length;
        return true;
    }

    @Override
    public void close(String reason) {
        closes.add(reason);
    }

    @Override
    public String describe() {
        return "fake";
    }
}
