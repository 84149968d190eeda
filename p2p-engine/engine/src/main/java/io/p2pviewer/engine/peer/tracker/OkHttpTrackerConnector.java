package io.p2pviewer.engine.peer.tracker;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * A {@link TrackerConnector} over OkHttp's WebSocket client. Pings keep idle connections alive through NATs
 * and detect a tracker that vanished without closing. Callbacks come on OkHttp's threads. The OkHttpClient is
 * the caller's (shared, not shut down here).
 */
public final class OkHttpTrackerConnector implements TrackerConnector {
    private final OkHttpClient client;

    /** @param client the HTTP client; its ping interval and connect timeout apply to tracker sockets */
    public OkHttpTrackerConnector(OkHttpClient client) {
        this.client = client;
    }

    /** A client with a 10 s connect timeout and a 20 s ping interval, derived from {@code base}. */
    public static OkHttpTrackerConnector derivedFrom(OkHttpClient base) {
        return new OkHttpTrackerConnector(base.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .pingInterval(Duration.ofSeconds(20))
                .build());
    }

    @Override
    public TrackerSocket open(URI tracker, TrackerSocketListener listener) {
        String url = tracker.toString();
        Request request;
        try {
            request = new Request.Builder().url(url).build();
        } catch (IllegalArgumentException e) {
            listener.onClosed("bad tracker URL: " + e.getMessage());
            return new ClosedSocket();
        }
        AtomicBoolean ended = new AtomicBoolean();
        WebSocket ws = client.newWebSocket(request, new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                listener.onOpen();
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                if (!ended.get()) {
                    listener.onMessage(text);
                }
            }

            @Override
            public void onMessage(WebSocket webSocket, ByteString bytes) {
                if (!ended.get()) {
                    listener.onMessage(bytes.utf8());
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
                end("closed by tracker (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                end("closed (" + code + ")");
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                end(response == null ? why : "HTTP " + response.code() + " " + why);
            }

            private void end(String reason) {
                if (ended.compareAndSet(false, true)) {
                    listener.onClosed(reason);
                }
            }
        });
        return new TrackerSocket() {
            @Override
            public boolean send(String text) {
                return ws.send(text);
            }

            @Override
            public void close() {
                if (!ws.close(1000, null)) {
                    ws.cancel();
                }
            }
        };
    }

    /** The socket of a connection that never started. */
    private static final class ClosedSocket implements TrackerSocket {
        @Override
        public boolean send(String text) {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
