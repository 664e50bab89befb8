package io.github.insignia.openbadges.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a learner downloads for one award: the credential JSON, the compact VC-JWT, the baked PNG
 * and SVG, the LinkedIn "Add to profile" link and share links. Immutable; each part is present
 * when the issuer produced it.
 */
public final class DownloadPack {
  private final Optional<String> json;
  private final Optional<String> jwt;
  private final byte[] png;
  private final Optional<String> svg;
  private final Optional<URI> linkedIn;
  private final Optional<URI> publicPage;
  private final Map<String, URI> shareLinks;

  DownloadPack(String json, String jwt, byte[] png, String svg, URI linkedIn, URI publicPage, Map<String, URI> shareLinks) {
    this.json = Optional.ofNullable(json);
    this.jwt = Optional.ofNullable(jwt);
    this.png = png;
    this.svg = Optional.ofNullable(svg);
    this.linkedIn = Optional.ofNullable(linkedIn);
    this.publicPage = Optional.ofNullable(publicPage);
    this.shareLinks = Map.copyOf(Objects.requireNonNull(shareLinks, "shareLinks"));
  }

  /** The OB 3.0 credential JSON ({@code badge.json}), with its embedded proof when one was made. */
  public Optional<String> json() {
    return json;
  }

  /** The compact VC-JWT ({@code badge.jwt}). */
  public Optional<String> jwt() {
    return jwt;
  }

  /** The baked PNG ({@code badge.png}), a copy. */
  public Optional<byte[]> png() {
    return Optional.ofNullable(png).map(byte[]::clone);
  }

  /** The baked SVG ({@code badge.svg}). */
  public Optional<String> svg() {
    return svg;
  }

  /** The LinkedIn "Add to profile" link. */
  public Optional<URI> linkedIn() {
    return linkedIn;
  }

  /** The recipient's public badge page. */
  public Optional<URI> publicPage() {
    return publicPage;
  }

  /** Share links by network id ({@code linkedin}, {@code x}, …); empty without a public page. */
  public Map<String, URI> shareLinks() {
    return shareLinks;
  }

  /** {@code links.json}: {@code {"linkedin": …, "publicPage": …, "share": {network: url}}}. */
  public String linksJson() {
    ObjectNode links = SafeJson.nodeFactory().objectNode();
    linkedIn.ifPresent(u -> links.put("linkedin", u.toString()));
    publicPage.ifPresent(u -> links.put("publicPage", u.toString()));
    ObjectNode share = links.putObject("share");
    new java.util.TreeMap<>(shareLinks).forEach((k, v) -> share.put(k, v.toString()));
    return SafeJson.writePretty(links);
  }

  /** The files of the pack by name ({@code badge.json}, {@code badge.jwt}, {@code badge.png}, {@code badge.svg}, {@code links.json}). */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    json.ifPresent(j -> files.put("badge.json", utf8(j)));
    jwt.ifPresent(j -> files.put("badge.jwt", utf8(j)));
    if (png != null) {
      files.put("badge.png", png.clone());
    }
    svg.ifPresent(s -> files.put("badge.svg", utf8(s)));
    files.put("links.json", utf8(linksJson()));
    return files;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
