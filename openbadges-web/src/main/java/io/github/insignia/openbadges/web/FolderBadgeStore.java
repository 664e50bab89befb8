package io.github.insignia.openbadges.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.issuing.batch.FolderSink;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the folder {@code insignia issue-batch} writes: one sub-folder per badge named by the
 * credential UUID ({@code badge.json}, {@code badge.jwt}, {@code badge.png}, {@code badge.svg},
 * {@code links.json}, optionally {@code certificate.pdf}; for an OB 2.0 hosted badge, the
 * assertion of {@code ob2-documents.json} is its credential), and {@code publish/resources.json}
 * mapping each URL to host to its file. Badges are read on each request (a batch still running
 * adds them); the published documents once, when the store is created. Only the known file names
 * are read, never a path built from a request beyond the validated id. Thread-safe.
 */
public final class FolderBadgeStore implements BadgeStore {
  private static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
  private static final List<String> FILES = List.of(PublishedBadge.CREDENTIAL, PublishedBadge.JWT, PublishedBadge.PNG,
      PublishedBadge.SVG, PublishedBadge.PDF, PublishedBadge.LINKS);

  private final Path dir;
  private final Map<URI, HostedDocument> hosted;

  private FolderBadgeStore(Path dir, Map<URI, HostedDocument> hosted) {
    this.dir = dir;
    this.hosted = hosted;
  }

  /**
   * Opens a folder.
   *
   * @throws ConfigurationException {@code WEB_STORE_NOT_A_FOLDER} when {@code dir} is not a folder
   * @throws io.github.insignia.openbadges.InvalidInputException {@code RESOURCES_MAP_INVALID} when
   *     {@code publish/resources.json} exists but cannot be read
   */
  public static FolderBadgeStore open(Path dir) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new ConfigurationException(WebErrorCode.WEB_STORE_NOT_A_FOLDER, dir + " is not a folder");
    }
    Map<URI, HostedDocument> hosted = new LinkedHashMap<>();
    Path map = dir.resolve("publish").resolve("resources.json");
    if (Files.isRegularFile(map)) {
      PreloadedResources resources = PreloadedResources.fromMapFile(map);
      for (String url : resources.urls()) {
        FetchedResource r = resources.fetch(URI.create(url));
        hosted.put(URI.create(url), new HostedDocument(r.status(), contentType(url, r), r.body()));
      }
    }
    return new FolderBadgeStore(dir.toAbsolutePath().normalize(), Collections.unmodifiableMap(hosted));
  }

  /**
   * The media type to serve a published file with: the map's, else one read from the content (the
   * issuer profile is written without an extension, and verifiers want JSON, not octet-stream).
   */
  static String contentType(String url, FetchedResource r) {
    Optional<String> declared = r.contentType().filter(t -> !t.isBlank() && !t.startsWith("application/octet-stream"));
    byte[] b = r.body();
    boolean json = b.length > 0 && (b[0] == '{' || b[0] == '[');
    if (declared.isPresent() && !(json && declared.get().equals("application/json"))) {
      return declared.get();
    }
    if (!json) {
      return declared.orElse("application/octet-stream");
    }
    if (url.endsWith("/did.json")) {
      return "application/did+json";
    }
    if (url.endsWith("jwks.json")) {
      return "application/json";
    }
    String text = new String(b, 0, Math.min(b.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
    return text.contains("\"@context\"") ? "application/ld+json" : "application/json";
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  @Override
  public Optional<PublishedBadge> badge(String id) {
    if (id == null || !PublishedBadge.ID.matcher(id).matches() || id.equals("publish")) {
      return Optional.empty();
    }
    Path folder = dir.resolve(id);
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : FILES) {
      read(folder.resolve(name)).ifPresent(b -> files.put(name, b));
    }
    if (!files.containsKey(PublishedBadge.CREDENTIAL) && !files.containsKey(PublishedBadge.JWT)) {
      // an OB 2.0 hosted badge: its credential is the hosted assertion issue-batch kept beside it
      Optional<byte[]> assertion = read(folder.resolve(FolderSink.OB2_DOCUMENTS)).flatMap(FolderBadgeStore::hostedAssertion);
      if (assertion.isEmpty()) {
        return Optional.empty();
      }
      files.put(PublishedBadge.CREDENTIAL, assertion.get());
    }
    return Optional.of(PublishedBadge.of(id, files));
  }

  /** The hosted OB 2.0 assertion among an award's documents: the one at its own id, typed Assertion. */
  private static Optional<byte[]> hostedAssertion(byte[] documents) {
    JsonNode docs;
    try {
      docs = SafeJson.read(documents);
    } catch (io.github.insignia.openbadges.OpenBadgesException e) {
      return Optional.empty();
    }
    for (Map.Entry<String, JsonNode> e : docs.properties()) {
      JsonNode d = e.getValue();
      if (d.path("type").asText("").equals("Assertion") && d.path("id").asText("").equals(e.getKey())) {
        return Optional.of(SafeJson.writePretty(d).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static Optional<byte[]> read(Path file) {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      return bytes.length > MAX_FILE_BYTES ? Optional.empty() : Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<URI, HostedDocument> hostedDocuments() {
    return hosted;
  }
}
