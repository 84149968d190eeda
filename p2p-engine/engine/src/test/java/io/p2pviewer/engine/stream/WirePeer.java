package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.protocol.CancelSegmentRequest;
import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer played by a test against a {@link LiveEngineFixture}'s engine that speaks the whole wire protocol both
 * ways (the engine's requests, announcements, data and cancels reach {@link #command} and {@link #payload}), and
 * records when it connected, what the engine asked and when the engine closed it. Honest peers and adversaries of
 * {@link HostilePeersTest} extend it. Runs on the fixture's scheduler thread.
 */
abstract class WirePeer implements PeerChannelListener {
    private final PeerMessageDecoder decoder = new PeerMessageDecoder();
    LiveEngineFixture engine;
    PeerChannel channel;
    String peerId;
    Instant connectedAt;
    Instant closedAt;
    String closeReason;
    /** The engine's requests to us, and its cancels, with their times. */
    final List<Instant> requestTimes = new ArrayList<>();
    final List<Instant> cancelTimes = new ArrayList<>();
    /** The engine's latest announcement of what it holds. */
    long[] engineHolds = new long[0];

    /** Joins the engine's swarm as {@code peerId} from network node {@code node} (its "address"). */
    void join(LiveEngineFixture engine, String node, String peerId) {
        join(engine, node, peerId, engine.infoHashes.get(0));
    }

    /** As {@link #join(LiveEngineFixture, String, String)}, into the swarm {@code infoHash}. */
    void join(LiveEngineFixture engine, String node, String peerId, String infoHash) {
        this.engine = engine;
        this.peerId = peerId;
        engine.signalling.factory(engine.network.transport(node)).create(infoHash, peerId, (p, ch) -> {
            if (!p.equals(LiveEngineFixture.ENGINE_ID)) {
                ch.close();
                return;
            }
            channel = ch;
            connectedAt = engine.scheduler.now();
            ch.setListener(this);
            connected();
        }).start();
    }

    /** Connected to the engine: say hello. */
    abstract void connected();

    /** A command from the engine; by default requests go to {@link #requested}. */
    void command(PeerCommand c) {
        switch (c) {
            case SegmentRequest r -> requested(r);
            case SegmentsAnnouncement a -> engineHolds = a.loadedIds();
            default -> { }
        }
    }

    /** A request of the engine. */
    void requested(SegmentRequest r) {
    }

    /** Payload bytes from the engine. */
    void payload(byte[] bytes) {
    }

    boolean open() {
        return channel != null && closeReason == null;
    }

    void send(PeerCommand command) {
        if (open()) {
            PeerMessages.encode(command).forEach(channel::send);
        }
    }

    void sendRaw(byte[] message) {
        if (open()) {
            channel.send(message);
        }
    }

    /** Sends a whole segment the honest way: header, payload, completion. */
    void serve(SegmentRequest r, byte[] bytes) {
        send(new SegmentData(r.segmentId(), r.requestId(), bytes.length));
        if (open()) {
            PeerMessages.payloadChunks(bytes, 0, bytes.length).forEach(channel::send);
        }
        send(new SegmentDataSendingCompleted(r.segmentId(), r.requestId()));
    }

    @Override
    public void onMessage(byte[] message) {
        Decoded decoded;
        try {
            decoded = decoder.feed(message);
        } catch (Exception e) {
            throw new AssertionError("the engine sent something undecodable", e);
        }
        switch (decoded) {
            case Decoded.Command c -> {
                if (c.command() instanceof SegmentRequest) {
                    requestTimes.add(engine.scheduler.now());
                } else if (c.command() instanceof CancelSegmentRequest) {
                    cancelTimes.add(engine.scheduler.now());
                }
                command(c.command());
            }
            case Decoded.Payload p -> payload(p.bytes());
            case Decoded.Incomplete i -> { }
        }
    }

    @Override
    public void onClose(String reason) {
        if (closeReason == null) {
            closeReason = reason;
            closedAt = engine.scheduler.now();
        }
    }
}
