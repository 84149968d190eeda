package io.p2pviewer.engine.peer.transport.webrtc;

import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import java.util.ArrayList;
import java.util.List;

/** Records a channel's events as "message N" (N = the message's first byte) and "close REASON". */
final class RecordingChannelListener implements PeerChannelListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onMessage(byte[] message) {
        events.add("message " + message[0]);
    }

    @Override
    public void onClose(String reason) {
        events.add("close " + reason);
    }
}
