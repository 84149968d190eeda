package io.p2pviewer.engine.peer.tracker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The npm bittorrent-tracker server (src/test/node/bittorrent-tracker) run with node for integration tests.
 * Installs its node_modules with {@code npm ci --ignore-scripts} when they are missing, so a fresh checkout
 * needs no extra step.
 */
public final class NodeTrackerProcess implements AutoCloseable {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    /** The npm project; found from the p2p-engine module and from its siblings (the app's swarm tests). */
    private static final Path DIR = java.nio.file.Files.isDirectory(BASEDIR.resolve("src/test/node/bittorrent-tracker"))
            ? BASEDIR.resolve("src/test/node/bittorrent-tracker")
            : BASEDIR.resolve("../p2p-engine/src/test/node/bittorrent-tracker").normalize();

    private final Process process;
    private final int port;
    private final String host;

    private NodeTrackerProcess(Process process, int port, String host) {
        this.host = host;
        this.process = process;
        this.port = port;
    }

    /** Installs the locked npm packages unless they are there already. */
    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isRegularFile(DIR.resolve("node_modules/bittorrent-tracker/server.js"))) {
            return;
        }
        Path log = Files.createDirectories(BASEDIR.resolve("target")).resolve("npm-ci-bittorrent-tracker.log");
        Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new IOException("npm ci did not finish in 5 minutes; see " + log);
        }
        if (npm.exitValue() != 0) {
            throw new IOException("npm ci failed (" + npm.exitValue() + "): " + Files.readString(log));
        }
    }

    /**
     * Starts the tracker on 127.0.0.1 and waits until it listens.
     *
     * @param port the port, 0 for an ephemeral one
     */
    static NodeTrackerProcess start(int port) throws IOException, InterruptedException {
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
    void kill() {
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
