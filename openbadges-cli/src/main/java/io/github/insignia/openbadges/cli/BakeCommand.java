package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.baking.BakingErrorCode;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.BadgePayload;
import io.github.insignia.openbadges.baking.BakingException;
import io.github.insignia.openbadges.baking.ImageFormat;
import io.github.insignia.openbadges.baking.ImageInspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code insignia bake --image IMG --badge FILE [--out OUT]}: bakes the badge in FILE (an OB 3.0
 * credential JSON or VC-JWT, an OB 2.0 assertion JSON, signed JWS or hosted URL; surrounding white
 * space is dropped) into the PNG or SVG image, writes OUT (default: {@code NAME-baked.EXT} next to
 * the image) atomically and prints its path. The input image is never changed.
 */
@Command(
    name = "bake",
    mixinStandardHelpOptions = true,
    description = {
      "Bake a badge into a PNG or SVG image.",
      "The badge file holds an OB 3.0 credential (JSON or VC-JWT) or an OB 2.0 assertion (JSON, signed JWS or"
          + " hosted URL); its version picks the PNG keyword / SVG element. Prints the path written."
    })
final class BakeCommand implements Callable<Integer> {
  @Option(names = "--image", required = true, paramLabel = "IMG", description = "The PNG or SVG image.")
  Path image;

  @Option(names = "--badge", required = true, paramLabel = "FILE", description = "The badge to bake (UTF-8 text).")
  Path badge;

  @Option(names = "--out", paramLabel = "OUT", description = "Where to write the baked image (default: NAME-baked.EXT next to IMG).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    BadgeBaker baker = BadgeBaker.create();
    BadgePayload payload = BadgePayload.of(readBadge(baker.options().maxPayloadBytes()));
    Path target = out != null ? out : defaultOut();
    baker.bake(image, payload, target);
    spec.commandLine().getOut().println(target);
    spec.commandLine().getOut().flush();
    return InsigniaCommand.EXIT_OK;
  }

  private String readBadge(int maxBytes) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(badge)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > maxBytes) {
      throw new BakingException(BakingErrorCode.PAYLOAD_TOO_LARGE,
          "the badge file " + badge + " is larger than the limit of " + maxBytes + " bytes");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BakingException(BakingErrorCode.TEXT_ENCODING_INVALID, "the badge file " + badge + " is not UTF-8", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.strip();
  }

  /** NAME-baked.EXT next to the image, the extension from the detected format. */
  private Path defaultOut() {
    ImageFormat format;
    try (InputStream in = Files.newInputStream(image)) {
      format = ImageInspector.detect(in.readNBytes(64));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = image.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return image.resolveSibling(base + "-baked." + format.extension());
  }
}
