package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.JsonText;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code insignia sign}: signs an OB 3.0 credential as a Data Integrity proof ({@code di}) or a
 * VC-JWT ({@code jwt}), or an OB 2.0 assertion as a JWS ({@code ob2-jws}); the signed result goes
 * to stdout.
 */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign a badge; the signed output goes to stdout.",
      "  di       OB 3.0 credential + DataIntegrityProof (eddsa-rdfc-2022 with Ed25519, ecdsa-rdfc-2019 with P-256/P-384)",
      "  jwt      OB 3.0 credential as a compact VC-JWT (EdDSA, ES256, RS256)",
      "  ob2-jws  OB 2.0 assertion as a compact JWS (RS256, ES256, EdDSA)",
      "KEYFILE: a private JWK, a PKCS#8 (or PKCS#1/SEC1) PEM, or a Multikey JSON with publicKeyMultibase",
      "and secretKeyMultibase. The verification method is --verification-method, else the key file's",
      "verificationMethod/id (Multikey) or kid (JWK), else the did:key of an Ed25519 or P-256 key.",
      "For ob2-jws it is the CryptographicKey URL (verification.creator), by default the assertion's own."
    })
final class SignCommand implements Callable<Integer> {
  /** Key files are small; anything larger is not a key. */
  private static final int MAX_KEY_FILE = 64 * 1024;

  @Spec CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "The private key.")
  Path keyFile;

  @Option(names = "--format", required = true, paramLabel = "di|jwt|ob2-jws", description = "Proof format.")
  String format;

  @Option(names = "--created", paramLabel = "INSTANT",
      description = "The proof's created time (di only), e.g. 2010-01-01T19:23:24Z; default now.")
  String created;

  @Option(names = "--verification-method", paramLabel = "URI", description = "The verification method (kid, creator).")
  String verificationMethod;

  @Parameters(index = "0", paramLabel = "FILE", description = "The credential or assertion JSON ('-' for stdin).")
  String file;

  @Override
  public Integer call() {
    if (!format.equals("di") && !format.equals("jwt") && !format.equals("ob2-jws")) {
      throw new ParameterException(spec.commandLine(), "--format must be di, jwt or ob2-jws, not " + format);
    }
    if (created != null && !format.equals("di")) {
      throw new ParameterException(spec.commandLine(), "--created applies to --format di only");
    }
    Optional<Instant> createdAt = Optional.ofNullable(created).map(this::instant);
    String keyText = readKeyFile();
    SigningKey key = Keys.parsePrivateKey(keyText);
    Optional<String> declared = Optional.ofNullable(verificationMethod).or(() -> Keys.declaredVerificationMethod(keyText));
    JsonNode document = readDocument();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "di" -> {
        requireCredential(document);
        ProofOptions.Builder options = ProofOptions.builder(vm(declared, key));
        createdAt.ifPresent(options::created);
        out.print(prettyJson(DataIntegrity.create().sign(document, key, options.build())));
      }
      case "jwt" -> {
        requireCredential(document);
        out.println(VcJwt.sign(document, key, vm(declared, key)));
      }
      default -> {
        if (!document.isObject() || !(document.has("recipient") || document.has("badge"))) {
          throw new NotABadgeException(CliErrorCode.NOT_AN_ASSERTION, "the input is not an OB 2.0 assertion");
        }
        Optional<String> creator = Optional.ofNullable(verificationMethod)
            .or(() -> text(document.path("verification").get("creator")))
            .or(() -> Keys.declaredVerificationMethod(keyText));
        out.println(Ob2Jws.sign(document, key, creator.orElseThrow(() -> new InvalidInputException(
            CliErrorCode.KEY_NO_VERIFICATION_METHOD, "ob2-jws needs the CryptographicKey URL: --verification-method URI"))));
      }
    }
    out.flush();
    return InsigniaCommand.EXIT_OK;
  }

  private static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static String vm(Optional<String> declared, SigningKey key) {
    if (declared.isPresent()) {
      return declared.get();
    }
    if (key.keyType() == KeyType.RSA) {
      throw new InvalidInputException(CliErrorCode.KEY_NO_VERIFICATION_METHOD,
          "an RSA key has no did:key: give --verification-method URI (or a kid in the JWK)");
    }
    return key.publicKey().didKeyVerificationMethod();
  }

  private static void requireCredential(JsonNode document) {
    if (!document.isObject() || !document.has("@context") || !document.has("type")) {
      throw new NotABadgeException(CliErrorCode.NOT_A_CREDENTIAL, "the input is not an OB 3.0 credential (no @context or type)");
    }
  }

  private Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "--created must be an instant like 2010-01-01T19:23:24Z, not " + text);
    }
  }

  private String readKeyFile() {
    try (InputStream in = Files.newInputStream(keyFile)) {
      byte[] bytes = in.readNBytes(MAX_KEY_FILE + 1);
      if (bytes.length > MAX_KEY_FILE) {
        throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the key file is larger than " + MAX_KEY_FILE + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode readDocument() {
    if (file.equals("-")) {
      return SafeJson.read(System.in, io.github.insignia.openbadges.json.JsonLimits.defaults());
    }
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return SafeJson.read(in, io.github.insignia.openbadges.json.JsonLimits.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON as {@code JSON.stringify(value, null, 2)} writes it (the vectors' form), with a final newline. */
  static String prettyJson(JsonNode node) {
    return JsonText.pretty(node);
  }
}
