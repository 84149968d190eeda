package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link TrackerListener} that records every call; thread-safe, so ITs can read it while clients run. */
final class RecordingTrackerListener implements TrackerListener {
    record PeerEvent(String peerId, PeerChannel channel, boolean weOffered) {
    }

    record TrackerMessage(URI tracker, String message, boolean failure) {
    }

    final List<PeerEvent> peers = new CopyOnWriteArrayList<>();
    final List<TrackerStatus> statuses = new CopyOnWriteArrayList<>();
    final List<TrackerMessage> messages = new CopyOnWriteArrayList<>();
    final List<int[]> counts = new CopyOnWriteArrayList<>();

    @Override
    public void onPeer(String remotePeerId, PeerChannel channel, boolean weOffered) {
        peers.add(new PeerEvent(remotePeerId, channel, weOffered));
    }

    @Override
    public void onStatus(TrackerStatus status) {
        statuses.add(status);
    }

    @Override
    public void onSwarmCounts(URI tracker, int complete, int incomplete) {
        counts.add(new int[] {complete, incomplete});
    }

    @Override
    public void onTrackerMessage(URI tracker, String message, boolean failure) {
        messages.add(new TrackerMessage(tracker, message, failure));
    }

    TrackerStatus lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    <T extends TrackerStatus> List<T> statusesOf(Class<T> type) {
        return statuses.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
