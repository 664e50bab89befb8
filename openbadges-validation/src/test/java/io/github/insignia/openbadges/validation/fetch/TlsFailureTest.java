package io.github.insignia.openbadges.validation.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Real TLS handshakes against a loopback HTTPS server with a certificate made by the test. */
class TlsFailureTest {
  record Served(HttpsServer server, X509Certificate certificate) implements AutoCloseable {
    URI url() {
      return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/doc");
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  static Served serve(GeneralName san) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    KeyPair pair = g.generateKeyPair();
    X500Name name = new X500Name("CN=insignia-test");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("k", pair.getPrivate(), "pw".toCharArray(), new java.security.cert.Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "pw".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx));
    server.createContext("/doc", ex -> {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    return new Served(server, cert);
  }

  static SSLContext trusting(X509Certificate cert) throws Exception {
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    ts.setCertificateEntry("c", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  static HttpResourceFetcher.Builder fetcher() {
    return HttpResourceFetcher.builder().allowPrivateNetwork(true).totalTimeout(Duration.ofSeconds(5));
  }

  @Test
  void unknownCertificateAuthority() throws Exception {
    try (Served s = serve(new GeneralName(GeneralName.iPAddress, "127.0.0.1"))) {
      FetchException e = assertThrows(FetchException.class, () -> fetcher().build().fetch(s.url()));
      assertEquals(FetchProblem.TLS_FAILURE, e.problem());
      assertEquals("UNTRUSTED_CHAIN", e.detail().orElseThrow());
    }
  }

  @Test
  void certificateForAnotherHost() throws Exception {
    try (Served s = serve(new GeneralName(GeneralName.dNSName, "other.example"))) {
      FetchException e = assertThrows(FetchException.class,
          () -> fetcher().sslContext(trusting(s.certificate())).build().fetch(s.url()));
      assertEquals(FetchProblem.TLS_FAILURE, e.problem());
      assertEquals("HOSTNAME_MISMATCH", e.detail().orElseThrow());
    }
  }

  @Test
  void trustedCertificateWorks() throws Exception {
    try (Served s = serve(new GeneralName(GeneralName.iPAddress, "127.0.0.1"))) {
      assertEquals(200, fetcher().sslContext(trusting(s.certificate())).build().fetch(s.url()).requireJson().status());
    }
  }
}
