package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.engine.peer.transport.PeerTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link PeerTransport} that records offers, answers, accepts and cancels; futures complete at once unless
 * {@link #holdOffers} is set, and channels are {@link RecordingChannel}s.
 */
final class RecordingPeerTransport implements PeerTransport {
    final List<RecordingOffer> offers = new ArrayList<>();
    final List<String> answeredSdps = new ArrayList<>();
    final List<RecordingChannel> channels = new ArrayList<>();
    private final List<Held> held = new ArrayList<>();
    boolean holdOffers;
    boolean holdAnswers;
    private int next;

    @Override
    public CompletableFuture<PendingOffer> createOffer() {
        RecordingOffer offer = new RecordingOffer("offer-sdp-" + (++next));
        offers.add(offer);
        if (holdOffers) {
            CompletableFuture<PendingOffer> f = new CompletableFuture<>();
            held.add(new Held(f, offer));
            return f;
        }
        return CompletableFuture.completedFuture(offer);
    }

    /** Completes the held offer futures, in order. */
    void releaseHeld(int count) {
        for (int i = 0; i < count && !held.isEmpty(); i++) {
            Held h = held.remove(0);
            h.future.complete(h.offer);
        }
    }

    private record Held(CompletableFuture<PendingOffer> future, RecordingOffer offer) {
    }

    @Override
    public CompletableFuture<Answered> answer(String offerSdp) {
        answeredSdps.add(offerSdp);
        if (holdAnswers) {
            return new CompletableFuture<>();
        }
        RecordingChannel channel = new RecordingChannel("answered " + offerSdp);
        channels.add(channel);
        return CompletableFuture.completedFuture(
                new Answered("answer-to " + offerSdp, CompletableFuture.completedFuture(channel)));
    }

    @Override
    public void close() {
    }

    long cancelledOffers() {
        return offers.stream().filter(o -> o.cancelled).count();
    }

    /** An offer that records what happens to it. */
    final class RecordingOffer implements PendingOffer {
        final String sdp;
        boolean cancelled;
        String acceptedWith;

        RecordingOffer(String sdp) {
            this.sdp = sdp;
        }

        @Override
        public String sdp() {
            return sdp;
        }

        @Override
        public CompletableFuture<PeerChannel> accept(String answerSdp) {
            acceptedWith = answerSdp;
            RecordingChannel channel = new RecordingChannel("offered " + sdp);
            channels.add(channel);
            return CompletableFuture.completedFuture(channel);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** A channel that records sends and closing, and lets the test close it from the remote side. */
    static final class RecordingChannel implements PeerChannel {
        final String label;
        final List<byte[]> sent = new ArrayList<>();
        PeerChannelListener listener;
        boolean closed;

        RecordingChannel(String label) {
            this.label = label;
        }

        @Override
        public void send(byte[] message) {
            sent.add(message);
        }

        @Override
        public long bufferedAmount() {
            return 0;
        }

        @Override
        public void setListener(PeerChannelListener l) {
            listener = l;
        }

        @Override
        public void close() {
            closed = true;
        }

        void closeFromRemote() {
            closed = true;
            if (listener != null) {
                listener.onClose("closed by remote");
            }
        }

        @Override
        public String describe() {
            return label;
        }
    }
}
