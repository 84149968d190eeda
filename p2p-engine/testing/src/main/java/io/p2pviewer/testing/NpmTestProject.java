package io.p2pviewer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An npm project the tests run, under {@code p2p-engine/testing/npm/} (bittorrent-tracker's server, the browser viewer
 * page), found from any module's directory by walking up to the repository's root. {@link #ensureInstalled} installs its locked
 * packages with {@code npm ci --ignore-scripts} when they are missing, so a fresh checkout needs no extra step.
 * Thread-safe; installing blocks (up to 5 minutes).
 *
 * @param dir the project folder (holds package.json and package-lock.json)
 */
public record NpmTestProject(Path dir) {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));

    private static final String PROJECTS = "p2p-engine/testing/npm";

    /** The project at {@code p2p-engine/testing/npm/<name>}: {@code bittorrent-tracker} or {@code browser}. */
    public static NpmTestProject of(String name) {
        for (Path dir = BASEDIR.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(PROJECTS))) {
                return new NpmTestProject(dir.resolve(PROJECTS).resolve(name));
            }
        }
        throw new IllegalStateException("no " + PROJECTS + " above " + BASEDIR.toAbsolutePath());
    }

    /**
     * Runs {@code npm ci --ignore-scripts} unless {@code installedFile} (relative to the project) exists; the output
     * goes to {@code target/npm-ci-<project>.log} of the module under test.
     *
     * @throws IOException if npm fails or takes more than 5 minutes (the message holds its output)
     */
    public void ensureInstalled(String installedFile) throws IOException, InterruptedException {
        synchronized (NpmTestProject.class) {
            if (Files.isRegularFile(dir.resolve(installedFile))) {
                return;
            }
            Path log = Files.createDirectories(BASEDIR.resolve("target"))
                    .resolve("npm-ci-" + dir.getFileName() + ".log");
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IOException("npm ci in " + dir + " did not finish in 5 minutes; see " + log);
            }
            if (npm.exitValue() != 0) {
                throw new IOException("npm ci in " + dir + " failed (" + npm.exitValue() + "): "
                        + Files.readString(log));
            }
        }
    }
}
