package io.p2pviewer.engine.peer.transport.webrtc;

import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;

/**
 * The data channel observer handed to webrtc-java: forwards to the connection's observer until {@link #detach()}ed,
 * then drops every call.
 *
 * <p>Why a shell: webrtc-java 0.14.0's {@code registerObserver} makes a native observer holding a JNI global
 * reference to the Java observer, and neither {@code unregisterObserver} nor {@code dispose} ever deletes it. The
 * observer handed over stays reachable for the life of the JVM, and with it whatever it references. Handing over
 * this shell and detaching it at teardown keeps the closed connection (its channel, queues and buffers) collectable;
 * what stays behind per connection is this object. {@code bench/connection-churn.sh} measures it (docs/BENCHMARKS.md,
 * Connection churn).
 *
 * <p>Thread-safe: webrtc-java calls it on its threads; {@link #detach()} may run on any thread.
 */
final class DetachableChannelObserver implements RTCDataChannelObserver {
    private volatile RTCDataChannelObserver target;

    DetachableChannelObserver(RTCDataChannelObserver target) {
        this.target = target;
    }

    /** Drops the reference to the target; calls after this do nothing. */
    void detach() {
        target = null;
    }

    @Override
    public void onBufferedAmountChange(long previousAmount) {
        RTCDataChannelObserver t = target;
        if (t != null) {
            t.onBufferedAmountChange(previousAmount);
        }
    }

    @Override
    public void onStateChange() {
        RTCDataChannelObserver t = target;
        if (t != null) {
            t.onStateChange();
        }
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
        RTCDataChannelObserver t = target;
        if (t != null) {
            t.onMessage(buffer);
        }
    }
}
