package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.peer.transport.PeerTransport;
import io.p2pviewer.engine.time.TaskScheduler;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@link Signalling} through several trackers at once for one swarm, as browsers announce to every configured
 * tracker: one {@link TrackerClient} per distinct tracker URI, all with the same peer id and transport, sharing
 * one record of connected peers so that a peer found through two trackers is connected once (the second
 * channel is closed, and offers from a connected peer are not answered).
 *
 * <p>Threading: as {@link TrackerClient}; all clients run on the one scheduler and call the one listener there.
 */
public final class TrackerSignalling implements Signalling {
    private final Map<URI, TrackerClient> clients = new LinkedHashMap<>();
    private final ConnectedPeers peers = new ConnectedPeers();

    /**
     * @param trackers ws:// or wss:// URIs; duplicates are dropped
     * @throws IllegalArgumentException if the list is empty or a URI is not a WebSocket URI
     */
    public TrackerSignalling(List<URI> trackers, SwarmIdentity swarm, PeerTransport transport,
                             TrackerConnector connector, TaskScheduler scheduler, TrackerClientConfig config,
                             TrackerListener listener) {
        this(trackers, swarm, transport, connector, scheduler, config, listener, new SecureRandom());
    }

    TrackerSignalling(List<URI> trackers, SwarmIdentity swarm, PeerTransport transport, TrackerConnector connector,
                      TaskScheduler scheduler, TrackerClientConfig config, TrackerListener listener,
                      RandomGenerator random) {
        Set<URI> distinct = new LinkedHashSet<>(trackers);
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no tracker given");
        }
        for (URI tracker : distinct) {
            clients.put(tracker, new TrackerClient(tracker, swarm, transport, connector, scheduler, config, listener,
                    random, peers));
        }
    }

    /** The trackers, in the order given. */
    public List<URI> trackers() {
        return new ArrayList<>(clients.keySet());
    }

    /** The last status of each tracker (null before it reported one). */
    public Map<URI, TrackerStatus> statuses() {
        Map<URI, TrackerStatus> out = new LinkedHashMap<>();
        clients.forEach((uri, client) -> out.put(uri, client.status()));
        return out;
    }

    @Override
    public void start() {
        clients.values().forEach(TrackerClient::start);
    }

    @Override
    public void stop() {
        clients.values().forEach(TrackerClient::stop);
    }

    @Override
    public void announceNow() {
        clients.values().forEach(TrackerClient::announceNow);
    }

    @Override
    public void reportTransferred(long uploadedBytes, long downloadedBytes) {
        clients.values().forEach(c -> c.reportTransferred(uploadedBytes, downloadedBytes));
    }

    @Override
    public Set<String> connectedPeers() {
        return peers.peerIds();
    }
}
