package io.github.insignia.openbadges.benchmarks;

import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.BadgePayload;
import io.github.insignia.openbadges.baking.UnbakedBadge;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Baking and unbaking against a copy floor and a decode/re-encode, in one run.
 *
 * <ul>
 *   <li>{@code bake}: {@link BadgeBaker#bake(byte[], BadgePayload)} of a ~1.3 KB OB 3.0 credential.
 *   <li>{@code unbake}: {@link BadgeBaker#unbake(byte[])} of the baked image.
 *   <li>{@code copyFloor}: what any baker must at least do: {@code System.arraycopy} the image and
 *       the new chunk into a new array and CRC the chunk.
 *   <li>{@code imageIoReencode}: what a naive baker does: ImageIO decode and re-encode (PNG); for
 *       the SVG a DOM parse and serialisation.
 * </ul>
 *
 * <p>Images are generated in {@code @Setup}: {@code png256} 256×256 (~43 KB) and {@code png2048}
 * 2048×2048 (~4 MB), with noisy pixels so that they do not compress away; {@code svg} ~110 KB of
 * paths. Run: {@code java -jar openbadges-benchmarks/target/benchmarks.jar BakingBenchmark -f 1 -wi
 * 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BakingBenchmark {
  static final String CREDENTIAL =
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
          + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
          + "\"id\":\"urn:uuid:7f3a5c2e-2b1d-4c7e-9a61-5d0b8e4f1a23\","
          + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
          + "\"issuer\":{\"id\":\"https://example.edu/issuers/565049\",\"type\":[\"Profile\"],\"name\":\"Example University\"},"
          + "\"validFrom\":\"2026-11-28T00:00:00Z\",\"name\":\"Benchmark badge\","
          + "\"credentialSubject\":{\"type\":[\"AchievementSubject\"],\"identifier\":[{\"type\":\"IdentityObject\","
          + "\"identityHash\":\"sha256$b5c9b4c3b5f2b6f7bde5b1c8a4a8c1f1f2e3d4c5b6a7980112233445566778899\","
          + "\"identityType\":\"emailAddress\",\"hashed\":true,\"salt\":\"pepper\"}],"
          + "\"achievement\":{\"id\":\"https://example.edu/achievements/1\",\"type\":[\"Achievement\"],"
          + "\"name\":\"Benchmark badge\",\"description\":\"Awarded for sitting through a benchmark.\","
          + "\"criteria\":{\"narrative\":\"Run the benchmark.\"}}},"
          + "\"proof\":[{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\","
          + "\"created\":\"2026-11-28T00:00:00Z\",\"verificationMethod\":\"https://example.edu/issuers/565049#key-1\","
          + "\"proofPurpose\":\"assertionMethod\",\"proofValue\":\"z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTF"
          + "ehP8c3PGfb6a22gkfUKKoSvGhDeGWaxUT1Xe7ixUXDg9L4sE3HyCbTKoAvY\"}]}";

  @Param({"png256", "png2048", "svg"})
  public String image;

  private final BadgeBaker baker = BadgeBaker.create();
  private BadgePayload payload;
  private byte[] bytes;
  private byte[] baked;
  private byte[] chunk;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    payload = BadgePayload.of(CREDENTIAL);
    bytes = switch (image) {
      case "png256" -> png(256, 0x010101);
      case "png2048" -> png(2048, 0x010303);
      case "svg" -> svg(1500);
      default -> throw new IllegalArgumentException(image);
    };
    baked = baker.bake(bytes, payload);
    // The new chunk as the baker writes it: length, type, data, CRC.
    chunk = new byte[baked.length - bytes.length];
    System.arraycopy(baked, image.equals("svg") ? 0 : 33, chunk, 0, chunk.length);
  }

  @Benchmark
  public byte[] bake() {
    return baker.bake(bytes, payload);
  }

  @Benchmark
  public UnbakedBadge unbake() {
    return baker.unbake(baked);
  }

  @Benchmark
  public byte[] copyFloor() {
    byte[] out = new byte[bytes.length + chunk.length];
    System.arraycopy(bytes, 0, out, 0, 33);
    System.arraycopy(chunk, 0, out, 33, chunk.length);
    System.arraycopy(bytes, 33, out, 33 + chunk.length, bytes.length - 33);
    CRC32 crc = new CRC32();
    crc.update(chunk, 4, chunk.length - 8);
    out[33 + chunk.length - 1] = (byte) crc.getValue();
    return out;
  }

  @Benchmark
  public Object imageIoReencode() throws Exception {
    if (image.equals("svg")) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
      StringWriter out = new StringWriter();
      TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
      return out.toString();
    }
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 1024);
    ImageIO.write(decoded, "png", out);
    return out.toByteArray();
  }

  /** A square PNG: a disc on a background, with random low bits so that it does not compress away. */
  static byte[] png(int size, int noiseMask) throws IOException {
    BufferedImage im = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(size);
    int r2 = size * size / 5;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int dx = x - size / 2;
        int dy = y - size / 2;
        int base = dx * dx + dy * dy < r2 ? 0x1e5aa0 : 0xf2c14e;
        im.setRGB(x, y, base ^ (random.nextInt() & noiseMask));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(im, "png", out);
    return out.toByteArray();
  }

  /** An SVG of many paths. */
  static byte[] svg(int paths) {
    Random random = new Random(paths);
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n");
    for (int i = 0; i < paths; i++) {
      s.append("  <path fill=\"#").append(String.format("%06x", random.nextInt(0xffffff))).append("\" d=\"M")
          .append(random.nextInt(256)).append(',').append(random.nextInt(256)).append(" L")
          .append(random.nextInt(256)).append(',').append(random.nextInt(256)).append(" L")
          .append(random.nextInt(256)).append(',').append(random.nextInt(256)).append(" Z\"/>\n");
    }
    return s.append("</svg>\n").toString().getBytes(StandardCharsets.UTF_8);
  }
}
