package io.p2pviewer.testing;

import io.p2pviewer.testing.NpmTestProject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The npm bittorrent-tracker server (p2p-engine/testing/npm/bittorrent-tracker) run with node for integration tests.
 * Installs its node_modules when they are missing ({@link NpmTestProject}).
 */
public final class NodeTrackerProcess implements AutoCloseable {
    private static final NpmTestProject PROJECT = NpmTestProject.of("bittorrent-tracker");
    private static final Path DIR = PROJECT.dir();

    private final Process process;
    private final int port;
    private final String host;

    private NodeTrackerProcess(Process process, int port, String host) {
        this.host = host;
        this.process = process;
        this.port = port;
    }

    /** Installs the locked npm packages unless they are there already. */
    public static void ensureInstalled() throws IOException, InterruptedException {
        PROJECT.ensureInstalled("node_modules/bittorrent-tracker/server.js");
    }

    /**
     * Starts the tracker on 127.0.0.1 and waits until it listens.
     *
     * @param port the port, 0 for an ephemeral one
     */
    public static NodeTrackerProcess start(int port) throws IOException, InterruptedException {
        return start(port, "127.0.0.1");
    }

    /** Starts the tracker on the given address (e.g. a test namespace's host side) and waits until it listens. */
    public static NodeTrackerProcess start(int port, String host) throws IOException, InterruptedException {
        ensureInstalled();
        Process p = new ProcessBuilder("node", "server.mjs", Integer.toString(port), host)
                .directory(DIR.toFile()).redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("listening ")) {
                        listening.complete(Integer.parseInt(line.substring("listening ".length()).trim()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IOException("node exited: " + lines));
        }, "node-tracker-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int bound = listening.get(30, TimeUnit.SECONDS);
            return new NodeTrackerProcess(p, bound, host);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("bittorrent-tracker did not start: " + lines, e);
        }
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("ws://" + host + ":" + port);
    }

    /** Kills the process at once (SIGKILL): the tracker vanishes as in a crash. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(10);
    }

    /** Stops the process (SIGTERM, then SIGKILL after 5 s). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(5)) {
                kill();
            }
        }
    }

    private boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
