package io.p2pviewer.engine.peer.transport.webrtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.logging.Logging;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child-JVM probe for {@link LoopbackOnlyWebRtcIT}: for each port-allocator flag set given as an argument, two
 * peer connections of one factory exchange complete SDP and wait up to 5 s for a data channel to open. Prints one
 * line per flag set: {@code RESULT flags=N candidates=C open=true|false discarded=D ignored=I}, where D counts
 * libwebrtc's "Discarding candidate because it doesn't match filter" and I its "Filtered out ignored networks" log
 * lines (evidence of why nothing connects).
 */
public final class LoopbackIceProbe {
    private static final AtomicInteger DISCARDED = new AtomicInteger();
    private static final AtomicInteger IGNORED = new AtomicInteger();

    private LoopbackIceProbe() {
    }

    public static void main(String[] args) throws Exception {
        Logging.addLogSink(Logging.Severity.INFO, (severity, message) -> {
            if (message.contains("doesn't match filter")) {
                DISCARDED.incrementAndGet();
            } else if (message.contains("Filtered out ignored networks")) {
                IGNORED.incrementAndGet();
            }
        });
        HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
        PeerConnectionFactory factory = new PeerConnectionFactory(audio);
        try {
            for (String a : args) {
                DISCARDED.set(0);
                IGNORED.set(0);
                int flags = Integer.parseInt(a);
                Outcome o = tryFlags(factory, flags);
                System.out.printf("RESULT flags=%d candidates=%d open=%s discarded=%d ignored=%d%n", flags,
                        o.candidates, o.open, DISCARDED.get(), IGNORED.get());
                System.out.flush();
            }
        } finally {
            factory.dispose();
            audio.dispose();
        }
        System.exit(0);
    }

    private record Outcome(int candidates, boolean open) {
    }

    private static Outcome tryFlags(PeerConnectionFactory factory, int flags) throws Exception {
        RTCConfiguration config = new RTCConfiguration();
        config.portAllocatorConfig = new PortAllocatorConfig(0, 0, flags);
        Side offerer = new Side(factory, config);
        Side answerer = new Side(factory, config);
        CountDownLatch open = new CountDownLatch(1);
        RTCDataChannel channel = offerer.pc.createDataChannel("probe", new RTCDataChannelInit());
        channel.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
            }

            @Override
            public void onStateChange() {
                if (channel.getState() == RTCDataChannelState.OPEN) {
                    open.countDown();
                }
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
            }
        });
        try {
            RTCSessionDescription offer = offerer.describe(true);
            answerer.apply(offer);
            RTCSessionDescription answer = answerer.describe(false);
            offerer.apply(answer);
            int candidates = (int) (offer.sdp.lines().filter(l -> l.startsWith("a=candidate")).count()
                    + answer.sdp.lines().filter(l -> l.startsWith("a=candidate")).count());
            return new Outcome(candidates, open.await(5, TimeUnit.SECONDS));
        } finally {
            channel.unregisterObserver();
            channel.close();
            channel.dispose();
            offerer.pc.close();
            answerer.pc.close();
        }
    }

    /** One peer connection and its gathering state. */
    private static final class Side implements PeerConnectionObserver {
        final CountDownLatch gathered = new CountDownLatch(1);
        final RTCPeerConnection pc;

        Side(PeerConnectionFactory factory, RTCConfiguration config) {
            pc = factory.createPeerConnection(config, this);
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.countDown();
            }
        }

        /** Creates the offer or answer, sets it and returns it with every candidate gathered (non-trickle). */
        RTCSessionDescription describe(boolean offer) throws Exception {
            CompletableFuture<Void> set = new CompletableFuture<>();
            CreateSessionDescriptionObserver created = new CreateSessionDescriptionObserver() {
                @Override
                public void onSuccess(RTCSessionDescription description) {
                    pc.setLocalDescription(description, RawTestEndpoint.set(set));
                }

                @Override
                public void onFailure(String error) {
                    set.completeExceptionally(new IllegalStateException(error));
                }
            };
            if (offer) {
                pc.createOffer(new RTCOfferOptions(), created);
            } else {
                pc.createAnswer(new RTCAnswerOptions(), created);
            }
            set.get(5, TimeUnit.SECONDS);
            gathered.await(5, TimeUnit.SECONDS);
            return pc.getLocalDescription();
        }

        void apply(RTCSessionDescription remote) throws Exception {
            CompletableFuture<Void> set = new CompletableFuture<>();
            pc.setRemoteDescription(remote, RawTestEndpoint.set(set));
            set.get(5, TimeUnit.SECONDS);
        }
    }
}
