package io.minik8s.apiserver.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made at start, and the
 * TLS context that serves it.
 *
 * <p>Why TLS at all on loopback: client-go, and so kubectl, sends a kubeconfig's bearer token
 * only to an {@code https://} server (clientcmd/client_config.go reads the user's credentials
 * only "if we are secure"). Without TLS every kubectl request would be anonymous. The
 * certificate is its own CA; {@link #pem()} goes into the kubeconfig's {@code
 * certificate-authority-data}, so clients verify it like upstream's self-signed serving cert
 * ({@code --cert-dir}, apiserver.local.config/certificates).
 *
 * <p>The JDK has no public API to create a certificate; its {@code keytool} does, so this runs
 * the keytool next to the running {@code java}.
 */
public final class ServingCertificate {

  private static final char[] PASSWORD = "minik8s".toCharArray();

  private final KeyStore keyStore;
  private final Certificate certificate;

  private ServingCertificate(KeyStore keyStore, Certificate certificate) {
    this.keyStore = keyStore;
    this.certificate = certificate;
  }

  /** Generates a fresh EC P-256 key and a certificate valid for a year. */
  public static ServingCertificate generate() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("minik8s-tls");
      Path file = dir.resolve("serving.p12");
      run(List.of(keytool(), "-genkeypair", "-alias", "apiserver", "-keyalg", "EC",
          "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "365",
          "-dname", "CN=minik8s-apiserver", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
          "-ext", "BC:c=ca:true", "-ext", "KU:c=digitalSignature,keyCertSign",
          "-ext", "EKU=serverAuth", "-storetype", "PKCS12", "-keystore", file.toString(),
          "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        keyStore.load(in, PASSWORD);
      }
      return new ServingCertificate(keyStore, keyStore.getCertificate("apiserver"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a serving certificate: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the serving certificate: " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** The TLS context that presents this certificate. */
  public SSLContext sslContext() {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The certificate, PEM-encoded: what clients trust. */
  public String pem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String keytool() {
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    Path keytool = java.resolveSibling("keytool");
    return Files.isExecutable(keytool) ? keytool.toString() : "keytool";
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary directory left behind holds nothing secret once the server has the key
    }
  }
}
