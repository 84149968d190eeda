package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A swarm in virtual time with scripted remote peers: the test speaks for each peer through its channel and sees what
 * we send it. The base of the swarm's session tests (membership, announcements and downloads; uploads; peer states).
 */
abstract class SwarmSessionFixture {
    final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    final List<String> events = new ArrayList<>();
    final Set<String> banned = new HashSet<>();
    final byte[] segment10 = new byte[100_000];

    /** A channel whose far end is the test: it records what we send and lets the test speak for the peer. */
    final class ScriptedChannel implements PeerChannel {
        final List<PeerCommand> received = new ArrayList<>();
        long payloadBytes;
        /** The payload bytes we sent, in order. */
        final java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        PeerChannelListener listener;
        boolean closed;
        private final PeerMessageDecoder decoder = new PeerMessageDecoder();

        @Override
        public void send(byte[] message) {
            try {
                switch (decoder.feed(message)) {
                    case Decoded.Command c -> received.add(c.command());
                    case Decoded.Payload p -> {
                        payloadBytes += p.bytes().length;
                        payloadMessages++;
                        payload.writeBytes(p.bytes());
                        if (queues) {
                            buffered += (long) p.bytes().length * scale;
                        }
                    }
                    default -> { }
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        long buffered; // what the test says is still queued in the channel
        /** Payload messages we sent. */
        int payloadMessages;
        /** Wire bytes each payload byte stands for, as in the simulator ({@link PeerChannel#payloadScale}). */
        int scale = 1;

        /** True: payload we send stays queued in {@link #buffered} until the test drains it. */
        boolean queues;
        String remoteHost = ""; // what the test says the remote's address is

        @Override
        public int payloadScale() {
            return scale;
        }

        @Override
        public String remoteHost() {
            return remoteHost;
        }

        @Override
        public long bufferedAmount() {
            return buffered;
        }

        @Override
        public void setListener(PeerChannelListener l) {
            listener = l;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String describe() {
            return "scripted";
        }

        void peerSays(PeerCommand c) {
            PeerMessages.encode(c).forEach(listener::onMessage);
            scheduler.runUntilIdle();
        }

        void peerSendsBytes(int n) {
            peerSends(new byte[n]);
        }

        void peerSends(byte[] bytes) {
            listener.onMessage(bytes);
            scheduler.runUntilIdle();
        }
    }

    final SwarmHost host = new SwarmHost() {
        @Override public Instant now() { return scheduler.now(); }
        // segment 9, older than 10, has the same bytes (the uploads' drain differs for the newest one asked)
        @Override public byte[] cachedByWireId(long wireId) { return wireId == 9 || wireId == 10 ? segment10 : null; }
        @Override public long mediaSequenceOf(long wireId) { return wireId; }
        @Override public void peerBytes(String peer, int count) { }
        @Override public void peerDelivered(String peer, long seq, byte[] data, long declared, long fetchMillis) {
            events.add("delivered " + seq + " " + data.length);
            delivered = data;
        }
        @Override public void partsDelivered(List<String> peers, long seq, byte[] data, long declared, long ms) {
            events.add("delivered " + seq + " " + data.length + " from " + peers);
            delivered = data;
        }
        @Override public void peerPartial(String peer, long seq, byte[] prefix, long total) {
            events.add("partial " + seq + ": " + prefix.length + " of " + total);
        }
        @Override public void peerFailed(String peer, long seq, String reason) { events.add("failed " + seq + ": " + reason); }
        @Override public void uploaded(String peer, int count) { }
        @Override public void swarmChanged() { swarmChanges++; }
    };
    int swarmChanges;
    /** The bytes of the latest segment delivered. */
    byte[] delivered;

    Swarm swarm(boolean upload) {
        return swarm(upload, RelayConfig.DEFAULTS);
    }

    Swarm swarm(boolean upload, RelayConfig relay) {
        return new Swarm("720p", host, scheduler, banned, upload, 0, relay);
    }

    ScriptedChannel connect(Swarm swarm) {
        return connect(swarm, "-PM0203-abcdefghijkl");
    }

    ScriptedChannel connect(Swarm swarm, String peerId) {
        ScriptedChannel ch = new ScriptedChannel();
        swarm.addPeer(peerId, ch);
        scheduler.runUntilIdle();
        return ch;
    }

    /** Asks the scripted peer for a segment (live: wire id = media sequence); returns the request it received. */
    static SegmentRequest ask(Swarm swarm, ScriptedChannel ch, long seq) {
        assertThat(swarm.request("-PM0203-abcdefghijkl", seq, seq)).isTrue();
        return (SegmentRequest) ch.received.get(ch.received.size() - 1);
    }
}
