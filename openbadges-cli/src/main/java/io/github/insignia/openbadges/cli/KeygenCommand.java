package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code insignia keygen}: generates an issuer key, writes the private key as a JWK to {@code --out}
 * (default {@code issuer-key.jwk}; owner-only permissions, never overwriting an existing file) and
 * prints the public key's {@code did:key} (Ed25519, P-256) or JWK thumbprint (RSA) on stdout, so
 * that {@code DID=$(insignia keygen --type ed25519)} works. {@code --out -} sends the private JWK
 * to stdout instead, for piping into a secret store; the public id then goes to stderr.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate an issuer key.",
      "Writes the private key as a JWK to --out (default issuer-key.jwk; mode 600, never overwritten)",
      "and prints the public key's did:key (ed25519, p256) or JWK thumbprint (rsa) on stdout.",
      "--out - prints the private JWK on stdout instead, and the did:key or thumbprint on stderr."
    })
final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--type", required = true, paramLabel = "ed25519|p256|p384|rsa",
      description = "Key type: ed25519, p256, p384 or rsa (3072 bits).")
  String type;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to write the private JWK (default: ${DEFAULT-VALUE}; - for stdout).")
  String out = "issuer-key.jwk";

  @Override
  public Integer call() {
    KeyType keyType = switch (type.toLowerCase(Locale.ROOT)) {
      case "ed25519" -> KeyType.ED25519;
      case "p256", "p-256" -> KeyType.P256;
      case "p384", "p-384" -> KeyType.P384;
      case "rsa" -> KeyType.RSA;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--type must be ed25519, p256, p384 or rsa, not " + type);
    };
    SigningKey key = SigningKey.generate(keyType);
    String jwk = SignCommand.prettyJson(key.toPrivateJwk());
    String publicId = key.publicKey().hasMultikeyForm() ? key.publicKey().didKey() : key.publicKey().thumbprint();
    PrintWriter stdout = spec.commandLine().getOut();
    if (out.equals("-")) {
      stdout.print(jwk);
      stdout.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println(publicId);
      err.flush();
    } else {
      Path file = Path.of(out);
      writePrivate(file, jwk);
      stdout.println(publicId);
      PrintWriter err = spec.commandLine().getErr();
      err.println("wrote the private key to " + file + " (keep it secret)");
      err.flush();
      stdout.flush();
    }
    return InsigniaCommand.EXIT_OK;
  }

  /** Writes through a temporary owner-only file in the same folder, then moves it into place. */
  static void writePrivate(Path target, String text) {
    if (Files.exists(target)) {
      throw new InvalidInputException(CliErrorCode.KEY_FILE_EXISTS, "refusing to overwrite " + target);
    }
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      try {
        tmp = Files.createTempFile(dir, ".insignia-key", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        tmp = Files.createTempFile(dir, ".insignia-key", ".tmp");
      }
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (FileAlreadyExistsException e) {
      throw new InvalidInputException(CliErrorCode.KEY_FILE_EXISTS, "refusing to overwrite " + target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file holds the key and is owner-only
        }
      }
    }
  }
}
