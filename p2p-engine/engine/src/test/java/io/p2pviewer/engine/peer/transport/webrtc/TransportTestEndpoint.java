package io.p2pviewer.engine.peer.transport.webrtc;

import static io.p2pviewer.engine.peer.transport.webrtc.TestPeerMain.TALLY;
import static io.p2pviewer.engine.peer.transport.webrtc.TestPeerMain.encode;
import static io.p2pviewer.engine.peer.transport.webrtc.TestPeerMain.event;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.engine.peer.transport.PeerTransport;
import io.p2pviewer.engine.stream.RealTimeAttack;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A test endpoint on {@link WebRtcPeerTransport} and its {@link PeerChannel}. */
final class TransportTestEndpoint implements TestEndpoint {
    private final WebRtcPeerTransport transport = new WebRtcPeerTransport(configFromProperties());
    private volatile PeerTransport.PendingOffer pending;
    private volatile PeerChannel channel;
    /** Set by "swarm": the next channel that opens goes to a real swarm instead of the tally. */
    private volatile SwarmTestHost swarm;
    /** Set by "attack-engine": the next channel that opens is the offender of a real-time adversary run. */
    private volatile RealTimeAttack attack;
    /** Set by "hostile MODE": the next channel that opens gets a {@link HostileWebRtcPeer}. */
    private volatile HostileWebRtcPeer.Mode hostile;

    /** The default configuration, flow control overridable with -Dpeer.threshold=BYTES -Dpeer.pollMicros=N. */
    private static WebRtcTransportConfig configFromProperties() {
        WebRtcTransportConfig defaults = WebRtcTransportConfig.defaults();
        long threshold = Long.getLong("peer.threshold", defaults.sendBufferThreshold());
        long pollMicros = Long.getLong("peer.pollMicros", defaults.sendPollInterval().toNanos() / 1000);
        return defaults.withSendFlowControl(threshold, Duration.ofNanos(pollMicros * 1000));
    }

    @Override
    public void offer() {
        transport.createOffer().whenComplete((offer, e) -> {
            if (e != null) {
                event("offerfailed", message(e));
            } else {
                pending = offer;
                event("offer", encode(offer.sdp()));
            }
        });
    }

    @Override
    public void answer(String offerSdp) {
        transport.answer(offerSdp).whenComplete((answered, e) -> {
            if (e != null) {
                event("failed", message(e));
            } else {
                event("answer", encode(answered.sdp()));
                answered.channel().whenComplete(this::opened);
            }
        });
    }

    @Override
    public void accept(String answerSdp) {
        pending.accept(answerSdp).whenComplete(this::opened);
    }

    private void opened(PeerChannel c, Throwable e) {
        if (e != null) {
            event("failed", message(e));
            return;
        }
        channel = c;
        if (swarm != null) {
            swarm.add(c);
            event("open", c.describe());
            return;
        }
        if (attack != null) {
            attack.offender(c);
            event("open", c.describe());
            return;
        }
        if (hostile != null) {
            new HostileWebRtcPeer(c, hostile).start();
            event("open", c.describe());
            return;
        }
        c.setListener(new PeerChannelListener() {
            @Override
            public void onMessage(byte[] message) {
                if (TALLY.add(ByteBuffer.wrap(message))) {
                    event("received", TALLY.report());
                }
            }

            @Override
            public void onClose(String reason) {
                event("closed", reason);
            }
        });
        event("open", c.describe());
    }

    @Override
    public void send(List<byte[]> messages) {
        String summary = TestPayload.summary(messages);
        PeerChannel c = channel;
        for (byte[] m : messages) {
            c.send(m);
        }
        event("queued", summary);
        Thread watcher = new Thread(() -> {
            try {
                for (int i = 0; i < 12_000 && c.bufferedAmount() > 0; i++) {
                    Thread.sleep(10);
                }
                event("drained", c.bufferedAmount());
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "drain-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public boolean command(String[] w) throws Exception {
        switch (w[0]) {
            case "ping" -> event("pong", transport.connectionCount());
            case "swarm" -> {
                swarm = new SwarmTestHost();
                event("swarm");
            }
            case "attack-engine" -> { // a real-time adversary run whose offender is the next channel
                RealTimeAttack run = new RealTimeAttack();
                attack = run;
                Thread t = new Thread(() -> {
                    try {
                        event("attack-result", RealTimeAttack.format(run.run(() -> event("attack-ready"),
                                Duration.ofSeconds(60))));
                    } catch (Throwable e) {
                        event("attack-failed", String.valueOf(e).replace('\n', ' '));
                    }
                }, "attack");
                t.setDaemon(true);
                t.start();
            }
            case "hostile" -> {
                hostile = HostileWebRtcPeer.Mode.valueOf(w[1]);
                event("hostile", hostile);
            }
            case "swarm-peers" -> swarm.peers().forEach(p -> event("peer", p.connected(),
                    String.valueOf(p.closeReason()).replace(' ', '_')));
            case "flood" -> { // segment requests as fast as the channel takes them, never waiting for an answer
                int n = Integer.parseInt(w[1]);
                for (int i = 0; i < n && channel != null; i++) {
                    for (byte[] m : io.p2pviewer.engine.peer.protocol.PeerMessages.encode(
                            new io.p2pviewer.engine.peer.protocol.SegmentRequest(i % 10, i, null))) {
                        channel.send(m);
                    }
                }
                event("flooded", n);
            }
            case "oversize" -> {
                try {
                    channel.send(new byte[PeerChannel.MAX_MESSAGE_BYTES + 1]);
                    event("accepted");
                } catch (IllegalArgumentException e) {
                    event("rejected", e.getClass().getSimpleName(), e.getMessage());
                }
            }
            case "close" -> {
                channel.close();
                channel.close();
                event("closecalled");
            }
            case "cancelled-offer" -> {
                PeerTransport.PendingOffer offer = transport.createOffer().get(20, TimeUnit.SECONDS);
                int before = transport.connectionCount();
                offer.cancel();
                offer.cancel();
                for (int i = 0; i < 500 && transport.connectionCount() >= before; i++) {
                    Thread.sleep(10);
                }
                event("cancelled", before, transport.connectionCount());
            }
            case "gathering-timeout" -> {
                WebRtcTransportConfig config =
                        WebRtcTransportConfig.defaults().withGatheringTimeout(Duration.ofNanos(1));
                try (WebRtcPeerTransport quick = new WebRtcPeerTransport(config)) {
                    quick.createOffer().get(20, TimeUnit.SECONDS);
                    event("offer-unexpected");
                } catch (ExecutionException e) {
                    event("offerfailed", e.getCause().getClass().getSimpleName(), e.getCause().getMessage());
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void exit() {
        if (swarm != null) {
            swarm.close();
        }
        transport.close();
        transport.close();
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
