package io.github.insignia.openbadges.cli.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningDemoTest {
  @TempDir Path tmp;

  @Test
  void signsAndLeavesResultsWhenTheModelStepLeftNothing() throws Exception {
    DemoContext context = new DemoContext(tmp, new PrintWriter(new StringWriter()));
    new SigningDemo().run(context);
    String signed = context.require(DemoContext.OB3_SIGNED_DI, String.class);
    DataIntegrity.create().verifier(IssuerKeys.offline(), VerificationPolicy.defaults()).verify(SafeJson.read(signed));
    VcJwt.verifier(IssuerKeys.offline(), VerificationPolicy.defaults()).verify(context.require(DemoContext.OB3_JWT, String.class));
    assertTrue(context.require(DemoContext.OB2_JWS, String.class).startsWith("eyJhbGciOiJSUzI1NiJ9."));
    assertTrue(context.require(DemoContext.ISSUER_KEY_JWK, String.class).contains("\"d\""));
    for (String file : new String[] {"issuer-key.jwk", "credential-signed.json", "credential.jwt", "ob2-assertion.jws",
        "did.json", "jwks.json"}) {
      assertTrue(Files.exists(tmp.resolve(file)), file);
    }
    assertTrue(!Files.readString(tmp.resolve("did.json")).contains("\"d\""));
    assertTrue(!Files.readString(tmp.resolve("jwks.json")).contains("\"d\""));
  }
}
