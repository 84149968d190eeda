package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.http.TextResponse;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.time.Cancellable;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/** A CDN in memory: answers queued per URI, and a log of every request made. Single-threaded use only. */
final class FakeCdnClient implements CdnClient {
    final List<String> log = new ArrayList<>();
    private final Map<URI, Queue<Object>> answers = new HashMap<>();
    private final Map<URI, String> playlists = new HashMap<>();

    /** Answer for the next fetch of a segment: a byte[] body, or a String failure "retryable:reason". */
    void enqueue(URI uri, Object answer) {
        answers.computeIfAbsent(uri, u -> new ArrayDeque<>()).add(answer);
    }

    void playlist(URI uri, String text) {
        playlists.put(uri, text);
    }

    @Override
    public CompletableFuture<TextResponse> fetchText(URI uri) {
        log.add("text " + uri.getPath());
        String text = playlists.get(uri);
        return text == null
                ? CompletableFuture.failedFuture(new StreamException(StreamException.Kind.HTTP_STATUS, "HTTP 404"))
                : CompletableFuture.completedFuture(new TextResponse(uri, text));
    }

    @Override
    public Cancellable fetchBytes(URI uri, long offset, long length, SegmentListener listener) {
        log.add("bytes " + uri.getPath());
        Queue<Object> q = answers.get(uri);
        Object answer = q == null || q.isEmpty() ? "false:HTTP 404" : q.poll();
        if (answer instanceof byte[] body) {
            listener.onBytes(body.length);
            listener.onComplete(body);
        } else {
            String[] parts = ((String) answer).split(":", 2);
            listener.onFailure(parts[1], Boolean.parseBoolean(parts[0]));
        }
        return Cancellable.NONE;
    }

    @Override
    public void close() {
    }
}
