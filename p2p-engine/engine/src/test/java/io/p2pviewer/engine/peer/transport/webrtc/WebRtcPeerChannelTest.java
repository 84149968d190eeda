package io.p2pviewer.engine.peer.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flow control and delivery of {@link WebRtcPeerChannel}, over a fake data channel in virtual time. */
class WebRtcPeerChannelTest {
    private static final long THRESHOLD = 65536;
    private static final Duration POLL = Duration.ofMillis(5);

    private final FakeTaskScheduler control = new FakeTaskScheduler();
    private final FakeNativeChannel dataChannel = new FakeNativeChannel();
    private final WebRtcPeerChannel channel = new WebRtcPeerChannel(dataChannel, control, Runnable::run, THRESHOLD,
            POLL);
    private final RecordingChannelListener listener = new RecordingChannelListener();

    @Test
    void feedsTheDataChannelOnlyWhileItHoldsLessThanTheThreshold() {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] m = message(i, 30_000);
            messages.add(m);
            channel.send(m);
        }
        control.runUntilIdle();
        assertThat(dataChannel.sent).hasSize(3);
        assertThat(channel.bufferedAmount()).isEqualTo(10 * 30_000);

        control.advance(POLL);
        assertThat(dataChannel.sent).as("nothing drained, nothing more sent").hasSize(3);

        dataChannel.buffered = 40_000;
        control.advance(POLL);
        assertThat(dataChannel.sent).hasSize(4);

        for (int i = 0; i < 5; i++) {
            dataChannel.buffered = 0;
            control.advance(POLL);
        }
        assertThat(dataChannel.sent).as("the same arrays, in order").containsExactlyElementsOf(messages);
    }

    @Test
    void pollsOnlyWhileSomethingIsQueuedOrBuffered() {
        channel.send(message(1, 100));
        control.runUntilIdle();
        assertThat(dataChannel.sent).hasSize(1);
        assertThat(control.pendingTasks()).as("a poll while 100 bytes are buffered").isEqualTo(1);
        assertThat(channel.bufferedAmount()).isEqualTo(100);

        dataChannel.buffered = 0;
        control.advance(POLL);
        assertThat(control.pendingTasks()).as("no polling when idle").isZero();
        assertThat(channel.bufferedAmount()).isZero();
    }

    @Test
    void rejectsMessagesLongerThanTheLimit() {
        assertThatThrownBy(() -> channel.send(new byte[PeerChannel.MAX_MESSAGE_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536").hasMessageContaining("65535");
        channel.send(new byte[PeerChannel.MAX_MESSAGE_BYTES]);
        control.runUntilIdle();
        assertThat(dataChannel.sent).hasSize(1);
    }

    @Test
    void deliversMessagesThatArrivedBeforeTheListenerFirstAndInOrder() {
        channel.received(message(1, 10));
        channel.received(message(2, 10));
        channel.setListener(listener);
        channel.received(message(3, 10));
        assertThat(listener.events).containsExactly("message 1", "message 2", "message 3");
    }

    @Test
    void aRemoteCloseDeliversWhatArrivedThenOnCloseOnce() {
        channel.received(message(1, 10));
        channel.markClosed("closed by remote", false);
        channel.markClosed("connection closed", false);
        channel.setListener(listener);
        channel.received(message(2, 10));
        assertThat(listener.events).containsExactly("message 1", "close closed by remote");
    }

    @Test
    void aLocalCloseDropsUndeliveredMessagesClosesTheConnectionOnceAndDropsLaterSends() {
        channel.received(message(1, 10));
        channel.close();
        channel.close();
        channel.setListener(listener);
        channel.send(message(2, 10));
        control.runUntilIdle();
        assertThat(listener.events).containsExactly("close closed locally");
        assertThat(dataChannel.closes).containsExactly("closed locally");
        assertThat(dataChannel.sent).isEmpty();
        assertThat(channel.bufferedAmount()).isZero();
    }

    @Test
    void closingDropsTheQueue() {
        for (int i = 0; i < 5; i++) {
            channel.send(message(i, 30_000));
        }
        control.runUntilIdle();
        channel.close();
        dataChannel.buffered = 0;
        control.advance(POLL.multipliedBy(3));
        assertThat(dataChannel.sent).hasSize(3);
        assertThat(control.pendingTasks()).isZero();
    }

    @Test
    void stopsFeedingWhenTheDataChannelRefuses() {
        dataChannel.refuse = true;
        channel.send(message(1, 10));
        channel.send(message(2, 10));
        control.runUntilIdle();
        control.advance(POLL.multipliedBy(3));
        assertThat(dataChannel.attempts).isEqualTo(1);
        assertThat(control.pendingTasks()).isZero();
    }

    @Test
    void aThrowingListenerDoesNotLoseLaterMessages() {
        List<String> seen = new ArrayList<>();
        channel.setListener(new PeerChannelListener() {
            @Override
            public void onMessage(byte[] message) {
                seen.add("message " + message[0]);
                if (message[0] == 1) {
                    throw new IllegalStateException("listener bug");
                }
            }

            @Override
            public void onClose(String reason) {
                seen.add("close " + reason);
            }
        });
        channel.received(message(1, 10));
        channel.received(message(2, 10));
        channel.markClosed("connection failed", false);
        assertThat(seen).containsExactly("message 1", "message 2", "close connection failed");
    }

    @Test
    void describesItselfThroughItsConnection() {
        assertThat(channel.describe()).isEqualTo("fake");
    }

    private static byte[] message(int id, int size) {
        byte[] m = new byte[size];
        m[0] = (byte) id;
        return m;
    }
}
