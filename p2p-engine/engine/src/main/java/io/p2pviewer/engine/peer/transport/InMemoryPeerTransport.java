package io.p2pviewer.engine.peer.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link PeerTransport} over an {@link InMemoryNetwork}; its "SDP" names the offer and its owner. */
public final class InMemoryPeerTransport implements PeerTransport {
    private static final String OFFER = "inmemory-offer ";
    private static final String ANSWER = "inmemory-answer ";

    private final InMemoryNetwork network;
    private final String name;
    private final List<Channel> channels = new ArrayList<>();
    private boolean closed;

    InMemoryPeerTransport(InMemoryNetwork network, String name) {
        this.network = network;
        this.name = name;
    }

    @Override
    public synchronized CompletableFuture<PendingOffer> createOffer() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("transport closed"));
        }
        Offer offer = new Offer(network.nextId());
        network.offers.put(offer.id, offer);
        return CompletableFuture.completedFuture(offer);
    }

    @Override
    public synchronized CompletableFuture<Answered> answer(String offerSdp) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("transport closed"));
        }
        if (offerSdp == null || !offerSdp.startsWith(OFFER)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not an in-memory offer"));
        }
        String id = offerSdp.substring(OFFER.length()).split(" ", 2)[0];
        Offer offer = network.offers.get(id);
        if (offer == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("offer " + id + " is gone"));
        }
        Channel mine = new Channel(name + "<-" + offer.owner(), offer.owner());
        Channel theirs = new Channel(offer.owner() + "<-" + name, name);
        mine.remote = theirs;
        theirs.remote = mine;
        channels.add(mine);
        offer.pair = theirs;
        return CompletableFuture.completedFuture(new Answered(ANSWER + id, CompletableFuture.completedFuture(mine)));
    }

    @Override
    public synchronized void close() {
        closed = true;
        new ArrayList<>(channels).forEach(Channel::close);
    }

    /** An offer of this transport, waiting in the network. */
    final class Offer implements PendingOffer {
        final String id;
        volatile Channel pair;

        Offer(String id) {
            this.id = id;
        }

        String owner() {
            return name;
        }

        @Override
        public String sdp() {
            return OFFER + id + " " + name;
        }

        @Override
        public CompletableFuture<PeerChannel> accept(String answerSdp) {
            network.offers.remove(id);
            if (answerSdp == null || !answerSdp.equals(ANSWER + id) || pair == null) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("answer does not match offer " + id));
            }
            synchronized (InMemoryPeerTransport.this) {
                channels.add(pair);
            }
            return CompletableFuture.completedFuture(pair);
        }

        @Override
        public void cancel() {
            network.offers.remove(id);
        }
    }

    /** One end of an in-memory channel; its pipe carries what it sends. */
    final class Channel implements PeerChannel {
        private final String label;
        /** The remote transport's name: its "address". */
        private final String remoteName;

        private final ChannelInbox inbox = new ChannelInbox();
        private volatile boolean closed;
        Channel remote;

        Channel(String label, String remoteName) {
            this.label = label;
            this.remoteName = remoteName;
        }

        @Override
        public void send(byte[] message) {
            if (message.length > MAX_MESSAGE_BYTES) {
                throw new IllegalArgumentException("message of " + message.length + " bytes exceeds "
                        + MAX_MESSAGE_BYTES);
            }
            if (closed) {
                return;
            }
            Channel to = remote;
            network.delivery().execute(() -> to.deliver(message));
        }

        private synchronized void deliver(byte[] message) {
            inbox.deliver(message);
        }

        @Override
        public long bufferedAmount() {
            return 0;
        }

        @Override
        public synchronized void setListener(PeerChannelListener l) {
            inbox.setListener(l);
        }

        @Override
        public void close() {
            closeWith("closed locally");
        }

        void closeWith(String reason) {
            if (closed) {
                return;
            }
            closed = true;
            PeerChannelListener l;
            synchronized (this) {
                inbox.close();
                l = inbox.listener();
            }
            network.delivery().execute(() -> {
                if (l != null) {
                    l.onClose(reason);
                }
                remote.closeWith("closed by remote");
            });
        }

        @Override
        public String describe() {
            return "memory:" + label;
        }

        @Override
        public String remoteHost() {
            return remoteName;
        }
    }
}
