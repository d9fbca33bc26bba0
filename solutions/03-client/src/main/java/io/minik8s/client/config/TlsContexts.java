package io.minik8s.client.config;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS side of a {@link ClientConfig}: which server certificates to trust.
 *
 * <p>A kubeconfig's {@code certificate-authority-data} is the PEM of the CA the server's
 * certificate chains to (for our API server, its self-signed certificate itself). It goes into an
 * in-memory {@link KeyStore} of trusted X.509 entries, from which a {@link TrustManagerFactory}
 * builds the usual checks (chain, validity, host name), as client-go's
 * {@code transport.TLSConfigFor} builds a {@code x509.CertPool}.
 */
public final class TlsContexts {

  private TlsContexts() {}

  /** The context for {@code config}: its CA, trust-all when insecure, else the JDK's defaults. */
  public static SSLContext forConfig(ClientConfig config) {
    if (config.insecureSkipTlsVerify()) {
      return trustAll();
    }
    if (config.caCertificatePem() != null) {
      return trusting(config.caCertificatePem());
    }
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no default TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * Trusts exactly the certificates in {@code pem} (one or more {@code BEGIN CERTIFICATE} blocks).
   *
   * @throws ConfigException if {@code pem} holds no readable certificate
   */
  public static SSLContext trusting(String pem) {
    try {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certificates.isEmpty()) {
        throw new ConfigException("the certificate authority holds no PEM certificate");
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        trusted.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new ConfigException("the certificate authority is not a PEM X.509 certificate: "
          + e.getMessage(), e);
    }
  }

  /**
   * Trusts any certificate for any host: {@code insecure-skip-tls-verify}, for tests and labs
   * only. An {@link X509ExtendedTrustManager} is asked to check the host name itself, so this one
   * skips that check too (a plain {@code X509TrustManager} would be wrapped with the JDK's).
   */
  public static SSLContext trustAll() {
    TrustManager all = new X509ExtendedTrustManager() {
      @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
      @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
      @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {}
      @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {}
      @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}
      @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}
      @Override public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {all}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
    }
  }
}
