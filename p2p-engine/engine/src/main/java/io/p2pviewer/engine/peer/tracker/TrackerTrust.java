package io.p2pviewer.engine.peer.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * TLS trust for {@code wss://} trackers: the system's trusted CAs plus the CA certificates of a PEM file the user
 * names ({@code --tracker-ca}), for trackers whose certificate a private CA signed.
 */
public final class TrackerTrust {
    private TrackerTrust() {
    }

    /**
     * An HTTP client derived from {@code base} that trusts the system's CAs and those in {@code pemFile}.
     *
     * @throws IllegalArgumentException naming the file, if it cannot be read or holds no certificate
     */
    public static OkHttpClient trustingAlso(OkHttpClient base, Path pemFile) {
        X509TrustManager trust = trustManager(readCertificates(pemFile));
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            return base.newBuilder().sslSocketFactory(tls.getSocketFactory(), trust).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The X.509 certificates of a PEM (or DER) file. */
    static List<X509Certificate> readCertificates(Path pemFile) {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the tracker CA file " + pemFile + ": " + e, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the tracker CA file " + pemFile + " is not a PEM certificate: "
                    + e.getMessage(), e);
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the tracker CA file " + pemFile + " holds no certificate");
        }
        return out;
    }

    /** Trusts a chain if the system's CAs or the given ones do. */
    private static X509TrustManager trustManager(List<X509Certificate> extra) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < extra.size(); i++) {
                store.setCertificateEntry("tracker-ca-" + i, extra.get(i));
            }
            X509TrustManager named = x509(store);
            X509TrustManager system = x509(null);
            return new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    system.checkClientTrusted(chain, authType);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    try {
                        named.checkServerTrusted(chain, authType);
                    } catch (CertificateException e) {
                        system.checkServerTrusted(chain, authType);
                    }
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    List<X509Certificate> all = new ArrayList<>(List.of(system.getAcceptedIssuers()));
                    all.addAll(extra);
                    return all.toArray(X509Certificate[]::new);
                }
            };
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager m : f.getTrustManagers()) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }
}
