package io.github.insignia.openbadges.baking;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A badge taken out of an image, exactly as stored. Nothing has been fetched or verified: hand the
 * payload to the validation module for that.
 *
 * @param format the image format, detected from the content
 * @param container where the badge was: for PNG the chunk type and keyword ({@code iTXt
 *     openbadgecredential}, {@code tEXt openbadges}); for SVG the element's expanded name ({@code
 *     {https://purl.imsglobal.org/ob/v3p0}credential})
 * @param declaredVersion the version the container implies (keyword or namespace)
 * @param version the version the payload says it is, or {@code declaredVersion} when the payload
 *     does not tell (a URL, broken JSON)
 * @param kind what the payload looks like
 * @param payload the stored text, exactly: for PNG the chunk text (inflated if compressed); for SVG
 *     the element's character data without the surrounding literal white space, or the {@code
 *     verify} attribute when the element has no content
 * @param verifyAttribute the SVG {@code verify} attribute, when there is one
 * @param warnings what was tolerated while reading (a bad CRC under {@link CrcPolicy#WARN}, bytes
 *     after IEND, a compressed iTXt chunk), for reports
 */
public record UnbakedBadge(
    ImageFormat format,
    String container,
    BadgeVersion declaredVersion,
    BadgeVersion version,
    PayloadKind kind,
    String payload,
    Optional<String> verifyAttribute,
    List<String> warnings) {

  /** Checks the components and copies the warnings. */
  public UnbakedBadge {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(declaredVersion, "declaredVersion");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(verifyAttribute, "verifyAttribute");
    warnings = List.copyOf(warnings);
  }
}
