package io.p2pviewer.engine.peer.transport;

import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerProtocolException;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link PeerTransport} that makes its engine a malicious peer while switched on: the segments the engine uploads
 * through it leave with one byte in every {@link #STRIDE} flipped, so a receiver's SHA-256 check fails and it bans
 * the sender. The demo's "A peer turns malicious" and the hidden {@code --corrupt-uploads} option stage one with it;
 * tests use it to check that nothing corrupt gets through.
 *
 * <p>Only segment payload is touched: each channel reads what its engine sends as the receiver will
 * ({@link PeerMessageDecoder}), so commands and their {@code cstr}/{@code cend} framing pass unchanged, and the raw
 * payload messages after a {@link SegmentData} command are the segment's bytes, counted from its first. Whether a
 * segment is corrupted is decided when its SegmentData command is sent.
 *
 * <p>Thread-safe: {@link #corrupt} may be called from any thread; futures and channels behave as the wrapped
 * transport's.
 */
public final class CorruptingPeerTransport implements PeerTransport {
    /** Every this many bytes of a segment, from its first, one is flipped. */
    static final int STRIDE = 997;
    private static final byte FLIP = 0x5A;

    private final PeerTransport transport;
    private volatile boolean on;

    /** @param on whether uploads are corrupted from the start */
    public CorruptingPeerTransport(PeerTransport transport, boolean on) {
        this.transport = transport;
        this.on = on;
    }

    /** From the next segment uploaded on, corrupts the uploads ({@code true}) or sends them as they are. */
    public void corrupt(boolean corrupt) {
        on = corrupt;
    }

    @Override
    public CompletableFuture<PendingOffer> createOffer() {
        return transport.createOffer().thenApply(Offer::new);
    }

    @Override
    public CompletableFuture<Answered> answer(String offerSdp) {
        return transport.answer(offerSdp)
                .thenApply(a -> new Answered(a.sdp(), a.channel().thenApply(CorruptingChannel::new)));
    }

    @Override
    public java.util.List<String> problems() {
        return transport.problems();
    }

    @Override
    public void close() {
        transport.close();
    }

    /** An offer of the wrapped transport whose channel is wrapped too. */
    private final class Offer implements PendingOffer {
        private final PendingOffer offer;

        Offer(PendingOffer offer) {
            this.offer = offer;
        }

        @Override
        public String sdp() {
            return offer.sdp();
        }

        @Override
        public CompletableFuture<PeerChannel> accept(String answerSdp) {
            return offer.accept(answerSdp).thenApply(CorruptingChannel::new);
        }

        @Override
        public void cancel() {
            offer.cancel();
        }
    }

    /**
     * A channel that flips payload bytes of the segments sent on it while the transport is switched on. Its sends
     * come from one thread at a time (the engine thread); they are serialised anyway.
     */
    private final class CorruptingChannel extends ForwardingPeerChannel {
        /** What the engine sends, read as the receiver reads it. */
        private final PeerMessageDecoder outgoing = new PeerMessageDecoder();
        /** Whether the segment being sent is corrupted, and how many of its bytes were sent. */
        private boolean corrupting;
        private long offset;

        CorruptingChannel(PeerChannel channel) {
            super(channel);
        }

        @Override
        public synchronized void send(byte[] message) {
            try {
                switch (outgoing.feed(message)) {
                    case Decoded.Command c -> {
                        if (c.command() instanceof SegmentData) {
                            corrupting = on;
                            offset = 0;
                        }
                    }
                    case Decoded.Payload p -> {
                        if (corrupting) {
                            flip(message, offset);
                        }
                        offset += message.length;
                    }
                    case Decoded.Incomplete i -> { }
                }
            } catch (PeerProtocolException e) {
                // not a well-formed message of ours: not ours to judge, it goes out as it is
            }
            channel.send(message);
        }

        /** Flips the bytes of a payload message, which starts {@code offset} bytes into its segment, due a flip. */
        private static void flip(byte[] message, long offset) {
            for (int i = (int) ((STRIDE - offset % STRIDE) % STRIDE); i < message.length; i += STRIDE) {
                message[i] ^= FLIP;
            }
        }
    }
}
