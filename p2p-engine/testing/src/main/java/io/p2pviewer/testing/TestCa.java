package io.p2pviewer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority made for one test, and a server certificate for 127.0.0.1 signed by it, made with the
 * JDK's keytool (its key stores under the folder given to {@link #create}): for a TLS server that only clients
 * trusting this CA accept. Files only, so it may be shared across threads.
 *
 * @param caPem the CA's certificate (PEM), what a client is told to trust
 * @param serverStore PKCS12 key store holding the server's key and certificate chain
 */
public record TestCa(Path caPem, Path serverStore) {
    private static final String PASSWORD = "test-only";

    /** Makes the CA and the server certificate in {@code dir}. */
    public static TestCa create(Path dir) throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path caPem = dir.resolve("ca.pem");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-file", caPem.toString(), "-keystore", ca.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-validity", "2", "-keystore", server.toString());
        keytool("-certreq", "-alias", "server", "-file", csr.toString(), "-keystore", server.toString());
        keytool("-gencert", "-alias", "ca", "-rfc", "-infile", csr.toString(), "-outfile", serverPem.toString(),
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", ca.toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(),
                "-keystore", server.toString());
        keytool("-importcert", "-alias", "server", "-file", serverPem.toString(), "-keystore", server.toString());
        return new TestCa(caPem, server);
    }

    /** A server-side TLS context presenting the certificate signed by this CA. */
    public SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}
