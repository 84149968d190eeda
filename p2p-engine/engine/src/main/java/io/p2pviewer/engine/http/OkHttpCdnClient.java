package io.p2pviewer.engine.http;

import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.StreamException.Kind;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.redaction.Redacted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** {@link CdnClient} over OkHttp: asynchronous calls, bodies read in 64 KiB steps and counted as they arrive. */
public final class OkHttpCdnClient implements CdnClient {
    private static final int CHUNK = 64 * 1024;

    private final OkHttpClient client;
    private final String userAgent;
    private final int maxTextBytes;
    private final int maxBodyBytes;
    private final RequestHeaders headers;
    private final boolean ownsClient;

    public OkHttpCdnClient(EngineConfig config) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(16);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .callTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(Math.min(5000, config.requestTimeout().toMillis()), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(true)
                .build();
        this.userAgent = config.userAgent();
        this.maxTextBytes = config.maxPlaylistBytes();
        this.maxBodyBytes = config.maxSegmentBytes();
        this.headers = RequestHeaders.NONE;
        this.ownsClient = true;
    }

    private OkHttpCdnClient(OkHttpCdnClient shared, RequestHeaders headers) {
        this.client = shared.client;
        this.userAgent = shared.userAgent;
        this.maxTextBytes = shared.maxTextBytes;
        this.maxBodyBytes = shared.maxBodyBytes;
        this.headers = headers;
        this.ownsClient = false;
    }

    /** This client's connections with the stream's headers on every request (they replace the default User-Agent). */
    @Override
    public CdnClient withHeaders(RequestHeaders streamHeaders) {
        return streamHeaders.isEmpty() ? this : new OkHttpCdnClient(this, streamHeaders);
    }

    @Override
    public CompletableFuture<TextResponse> fetchText(URI uri) {
        CompletableFuture<TextResponse> result = new CompletableFuture<>();
        Request request;
        try {
            request = request(uri, -1, -1);
        } catch (StreamException e) {
            result.completeExceptionally(e);
            return result;
        }
        client.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.completeExceptionally(describe(uri, e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        result.completeExceptionally(new StreamException(Kind.HTTP_STATUS,
                                "HTTP " + response.code() + " from the origin (" + redact(uri) + ")"));
                        return;
                    }
                    byte[] body = readAll(response.body(), maxTextBytes, null);
                    if (body == null) {
                        result.completeExceptionally(new StreamException(Kind.TOO_LARGE,
                                "Playlist at " + redact(uri) + " is larger than " + maxTextBytes + " bytes"));
                        return;
                    }
                    URI finalUri = response.request().url().uri();
                    result.complete(new TextResponse(finalUri, new String(body, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    result.completeExceptionally(describe(uri, e));
                }
            }
        });
        return result;
    }

    @Override
    public Cancellable fetchBytes(URI uri, long offset, long length, SegmentListener listener) {
        Request request;
        try {
            request = request(uri, offset, length);
        } catch (StreamException e) {
            listener.onFailure(e.getMessage(), false);
            return Cancellable.NONE;
        }
        Call call = client.newCall(request);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                if (!c.isCanceled()) {
                    listener.onFailure(describe(uri, e).getMessage(), true);
                }
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        int code = response.code();
                        // Drain the error body so its bytes are counted like any other bytes the origin sent.
                        readAll(response.body(), maxBodyBytes, listener);
                        listener.onFailure("HTTP " + code + " from the origin (" + redact(uri) + ")", code >= 500 || code == 429);
                        return;
                    }
                    byte[] body = readAll(response.body(), maxBodyBytes, listener);
                    if (body == null) {
                        listener.onFailure("segment at " + redact(uri) + " is larger than " + maxBodyBytes
                                + " bytes", false);
                        return;
                    }
                    if (response.code() != 206 && (offset > 0 || length >= 0)) {
                        body = ignoredRange(body, offset, length);
                        if (body == null) { // a 206 would have been short too: the engine wants exactly the range
                            listener.onFailure("origin ignored the Range header and " + redact(uri)
                                    + " is shorter than the range asked for", false);
                            return;
                        }
                    }
                    listener.onComplete(body);
                } catch (IOException e) {
                    if (!c.isCanceled()) {
                        listener.onFailure(describe(uri, e).getMessage(), true);
                    }
                }
            }
        });
        return call::cancel;
    }

    private Request request(URI uri, long offset, long length) throws StreamException {
        HttpUrl url = uri == null ? null : HttpUrl.parse(uri.toString());
        if (url == null) {
            throw new StreamException(Kind.BAD_URL, "not an http(s) URL (" + redact(uri) + ")");
        }
        Request.Builder b = new Request.Builder().url(url).header("User-Agent", userAgent);
        headers.values().forEach(b::header);
        if (length >= 0) {
            b.header("Range", "bytes=" + offset + "-" + (offset + length - 1));
        } else if (offset > 0) {
            b.header("Range", "bytes=" + offset + "-");
        }
        return b.build();
    }

    /**
     * The range asked for, cut from a whole resource sent by an origin that ignored the Range header (a 200
     * instead of a 206); null when the resource is too short for it.
     */
    static byte[] ignoredRange(byte[] whole, long offset, long length) {
        byte[] cut = CdnClient.range(whole, offset, length);
        return cut == null || (length >= 0 && cut.length != length) ? null : cut;
    }

    /** Reads the body to its end, reporting progress; null when it exceeds the limit. */
    private static byte[] readAll(ResponseBody body, int limit, SegmentListener progress) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        long declared = body.contentLength();
        if (declared > limit) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : CHUNK);
        byte[] buf = new byte[CHUNK];
        try (InputStream in = body.byteStream()) {
            int n;
            while ((n = in.read(buf)) != -1) {
                if (progress != null && n > 0) {
                    progress.onBytes(n);
                }
                out.write(buf, 0, n);
                if (out.size() > limit) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    static StreamException describe(URI uri, IOException e) {
        String where = redact(uri);
        if (e instanceof UnknownHostException) {
            return new StreamException(Kind.UNREACHABLE, "Cannot resolve host of " + where, e);
        }
        if (e instanceof ConnectException) {
            return new StreamException(Kind.UNREACHABLE, "Cannot connect to " + where + ": " + e.getMessage(), e);
        }
        if (e instanceof InterruptedIOException) {
            return new StreamException(Kind.TIMEOUT, "Timed out loading " + where, e);
        }
        return new StreamException(Kind.UNREACHABLE, "Failed loading " + where + ": " + e.getMessage(), e);
    }

    /** The URL with its query values masked ({@link Redacted}): tokens must not end up in logs and screenshots. */
    public static String redact(URI uri) {
        return Redacted.url(uri);
    }

    @Override
    public void close() {
        if (!ownsClient) {
            return;
        }
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
