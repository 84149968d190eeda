package io.p2pviewer.engine.peer.transport.webrtc;

import static io.p2pviewer.engine.peer.transport.webrtc.TestPeerMain.TALLY;
import static io.p2pviewer.engine.peer.transport.webrtc.TestPeerMain.encode;
import static io.p2pviewer.engine.peer.transport.webrtc.TestPeerMain.event;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
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
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's baseline: webrtc-java used directly, the way a careful hand-written sender would: a blocking
 * loop that sleeps 1 ms while more than 1 MiB is buffered, and a receiver that checksums each message inside the
 * callback without copying or changing threads.
 */
final class RawTestEndpoint implements TestEndpoint {
    private static final long THRESHOLD = 1 << 20;

    private final HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(audio);
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private RTCPeerConnection pc;
    private volatile RTCDataChannel dc;
    private volatile boolean openReported;

    private final RTCDataChannelObserver channelObserver = new RTCDataChannelObserver() {
        @Override
        public void onBufferedAmountChange(long previousAmount) {
        }

        @Override
        public void onStateChange() {
            RTCDataChannel c = dc;
            if (c != null && c.getState() == RTCDataChannelState.OPEN && !openReported) {
                openReported = true;
                event("open", "raw");
            }
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            if (TALLY.add(buffer.data)) {
                event("received", TALLY.report());
            }
        }
    };

    private final PeerConnectionObserver pcObserver = new PeerConnectionObserver() {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
            }
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            dc = channel;
            channel.registerObserver(channelObserver);
            channelObserver.onStateChange();
        }
    };

    @Override
    public void offer() throws Exception {
        pc = factory.createPeerConnection(new RTCConfiguration(), pcObserver);
        RTCDataChannel channel = pc.createDataChannel("raw", new RTCDataChannelInit());
        dc = channel;
        channel.registerObserver(channelObserver);
        CompletableFuture<RTCSessionDescription> offer = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), created(offer));
        setLocalAndGather(offer.get(10, TimeUnit.SECONDS));
        event("offer", encode(pc.getLocalDescription().sdp));
    }

    @Override
    public void answer(String offerSdp) throws Exception {
        pc = factory.createPeerConnection(new RTCConfiguration(), pcObserver);
        CompletableFuture<Void> remote = new CompletableFuture<>();
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offerSdp), set(remote));
        remote.get(10, TimeUnit.SECONDS);
        CompletableFuture<RTCSessionDescription> answer = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), created(answer));
        setLocalAndGather(answer.get(10, TimeUnit.SECONDS));
        event("answer", encode(pc.getLocalDescription().sdp));
    }

    @Override
    public void accept(String answerSdp) throws Exception {
        CompletableFuture<Void> remote = new CompletableFuture<>();
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER, answerSdp), set(remote));
        remote.get(10, TimeUnit.SECONDS);
    }

    private void setLocalAndGather(RTCSessionDescription description) throws Exception {
        CompletableFuture<Void> local = new CompletableFuture<>();
        pc.setLocalDescription(description, set(local));
        local.get(10, TimeUnit.SECONDS);
        gathered.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void send(List<byte[]> messages) {
        String summary = TestPayload.summary(messages);
        Thread sender = new Thread(() -> {
            try {
                RTCDataChannel c = dc;
                for (byte[] m : messages) {
                    while (c.getBufferedAmount() > THRESHOLD) {
                        Thread.sleep(1);
                    }
                    c.send(new RTCDataChannelBuffer(ByteBuffer.wrap(m), true));
                }
                event("queued", summary);
            } catch (Exception e) {
                event("error", "send", e);
            }
        }, "raw-sender");
        sender.start();
    }

    @Override
    public boolean command(String[] words) {
        if (words[0].equals("ping")) {
            event("pong", "raw");
            return true;
        }
        return false;
    }

    @Override
    public void exit() {
        RTCDataChannel c = dc;
        if (c != null) {
            c.unregisterObserver();
            c.close();
            c.dispose();
        }
        if (pc != null) {
            pc.close();
        }
        factory.dispose();
        audio.dispose();
    }

    private static CreateSessionDescriptionObserver created(CompletableFuture<RTCSessionDescription> f) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                f.complete(description);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    /** An observer that completes {@code f}, or fails it with libwebrtc's error. */
    static SetSessionDescriptionObserver set(CompletableFuture<Void> f) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        };
    }
}
