package io.p2pviewer.engine.peer.transport.webrtc;

import static io.p2pviewer.engine.peer.transport.webrtc.TestPeerMain.event;

import io.p2pviewer.engine.peer.protocol.CancelSegmentRequest;
import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.engine.stream.RealTimeAttack;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * An adversary at the far end of a real WebRTC channel, speaking the wire protocol: it announces every segment and
 * answers the engine's requests as its {@link Mode} says. Reports "hostile-request ID", "hostile-cancel ID" and
 * "closed REASON". Listener calls arrive one at a time on the channel's delivery thread; the trickle runs on a timer
 * thread.
 */
final class HostileWebRtcPeer implements PeerChannelListener {
    /** What the adversary does with a request. */
    enum Mode {
        /** Never answers (announces segments it never sends). */
        LIAR,
        /** Sends the header and the first half of the segment's right bytes, then nothing. */
        STALL,
        /** Declares 64 MiB, then sends the right bytes one a second. */
        TRICKLE
    }

    private final PeerMessageDecoder decoder = new PeerMessageDecoder();
    private final PeerChannel channel;
    private final Mode mode;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trickle");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    HostileWebRtcPeer(PeerChannel channel, Mode mode) {
        this.channel = channel;
        this.mode = mode;
    }

    /** Listens and announces every segment the run will ask for. */
    void start() {
        channel.setListener(this);
        send(new SegmentsAnnouncement(LongStream.rangeClosed(0, 200).toArray(), new long[0]));
    }

    @Override
    public void onMessage(byte[] message) {
        try {
            if (decoder.feed(message) instanceof Decoded.Command c) {
                switch (c.command()) {
                    case SegmentRequest r -> {
                        event("hostile-request", r.segmentId());
                        requested(r);
                    }
                    case CancelSegmentRequest r -> event("hostile-cancel", r.segmentId());
                    default -> { }
                }
            }
        } catch (Exception e) {
            event("error", "hostile", e.toString().replace('\n', ' '));
        }
    }

    private void requested(SegmentRequest r) {
        byte[] bytes = RealTimeAttack.originBytes(r.segmentId());
        switch (mode) {
            case LIAR -> { }
            case STALL -> {
                send(new SegmentData(r.segmentId(), r.requestId(), bytes.length));
                byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
                PeerMessages.payloadChunks(half, 0, half.length).forEach(channel::send);
            }
            case TRICKLE -> {
                send(new SegmentData(r.segmentId(), r.requestId(), 64L << 20));
                trickle(bytes, 0);
            }
        }
    }

    private void trickle(byte[] bytes, int sent) {
        if (!closed && sent < 64) {
            channel.send(new byte[] {bytes[sent]});
            timer.schedule(() -> trickle(bytes, sent + 1), 1, TimeUnit.SECONDS);
        }
    }

    private void send(PeerCommand command) {
        PeerMessages.encode(command).forEach(channel::send);
    }

    @Override
    public void onClose(String reason) {
        closed = true;
        timer.shutdownNow();
        event("closed", reason);
    }
}
