package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.peer.swarm.SwarmSignalling;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerTransport;
import io.p2pviewer.engine.time.TaskScheduler;
import io.p2pviewer.redaction.Redacted;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's signalling: every swarm announced to the same trackers over WebSocket ({@link TrackerSignalling}),
 * connections made through one shared {@link PeerTransport}. Also keeps the latest status of each tracker for
 * the stats panel and reports.
 */
public final class TrackerSwarmSignalling implements SwarmSignalling.Factory {
    private static final Logger log = LoggerFactory.getLogger(TrackerSwarmSignalling.class);

    private final List<URI> trackers;
    private final PeerTransport transport;
    private final TaskScheduler scheduler;
    private final TrackerConnector connector;
    private final TrackerClientConfig config;
    private final Map<URI, TrackerStatus> statuses = new ConcurrentHashMap<>();
    /** Per tracker and swarm, the "failure reason" the last announce got (kept after the client stops). */
    private final Map<Refusal, String> refusals = new ConcurrentHashMap<>();

    /** A tracker refusing one swarm's announces. */
    private record Refusal(URI tracker, String infoHash) {
    }
    private final PeerReachability reachability;

    public TrackerSwarmSignalling(List<URI> trackers, PeerTransport transport, TaskScheduler scheduler) {
        this(trackers, transport, scheduler, OkHttpTrackerConnector.derivedFrom(new OkHttpClient()),
                TrackerClientConfig.defaults());
    }

    public TrackerSwarmSignalling(List<URI> trackers, PeerTransport transport, TaskScheduler scheduler,
                                  TrackerConnector connector, TrackerClientConfig config) {
        this.trackers = List.copyOf(trackers);
        this.transport = transport;
        this.scheduler = scheduler;
        this.connector = connector;
        this.config = config;
        this.reachability = new PeerReachability(scheduler, PeerReachability.DEFAULT_WINDOW);
    }

    /**
     * What the reachability watch found (at most "peers found but unreachable...") and which trackers refuse us
     * ("tracker HOST:PORT refused: REASON", e.g. a join token expired; the URL's path and query are left out);
     * any thread.
     */
    public List<String> notices() {
        List<String> out = new java.util.ArrayList<>(reachability.notices());
        refusals.entrySet().stream()
                .map(e -> "tracker " + e.getKey().tracker().getHost() + (e.getKey().tracker().getPort() < 0 ? ""
                        : ":" + e.getKey().tracker().getPort()) + " refused: " + e.getValue())
                .sorted()
                .distinct()
                .forEach(out::add);
        return out;
    }

    /** The latest status of each tracker (any swarm). */
    public Map<URI, TrackerStatus> statuses() {
        return Map.copyOf(statuses);
    }

    @Override
    public SwarmSignalling create(String infoHash, String peerId, SwarmSignalling.PeerListener listener) {
        Map<URI, Integer> swarmSizes = new ConcurrentHashMap<>();
        TrackerSignalling signalling = new TrackerSignalling(trackers, new SwarmIdentity(infoHash, peerId),
                transport, connector, scheduler, config, new TrackerListener() {
                    @Override
                    public void onPeer(String remotePeerId, PeerChannel channel, boolean weOffered) {
                        reachability.peerConnected();
                        listener.onPeer(remotePeerId, channel);
                    }

                    @Override
                    public void onPeerSignal(URI tracker) {
                        reachability.signalSeen();
                    }

                    @Override
                    public void onSwarmCounts(URI tracker, int complete, int incomplete) {
                        swarmSizes.put(tracker, complete + incomplete);
                        refusals.remove(new Refusal(tracker, infoHash)); // an announce was accepted
                    }

                    @Override
                    public void onStatus(TrackerStatus status) {
                        URI tracker = switch (status) {
                            case TrackerStatus.Connecting c -> c.tracker();
                            case TrackerStatus.Connected c -> c.tracker();
                            case TrackerStatus.Refused r -> r.tracker();
                            case TrackerStatus.Disconnected d -> d.tracker();
                            case TrackerStatus.Stopped s -> s.tracker();
                        };
                        TrackerStatus previous = statuses.put(tracker, status);
                        if (status instanceof TrackerStatus.Refused r) {
                            refusals.put(new Refusal(tracker, infoHash), r.reason());
                        }
                        if (previous == null || previous.getClass() != status.getClass()) {
                            log.info("tracker {}: {}", Redacted.url(tracker), Redacted.text(status.toString()));
                        }
                    }
                });
        return new SwarmSignalling() {
            @Override
            public void start() {
                signalling.start();
            }

            @Override
            public void morePeers(int connected) {
                // fresh offers cost ICE gathering: only when a tracker counts more members than we see (and us)
                if (swarmSizes.values().stream().anyMatch(n -> n - 1 > connected)) {
                    signalling.announceNow();
                }
            }

            @Override
            public void close() {
                signalling.stop();
            }
        };
    }
}
