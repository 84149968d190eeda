package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.UrlMask;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel logos: fetched with OkHttp on its own threads, kept on disk under {@code <cache>/logos} (one file per
 * URL, named by its SHA-256) and in memory as small decoded images, at most {@link #MEMORY_ENTRIES} of them
 * (least recently used dropped). A logo that cannot be fetched or decoded is remembered as failed for this run,
 * and the caller keeps its placeholder.
 *
 * <p>Threading: {@link #cached} and {@link #request} on the FX thread; fetching, file I/O and decoding on the
 * {@code channel-logos} threads (newest request first, so the rows on screen come before those scrolled past);
 * callbacks on the FX thread. Never blocks the caller.
 */
public final class LogoCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogoCache.class);
    /** Decoded logos kept in memory (a 32x32 image is about 4 KiB). */
    public static final int MEMORY_ENTRIES = 1000;
    /** Larger downloads are not logos. */
    static final int MAX_BYTES = 1 << 20;

    private final Path dir;
    private final double size;
    /** Built by the first download, on a logo thread. */
    private volatile OkHttpClient client;
    private final ExecutorService workers;
    private final io.p2pviewer.app.ui.UiThread ui;
    private final Map<String, Image> memory = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };
    private final Map<String, List<Consumer<Image>>> waiting = new HashMap<>();
    private final Set<String> failed = new HashSet<>();

    /** Logos under {@code cacheDir/logos}, decoded to {@code size} x {@code size} pixels at most. */
    public LogoCache(Path cacheDir, double size, io.p2pviewer.app.ui.UiThread ui) {
        this.dir = cacheDir.resolve("logos");
        this.size = size;
        this.ui = ui;
        this.workers = new ThreadPoolExecutor(3, 3, 30, TimeUnit.SECONDS, new LinkedBlockingDeque<>() {
            @Override
            public boolean offer(Runnable r) {
                return offerFirst(r); // newest first: the rows on screen now
            }
        }, r -> {
            Thread t = new Thread(r, "channel-logos");
            t.setDaemon(true);
            return t;
        });
        ((ThreadPoolExecutor) workers).allowCoreThreadTimeOut(true);
    }

    /** The logo if it is in memory, else null. FX thread. */
    public Image cached(String url) {
        return url == null ? null : memory.get(url);
    }

    /**
     * Loads {@code url} (disk, else network) unless it is in memory or failed before; {@code done} gets the image
     * on the FX thread when it loads, and is not called on failure. FX thread.
     */
    public void request(String url, Consumer<Image> done) {
        if (url == null || url.isBlank() || failed.contains(url)) {
            return;
        }
        Image hit = memory.get(url);
        if (hit != null) {
            done.accept(hit);
            return;
        }
        List<Consumer<Image>> list = waiting.get(url);
        if (list != null) {
            list.add(done);
            return;
        }
        waiting.put(url, new java.util.ArrayList<>(List.of(done)));
        workers.execute(() -> {
            Image img = load(url);
            ui.execute(() -> {
                List<Consumer<Image>> callbacks = waiting.remove(url);
                if (img == null) {
                    failed.add(url);
                    return;
                }
                memory.put(url, img);
                if (callbacks != null) {
                    callbacks.forEach(c -> c.accept(img));
                }
            });
        });
    }

    /** Logo threads: the decoded logo, or null when it cannot be had. */
    private Image load(String url) {
        Path file = dir.resolve(sha256(url));
        try {
            byte[] bytes = Files.isRegularFile(file) ? Files.readAllBytes(file) : download(url, file);
            if (bytes == null) {
                return null;
            }
            Image img = new Image(new ByteArrayInputStream(bytes), size, size, true, true);
            if (img.isError()) {
                log.debug("logo {} is not an image", UrlMask.mask(url));
                return null;
            }
            return img;
        } catch (IOException | RuntimeException e) {
            log.debug("logo {} failed: {}", UrlMask.mask(url), e.getClass().getSimpleName());
            return null;
        }
    }

    private byte[] download(String url, Path file) throws IOException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return null;
        }
        try (Response r = client().newCall(new Request.Builder().url(parsed).build()).execute()) {
            if (!r.isSuccessful() || r.body().contentLength() > MAX_BYTES) {
                log.debug("logo {}: HTTP {}", UrlMask.mask(url), r.code());
                return null;
            }
            byte[] bytes;
            try (InputStream in = r.body().byteStream()) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                return null;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "logo", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return bytes;
        }
    }

    private synchronized OkHttpClient client() {
        if (client == null) {
            client = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                    .readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(20)).build();
        }
        return client;
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        OkHttpClient c = client;
        if (c != null) {
            c.dispatcher().executorService().shutdown();
            c.connectionPool().evictAll();
        }
    }
}
