package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.engine.time.ExecutorTaskScheduler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One viewer's worth of signalling for integration tests: a real {@link TrackerClient} on its own engine thread,
 * with an in-memory transport whose "SDP" travels through the real tracker.
 */
final class TestPeer implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The swarm the tracker ITs join. */
    static final String INFO_HASH = "hZisoZWahU48V1cUq5vx";
    /** Client settings for tracker ITs: reconnects within a second. */
    static final TrackerClientConfig FAST_RECONNECT = TrackerClientConfig.builder()
            .backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build();

    final String peerId;
    final RecordingTrackerListener listener = new RecordingTrackerListener();
    final ExecutorTaskScheduler scheduler;
    final TrackerClient client;

    TestPeer(String name, URI tracker, String infoHash, InMemoryNetwork network, TrackerConnector connector,
             TrackerClientConfig config) {
        this.peerId = String.format("-JV0001-%-12s", name).replace(' ', '0');
        this.scheduler = new ExecutorTaskScheduler("engine-" + name, Clock.systemUTC());
        this.client = new TrackerClient(tracker, new SwarmIdentity(infoHash, peerId), network.transport(name),
                connector, scheduler, config, listener);
    }

    /** Starts and waits until the tracker has replied to the first announce. */
    TestPeer startAndAwaitReply() {
        client.start();
        await().atMost(WAIT).until(() -> !listener.counts.isEmpty());
        return this;
    }

    /** Waits for a channel to the given peer and returns it. */
    PeerChannel awaitPeer(String remotePeerId) {
        await().atMost(WAIT).until(() -> listener.peers.stream().anyMatch(p -> p.peerId().equals(remotePeerId)));
        return listener.peers.stream().filter(p -> p.peerId().equals(remotePeerId)).findFirst().orElseThrow()
                .channel();
    }

    /** Waits until the last status is of this type. */
    <T extends TrackerStatus> T awaitStatus(Class<T> type) {
        await().atMost(WAIT).until(() -> type.isInstance(listener.lastStatus()));
        return type.cast(listener.lastStatus());
    }

    @Override
    public void close() {
        client.stop();
        await().atMost(WAIT).until(() -> client.status() instanceof TrackerStatus.Stopped);
        scheduler.close();
    }

    /** Sends a message each way over the two ends of one connection and checks that both arrive. */
    static void exchangeMessages(PeerChannel one, PeerChannel other) throws InterruptedException {
        BlockingQueue<String> atOne = receiver(one);
        BlockingQueue<String> atOther = receiver(other);

        one.send("hello from one".getBytes(StandardCharsets.UTF_8));
        other.send("hello from other".getBytes(StandardCharsets.UTF_8));

        assertThat(atOther.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello from one");
        assertThat(atOne.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello from other");
    }

    private static BlockingQueue<String> receiver(PeerChannel channel) {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        channel.setListener(new PeerChannelListener() {
            @Override
            public void onMessage(byte[] message) {
                received.add(new String(message, StandardCharsets.UTF_8));
            }

            @Override
            public void onClose(String reason) {
                received.add("closed: " + reason);
            }
        });
        return received;
    }
}
