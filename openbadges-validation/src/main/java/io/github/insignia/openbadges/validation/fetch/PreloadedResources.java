package io.github.insignia.openbadges.validation.fetch;

import io.github.insignia.openbadges.validation.ValidationErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resources the host supplies ahead of time, for offline and archived verification: an answer per
 * URL (body, status, content type). A {@code did:web} DID is looked up by its HTTPS document URL
 * ({@code did:web:example.com} → {@code https://example.com/.well-known/did.json}), so the same map
 * serves it.
 *
 * <p>The {@code --resources MAP.json} format is a JSON object from URL to either a path relative
 * to the map file (status 200, content type guessed from the extension) or {@code {"file": path,
 * "status": code, "contentType": type}} to replay any HTTP answer; {@code file} may be omitted for
 * an empty body (a bare 410, say).
 *
 * <p>An unknown URL throws {@link FetchProblem#NOT_AVAILABLE_OFFLINE}, so {@code
 * preloaded.orElse(network)} falls through to the network. Immutable and thread-safe.
 */
public final class PreloadedResources implements ResourceFetcher {
  /** Default limit for one preloaded file read from a map (16 MiB). */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private final Map<String, Entry> entries;

  private PreloadedResources(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** No resources at all (offline with nothing preloaded: only pinned contexts remain). */
  public static PreloadedResources empty() {
    return new PreloadedResources(Map.of());
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a resources map file.
   *
   * @throws InvalidInputException {@code RESOURCES_MAP_INVALID} when the map or a file it names
   *     cannot be read
   */
  public static PreloadedResources fromMapFile(Path mapFile) {
    Path base = mapFile.toAbsolutePath().getParent();
    JsonNode map;
    try {
      map = SafeJson.read(Files.readAllBytes(mapFile));
    } catch (IOException e) {
      throw new InvalidInputException(ValidationErrorCode.RESOURCES_MAP_INVALID, "cannot read the resources map " + mapFile + ": " + e.getMessage(), e);
    }
    if (!map.isObject()) {
      throw new InvalidInputException(ValidationErrorCode.RESOURCES_MAP_INVALID, "the resources map must be a JSON object from URL to file");
    }
    Builder builder = builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = e.getValue();
      String file;
      int status = 200;
      String contentType = null;
      if (value.isTextual()) {
        file = value.asText();
      } else if (value.isObject()) {
        file = value.path("file").isTextual() ? value.get("file").asText() : null;
        if (value.has("status")) {
          if (!value.get("status").canConvertToInt() || value.get("status").asInt() < 100 || value.get("status").asInt() > 599) {
            throw new InvalidInputException(ValidationErrorCode.RESOURCES_MAP_INVALID, "status for " + e.getKey() + " must be an HTTP status code");
          }
          status = value.get("status").asInt();
        }
        contentType = value.path("contentType").isTextual() ? value.get("contentType").asText() : null;
      } else {
        throw new InvalidInputException(ValidationErrorCode.RESOURCES_MAP_INVALID,
            "the entry for " + e.getKey() + " must be a path or {\"file\", \"status\", \"contentType\"}");
      }
      byte[] body = new byte[0];
      if (file != null) {
        Path path = base.resolve(file).normalize();
        try {
          if (Files.size(path) > MAX_FILE_BYTES) {
            throw new InvalidInputException(ValidationErrorCode.RESOURCES_MAP_INVALID, path + " is larger than " + MAX_FILE_BYTES + " bytes");
          }
          body = Files.readAllBytes(path);
        } catch (IOException ex) {
          throw new InvalidInputException(ValidationErrorCode.RESOURCES_MAP_INVALID,
              "cannot read " + path + " named for " + e.getKey() + ": " + ex.getMessage(), ex);
        }
        if (contentType == null) {
          contentType = guessType(file);
        }
      }
      builder.put(e.getKey(), status, contentType, body);
    }
    return builder.build();
  }

  /** The URLs this map answers for. */
  public Set<String> urls() {
    return entries.keySet();
  }

  @Override
  public FetchedResource fetch(URI url) {
    String key = key(url);
    Entry entry = entries.get(key);
    if (entry == null && url.getRawFragment() != null) {
      entry = entries.get(key(withoutFragment(url)));
    }
    if (entry == null) {
      throw new FetchException(FetchProblem.NOT_AVAILABLE_OFFLINE, url, null,
          url + " is not among the preloaded resources");
    }
    return new FetchedResource(url, url, entry.status, Optional.ofNullable(entry.contentType), entry.body);
  }

  /** The HTTPS URL of a did:web DID's document, or empty when {@code did} is not a valid did:web DID. */
  public static Optional<URI> didWebUrl(String did) {
    try {
      return Optional.of(io.github.insignia.openbadges.signing.keys.KeyDocuments.didWebDocumentUrl(did));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  private static String key(URI url) {
    return url.toString();
  }

  private static URI withoutFragment(URI url) {
    String s = url.toString();
    return URI.create(s.substring(0, s.indexOf('#')));
  }

  private static String guessType(String file) {
    String f = file.toLowerCase(java.util.Locale.ROOT);
    if (f.endsWith(".png")) {
      return "image/png";
    }
    if (f.endsWith(".svg")) {
      return "image/svg+xml";
    }
    if (f.endsWith(".jsonld")) {
      return "application/ld+json";
    }
    if (f.endsWith(".json")) {
      return "application/json";
    }
    if (f.endsWith(".html") || f.endsWith(".htm")) {
      return "text/html";
    }
    if (f.endsWith(".jwt") || f.endsWith(".jws")) {
      return "application/jwt";
    }
    return null;
  }

  private record Entry(int status, String contentType, byte[] body) {}

  /** Builds {@link PreloadedResources}. */
  public static final class Builder {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private Builder() {}

    /** A 200 answer with the given content type. */
    public Builder put(String url, String contentType, byte[] body) {
      return put(url, 200, contentType, body);
    }

    /** Any answer. */
    public Builder put(String url, int status, String contentType, byte[] body) {
      Objects.requireNonNull(url, "url");
      entries.put(URI.create(url).toString(), new Entry(status, contentType, body.clone()));
      return this;
    }

    /** Adds every entry of another map (later entries win). */
    public Builder putAll(PreloadedResources other) {
      entries.putAll(other.entries);
      return this;
    }

    /** The immutable map. */
    public PreloadedResources build() {
      return new PreloadedResources(entries);
    }
  }
}
