package io.github.insignia.openbadges.validation.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.validation.ValidationErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreloadedResourcesTest {
  @TempDir Path dir;

  @Test
  void readsPathsAndReplays() throws Exception {
    Files.writeString(dir.resolve("a.json"), "{\"id\":\"https://example.org/a\"}");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/login.html"), "<html>");
    Files.writeString(dir.resolve("did.json"), "{\"id\":\"did:web:example.org\"}");
    Files.writeString(dir.resolve("map.json"), """
        {"https://example.org/a": "a.json",
         "https://example.org/locked": {"file": "sub/login.html", "status": 403},
         "https://example.org/gone": {"status": 410},
         "https://example.org/.well-known/did.json": {"file": "did.json", "contentType": "application/did+json"}}
        """);
    PreloadedResources map = PreloadedResources.fromMapFile(dir.resolve("map.json"));
    FetchedResource a = map.fetch(URI.create("https://example.org/a")).requireSuccess().requireJson();
    assertEquals("application/json", a.mediaType());
    FetchedResource locked = map.fetch(URI.create("https://example.org/locked"));
    assertEquals(403, locked.status());
    assertEquals("text/html", locked.mediaType());
    assertEquals(FetchProblem.ACCESS_RESTRICTED, assertThrows(FetchException.class, locked::requireSuccess).problem());
    assertEquals(FetchProblem.GONE,
        assertThrows(FetchException.class, () -> map.fetch(URI.create("https://example.org/gone")).requireSuccess()).problem());
    URI didUrl = PreloadedResources.didWebUrl("did:web:example.org").orElseThrow();
    assertEquals("{\"id\":\"did:web:example.org\"}", new String(map.fetch(didUrl).requireJson().body(), StandardCharsets.UTF_8));
    assertEquals(FetchProblem.NOT_AVAILABLE_OFFLINE,
        assertThrows(FetchException.class, () -> map.fetch(URI.create("https://example.org/other"))).problem());
  }

  @Test
  void didWebUrls() {
    assertEquals("https://example.com/.well-known/did.json", PreloadedResources.didWebUrl("did:web:example.com").orElseThrow().toString());
    assertEquals("https://example.com/issuers/123/did.json",
        PreloadedResources.didWebUrl("did:web:example.com:issuers:123#key-1").orElseThrow().toString());
    assertEquals("https://localhost:8443/.well-known/did.json", PreloadedResources.didWebUrl("did:web:localhost%3A8443").orElseThrow().toString());
    assertEquals(false, PreloadedResources.didWebUrl("did:key:z6Mk").isPresent());
  }

  @Test
  void badMapsAreTypedErrors() throws Exception {
    Files.writeString(dir.resolve("m1.json"), "[]");
    Files.writeString(dir.resolve("m2.json"), "{\"https://x\": \"missing.json\"}");
    Files.writeString(dir.resolve("m3.json"), "{\"https://x\": {\"status\": 99}}");
    for (String m : new String[] {"m1.json", "m2.json", "m3.json"}) {
      assertEquals(ValidationErrorCode.RESOURCES_MAP_INVALID,
          assertThrows(InvalidInputException.class, () -> PreloadedResources.fromMapFile(dir.resolve(m))).errorCode());
    }
  }

  @Test
  void preloadedFallsThroughToTheNextFetcher() {
    PreloadedResources map = PreloadedResources.builder().put("https://a.example/x", "application/json", new byte[] {'1'}).build();
    ResourceFetcher chained = map.orElse(url -> new FetchedResource(url, url, 404, java.util.Optional.empty(), new byte[0]));
    assertEquals(200, chained.fetch(URI.create("https://a.example/x")).status());
    assertEquals(404, chained.fetch(URI.create("https://b.example/y")).status());
  }

  @Test
  void cachesSuccessOnly() {
    AtomicInteger calls = new AtomicInteger();
    ResourceFetcher counting = url -> {
      calls.incrementAndGet();
      return new FetchedResource(url, url, url.getPath().equals("/ok") ? 200 : 500, java.util.Optional.empty(), new byte[0]);
    };
    ResourceFetcher cached = ResourceFetchers.caching(counting,
        ResourceFetchers.inMemoryCache(10, Duration.ofMinutes(5), Clock.systemUTC()));
    cached.fetch(URI.create("https://a.example/ok"));
    cached.fetch(URI.create("https://a.example/ok"));
    cached.fetch(URI.create("https://a.example/err"));
    cached.fetch(URI.create("https://a.example/err"));
    assertEquals(3, calls.get());
  }
}
