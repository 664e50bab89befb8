package io.github.insignia.openbadges.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SmokeTest {
  static Path shared(String... parts) {
    return Path.of(System.getProperty("insignia.shared"), parts);
  }

  @Test
  void smoke() throws Exception {
    BadgeVerifier v = BadgeVerifier.create(VerificationOptions.builder().offline(true).build());
    for (String f : new String[] {"vectors/eddsa-vectors/ob-spec-obv3p0/credential-signed.json",
        "vectors/ob3/ob-spec-examples/examples-02.json", "vectors/ob2/ob-spec-examples/examples-index-01.json",
        "vectors/baked/ob3-spec/docformat-example-embedded-proof.svg", "vectors/baked/mozilla-bakery/baked.svg",
        "vectors/ob2/ob-spec-examples/signed-badge-example.jws"}) {
      VerificationReport r = v.verify(Files.readAllBytes(shared(f.split("/"))));
      System.out.println("== " + f);
      System.out.println(r.toJson());
    }
  }
}
