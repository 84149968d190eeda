package io.p2pviewer.app.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Opens a playlist or guide named on the command line or in a playlist: a local file, or an http(s) URL fetched
 * with OkHttp (connect and read timeouts, and a bound on the whole transfer). Failures are a
 * {@link ReadException} whose reason names the file or the URL with its query values masked. Blocking; one
 * instance may open several sources, from one thread at a time.
 */
public final class SourceOpener implements AutoCloseable {
    private final OkHttpClient client;

    /** Timeouts: {@code connect} to open a connection, {@code read} between bytes, {@code total} per transfer. */
    public SourceOpener(Duration connect, Duration read, Duration total) {
        this.client = new OkHttpClient.Builder().connectTimeout(connect).readTimeout(read).callTimeout(total)
                .followRedirects(true).build();
    }

    /** With the defaults: 10 s to connect, 30 s between bytes, 5 minutes per transfer (large guides). */
    public SourceOpener() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** Whether the argument names an http(s) URL (otherwise it is a file). */
    public static boolean isUrl(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /**
     * Checks an argument before anything is read: an http(s) URL or something that can be a file path.
     *
     * @throws IllegalArgumentException naming the problem (another scheme, a malformed URL)
     */
    public static void check(String source) {
        if (isUrl(source)) {
            if (HttpUrl.parse(source) == null) {
                throw new IllegalArgumentException("not a valid URL: " + UrlMask.mask(source));
            }
            return;
        }
        int scheme = source.indexOf("://");
        if (scheme > 0) {
            throw new IllegalArgumentException("only files and http(s) URLs can be read, not "
                    + source.substring(0, scheme) + "://");
        }
        try {
            Path.of(source);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file path: " + source);
        }
    }

    /** The bytes of the source, streamed; the caller closes the stream. {@code what}: "playlist" or "guide". */
    public InputStream open(String source, String what) throws ReadException {
        return isUrl(source) ? fetch(source, what) : file(source, what);
    }

    private static InputStream file(String source, String what) throws ReadException {
        Path p = Path.of(source);
        try {
            if (Files.isDirectory(p)) {
                throw new ReadException(new ReadError.Unreadable(what, source + " is a directory"));
            }
            return Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw new ReadException(new ReadError.Unreadable(what, "no such file: " + source), e);
        } catch (AccessDeniedException e) {
            throw new ReadException(new ReadError.Unreadable(what, "permission denied: " + source), e);
        } catch (IOException e) {
            throw new ReadException(new ReadError.Unreadable(what, source + ": " + e.getMessage()), e);
        }
    }

    private InputStream fetch(String url, String what) throws ReadException {
        HttpUrl parsed = HttpUrl.parse(url);
        String masked = UrlMask.mask(url);
        if (parsed == null) {
            throw new ReadException(new ReadError.Unreadable(what, "not a valid URL: " + masked));
        }
        Response response;
        try {
            response = client.newCall(new Request.Builder().url(parsed).build()).execute();
        } catch (UnknownHostException e) {
            throw new ReadException(new ReadError.Unreadable(what, "unknown host " + parsed.host()), e);
        } catch (ConnectException e) {
            throw new ReadException(new ReadError.Unreadable(what, "cannot connect to " + parsed.host() + ":"
                    + parsed.port() + " (" + e.getMessage() + ")"), e);
        } catch (InterruptedIOException e) {
            throw new ReadException(new ReadError.Unreadable(what, "timed out loading " + masked), e);
        } catch (IOException e) {
            throw new ReadException(new ReadError.Unreadable(what, "failed loading " + masked + ": "
                    + e.getClass().getSimpleName()), e);
        }
        if (!response.isSuccessful()) {
            response.close();
            throw new ReadException(new ReadError.Unreadable(what, "HTTP " + response.code() + " from " + masked));
        }
        return response.body().byteStream();
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
