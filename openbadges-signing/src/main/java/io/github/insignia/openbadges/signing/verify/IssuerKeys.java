package io.github.insignia.openbadges.signing.verify;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.keys.DidKey;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.Multikey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.resolve.DocumentFetcher;
import io.github.insignia.openbadges.signing.internal.DidJwk;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key-binding resolver: which keys belong to an issuer, read from the issuer's side only (its
 * DID, its DID document, its profile fetched from its own id, the JWKS it names or serves), never
 * from the badge or from a key document's own claim.
 *
 * <ul>
 *   <li>{@code did:key} / {@code did:jwk}: the key is the DID itself (offline).
 *   <li>{@code did:web}: the methods under the DID document's {@code assertionMethod} (by reference
 *       into {@code verificationMethod} or embedded) whose {@code controller} is the DID; for a
 *       presentation's holder ({@link Relationship#AUTHENTICATION}) those under {@code authentication}
 *       instead, so a key listed only for one purpose never serves the other.
 *   <li>{@code http(s)}: the profile fetched from the issuer id; its {@code publicKey}, {@code
 *       assertionMethod} and {@code verificationMethod} (embedded keys, or key documents on the
 *       issuer's own origin whose {@code owner}/{@code controller} is the issuer), a JWKS it names
 *       ({@code jwks}, {@code jwks_uri}), or the profile itself when it is a JWKS; for a VC-JWT also
 *       {@code {scheme}://{authority}/.well-known/jwks.json} (a JWK {@code iss}, when present, must be
 *       the issuer id).
 * </ul>
 *
 * <p>A key carried in the proof (a header {@code jwk}, a {@code did:key} or {@code <id>#z6Mk…}
 * reference) counts only when it equals a bound key; a key reference only selects among bound keys,
 * and the signature is always checked with the bound key. Key sets are cached by issuer id (bounded,
 * with a lifetime); failures are not cached. Network access goes only through the host's {@link
 * DocumentFetcher}; whatever it throws becomes the cause of an {@link
 * ProofFailure#ISSUER_KEYS_UNAVAILABLE} failure, unchanged. Immutable and thread-safe.
 */
public final class IssuerKeys {
  /** The proof format a key is bound for (a VC-JWT may use the issuer's well-known JWKS). */
  public enum Format {
    /** OB 3.0 VC-JWT. */
    VC_JWT,
    /** Data Integrity proofs (and their legacy suites). */
    DATA_INTEGRITY,
    /** OB 2.0 signed badges. */
    OB2_JWS
  }

  /**
   * The DID verification relationship a key must be listed under: what the key is allowed to prove.
   * Only {@code did:web} documents list relationships; a {@code did:key} or {@code did:jwk} is its
   * own key for both.
   */
  public enum Relationship {
    /** {@code assertionMethod}: the key issues credentials (the issuer of a credential). */
    ASSERTION("assertionMethod", Provenance.DID_WEB_ASSERTION_METHOD),
    /**
     * {@code authentication}: the key authenticates its DID (the holder of a presentation). Only
     * DIDs authenticate here, and keys trusted by the policy (which are issuer keys) do not count.
     */
    AUTHENTICATION("authentication", Provenance.DID_WEB_AUTHENTICATION);

    private final String member;
    private final Provenance didWebProvenance;

    Relationship(String member, Provenance didWebProvenance) {
      this.member = member;
      this.didWebProvenance = didWebProvenance;
    }

    /** The DID document member listing the keys of this relationship. */
    public String member() {
      return member;
    }
  }

  private static final JsonLimits DOCUMENT_LIMITS =
      JsonLimits.builder().maxDepth(16).maxDocumentBytes(1024 * 1024).build();
  private static final int MAX_REFERENCED_DOCUMENTS = 8;

  private final DocumentFetcher fetcher;
  private final int maxEntries;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private record Entry(Loaded loaded, Instant expires) {}

  /** What was read for an issuer: its keys, its main document, and referenced documents that failed. */
  private record Loaded(List<BoundKey> keys, URI document, List<Missing> missing) {}

  /**
   * A document the issuer names that could not be obtained: a key document ({@code keyId} is the
   * key it was named for) or a JWKS ({@code keyId} null: it may hold any key).
   */
  private record Missing(URI url, RuntimeException cause, String keyId) {}

  private IssuerKeys(Builder b) {
    this.fetcher = b.fetcher;
    this.maxEntries = b.maxEntries;
    this.ttl = b.ttl;
    this.clock = b.clock;
  }

  /** Over the host's fetcher, caching up to 1,000 issuers for 10 minutes. */
  public static IssuerKeys create(DocumentFetcher fetcher) {
    return builder(fetcher).build();
  }

  /** Only what needs no fetch ({@code did:key}, {@code did:jwk}, policy keys); every fetch is "unavailable". */
  public static IssuerKeys offline() {
    return create(url -> {
      throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "offline: " + url + " is not fetched");
    });
  }

  /** A builder over the host's fetcher. */
  public static Builder builder(DocumentFetcher fetcher) {
    return new Builder(fetcher);
  }

  /**
   * The keys the issuer publishes (cached).
   *
   * @throws ProofVerificationException {@link ProofFailure#ISSUER_KEYS_UNAVAILABLE} when its document
   *     cannot be obtained, {@link ProofFailure#KEY_NOT_BOUND} when the id cannot publish keys
   */
  public List<BoundKey> keysOf(String issuerId) {
    Loaded loaded = load(issuerId, Relationship.ASSERTION);
    if (loaded.keys().isEmpty() && !loaded.missing().isEmpty()) {
      throw unavailable(issuerId, loaded.missing().get(0));
    }
    return loaded.keys();
  }

  /**
   * The bound keys a proof's key reference and carried key select: every returned key belongs to
   * the issuer. Keys trusted by the policy for this issuer replace the issuer's documents.
   *
   * @param issuerId the issuer the document claims
   * @param reference the proof's key reference ({@code kid}, {@code verificationMethod}, {@code creator}), if any
   * @param carried a key the proof carries (a header {@code jwk}), if any; it must equal a bound key
   * @param format the proof format
   * @param policy the verifier's policy
   * @throws ProofVerificationException {@link ProofFailure#KEY_NOT_BOUND} or {@link
   *     ProofFailure#ISSUER_KEYS_UNAVAILABLE}
   */
  public List<BoundKey> bind(String issuerId, Optional<String> reference, Optional<VerificationKey> carried,
      Format format, VerificationPolicy policy) {
    return bind(issuerId, reference, carried, format, Relationship.ASSERTION, policy);
  }

  /**
   * The bound keys a proof's key reference and carried key select, for a given verification
   * relationship: {@link Relationship#ASSERTION} for a credential's issuer (as {@link #bind(String,
   * Optional, Optional, Format, VerificationPolicy)}), {@link Relationship#AUTHENTICATION} for a
   * presentation's holder, which must be a {@code did:key}, {@code did:jwk} or {@code did:web} and
   * whose {@code did:web} keys must be listed under {@code authentication}.
   *
   * @param issuerId the issuer (or holder) the document claims
   * @param reference the proof's key reference, if any
   * @param carried a key the proof carries, if any; it must equal a bound key
   * @param format the proof format
   * @param relationship what the key must be listed for
   * @param policy the verifier's policy
   * @throws ProofVerificationException {@link ProofFailure#KEY_NOT_BOUND} or {@link
   *     ProofFailure#ISSUER_KEYS_UNAVAILABLE}
   */
  public List<BoundKey> bind(String issuerId, Optional<String> reference, Optional<VerificationKey> carried,
      Format format, Relationship relationship, VerificationPolicy policy) {
    Objects.requireNonNull(relationship, "relationship");
    if (issuerId == null || issuerId.isBlank()) {
      throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.ISSUER_MISSING,
          "the document names no issuer, so no key can be bound to it");
    }
    String ref = reference.filter(r -> !r.isBlank()).map(r -> r.startsWith("#") ? issuerId + r : r).orElse(null);
    VerificationKey self = carried.orElse(null);
    // Keys the host trusts are trusted as an issuer's: they never authenticate a holder.
    List<VerificationKey> trusted = relationship == Relationship.ASSERTION ? policy.trustedKeys(issuerId) : List.of();
    if (!trusted.isEmpty()) {
      List<BoundKey> keys = new ArrayList<>();
      for (VerificationKey k : trusted) {
        keys.add(new BoundKey(k.thumbprint(), k, issuerId, Provenance.TRUSTED_BY_POLICY, Optional.empty()));
      }
      List<BoundKey> selected = select(keys, ref, self, true);
      if (selected.isEmpty()) {
        throw notBound(issuerId, ref, self);
      }
      return selected;
    }
    Loaded loaded = null;
    ProofVerificationException profileProblem = null;
    try {
      loaded = load(issuerId, relationship);
    } catch (ProofVerificationException e) {
      if (e.failure() != ProofFailure.ISSUER_KEYS_UNAVAILABLE || format != Format.VC_JWT || !isHttp(issuerId)) {
        throw e;
      }
      profileProblem = e;
    }
    List<BoundKey> selected = loaded == null ? List.of() : select(loaded.keys(), ref, self, false);
    if (selected.isEmpty() && format == Format.VC_JWT && isHttp(issuerId)) {
      URI wellKnown = wellKnownJwks(issuerId);
      try {
        Loaded jwks = cached("jwks " + wellKnown, () -> {
          JsonNode doc = fetchJson(wellKnown);
          return new Loaded(jwksKeys(doc, issuerId, wellKnown, Provenance.WELL_KNOWN_JWKS), wellKnown, List.of());
        });
        selected = select(jwks.keys(), ref, self, false);
      } catch (ProofVerificationException e) {
        if (profileProblem != null) {
          throw profileProblem; // neither the profile nor the JWKS: cannot tell now
        }
        // The profile was obtained and does not list the key; a missing well-known JWKS adds nothing.
      }
    }
    if (selected.isEmpty()) {
      if (profileProblem != null) {
        throw profileProblem;
      }
      Optional<Missing> couldBind = couldBind(loaded.missing(), ref, self);
      if (couldBind.isPresent()) {
        throw unavailable(issuerId, couldBind.get());
      }
      throw notBound(issuerId, ref, self);
    }
    return selected;
  }

  // ---------------------------------------------------------------- selection

  /**
   * The bound keys that the reference or carried key selects. A carried key must equal the bound
   * key; a reference matches by id or {@code kid}, else by the key it spells out ({@code did:key},
   * {@code <url>#z…}); no reference and no carried key selects every key (OB 2.0 without {@code
   * creator}); {@code anyByReference}: a reference selects every key (keys trusted by policy have
   * no ids). Whatever is selected is the issuer's: the reference only chooses among them.
   */
  private static List<BoundKey> select(List<BoundKey> keys, String ref, VerificationKey carried, boolean anyByReference) {
    List<BoundKey> out = new ArrayList<>();
    if (carried != null) {
      for (BoundKey b : keys) {
        if (b.key().equals(carried)) {
          out.add(b);
        }
      }
      return out;
    }
    if (ref == null || anyByReference) {
      return keys;
    }
    for (BoundKey b : keys) {
      if (idMatches(b.id(), ref)) {
        out.add(b);
      }
    }
    if (out.isEmpty()) {
      VerificationKey self = selfDescribed(ref);
      for (BoundKey b : keys) {
        if (self != null && b.key().equals(self)) {
          out.add(b);
        }
      }
    }
    return out;
  }

  /**
   * The first unobtainable document that might hold the key the proof names. A key document is
   * named for one key id, so when the proof names another id (and not a key it spells out or
   * carries, which any document might hold) the issuer's list already proves the key is not
   * there: no fetch can bind it. A JWKS may hold any key.
   */
  private static Optional<Missing> couldBind(List<Missing> missing, String ref, VerificationKey carried) {
    boolean keyByValue = ref == null || carried != null || selfDescribed(ref) != null;
    for (Missing m : missing) {
      if (keyByValue || m.keyId() == null || idMatches(m.keyId(), ref)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static boolean idMatches(String id, String ref) {
    return id.equals(ref) || ref.endsWith("#" + id) || id.endsWith("#" + ref);
  }

  /** The key a reference spells out itself ({@code did:key}, {@code did:jwk}, {@code <url>#z…}), or null. */
  private static VerificationKey selfDescribed(String ref) {
    if (ref == null) {
      return null;
    }
    try {
      if (ref.startsWith("did:key:")) {
        return DidKey.parse(ref);
      }
      if (ref.startsWith("did:jwk:")) {
        return DidJwk.parse(ref);
      }
      int hash = ref.indexOf('#');
      if (hash > 0 && isHttp(ref) && ref.startsWith("z", hash + 1)) {
        return Multikey.decodePublic(ref.substring(hash + 1));
      }
    } catch (OpenBadgesException e) {
      // Not a key after all: an ordinary id, matched by id.
    }
    return null;
  }

  // ---------------------------------------------------------------- loading

  private interface Loader {
    Loaded load();
  }

  private Loaded cached(String key, Loader loader) {
    Instant now = clock.instant();
    Entry entry = cache.get(key);
    if (entry != null && entry.expires().isAfter(now)) {
      return entry.loaded();
    }
    Loaded loaded = loader.load();
    if (loaded.missing().isEmpty()) {
      if (cache.size() >= maxEntries) {
        cache.clear();
      }
      cache.put(key, new Entry(loaded, now.plus(ttl)));
    }
    return loaded;
  }

  private Loaded load(String issuerId, Relationship relationship) {
    if (issuerId.startsWith("did:key:")) {
      return cached(issuerId, () -> {
        VerificationKey key = offlineKey(issuerId, () -> DidKey.parse(issuerId));
        return new Loaded(List.of(new BoundKey(key.didKeyVerificationMethod(), key, issuerId, Provenance.DID_KEY,
            Optional.empty())), null, List.of());
      });
    }
    if (issuerId.startsWith("did:jwk:")) {
      return cached(issuerId, () -> {
        VerificationKey key = offlineKey(issuerId, () -> DidJwk.parse(issuerId));
        return new Loaded(List.of(new BoundKey(issuerId + "#0", key, issuerId, Provenance.DID_JWK, Optional.empty())),
            null, List.of());
      });
    }
    if (issuerId.startsWith("did:web:")) {
      // One cache entry per relationship: the keys bound for one purpose never answer for the other.
      String key = relationship == Relationship.ASSERTION ? issuerId : relationship.member() + " " + issuerId;
      return cached(key, () -> didWeb(issuerId, relationship));
    }
    if (relationship != Relationship.ASSERTION) {
      throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.ISSUER_CANNOT_PUBLISH_KEYS,
          issuerId + " is not a did:key, did:jwk or did:web, so it lists no " + relationship.member() + " keys");
    }
    if (isHttp(issuerId)) {
      return cached(issuerId, () -> profile(issuerId));
    }
    throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.ISSUER_CANNOT_PUBLISH_KEYS,
        "the issuer " + issuerId + " is neither a did:key, did:jwk, did:web nor an http(s) URL, so it publishes no keys");
  }

  private interface KeyBody {
    VerificationKey get();
  }

  private static VerificationKey offlineKey(String issuerId, KeyBody body) {
    try {
      return body.get();
    } catch (OpenBadgesException e) {
      throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.ISSUER_DID_INVALID,
          "the issuer " + issuerId + " is not a usable DID: " + e.getMessage(), e);
    }
  }

  private Loaded didWeb(String did, Relationship relationship) {
    URI url;
    try {
      url = KeyDocuments.didWebDocumentUrl(did);
    } catch (OpenBadgesException e) {
      throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.ISSUER_DID_INVALID,
          "the issuer " + did + " is not a usable did:web: " + e.getMessage(), e);
    }
    JsonNode doc = fetchJson(url);
    List<BoundKey> keys = new ArrayList<>();
    if (!did.equals(doc.path("id").asText(null))) {
      return new Loaded(keys, url, List.of()); // not this DID's document: it binds nothing
    }
    for (JsonNode entry : items(doc, relationship.member())) {
      JsonNode method = entry;
      if (entry.isTextual()) {
        String ref = absolute(entry.asText(), did);
        method = null;
        for (JsonNode vm : items(doc, "verificationMethod")) {
          if (vm.isObject() && ref.equals(absolute(vm.path("id").asText(""), did))) {
            method = vm;
          }
        }
      }
      if (method == null || !method.isObject() || !did.equals(method.path("controller").asText(null))) {
        continue; // a key not listed for this relationship, or controlled by someone else
      }
      VerificationKey key = keyOf(method);
      if (key != null) {
        keys.add(new BoundKey(absolute(method.path("id").asText(""), did), key, did,
            relationship.didWebProvenance, Optional.of(url)));
      }
    }
    return new Loaded(keys, url, List.of());
  }

  private Loaded profile(String issuerId) {
    URI url = uri(withoutFragment(issuerId));
    JsonNode doc = fetchJson(url);
    List<BoundKey> keys = new ArrayList<>();
    List<Missing> missing = new ArrayList<>();
    if (doc.has("keys")) {
      keys.addAll(jwksKeys(doc, issuerId, url, Provenance.ISSUER_JWKS));
    }
    Set<String> references = new LinkedHashSet<>();
    for (String member : List.of("assertionMethod", "verificationMethod", "publicKey")) {
      for (JsonNode entry : items(doc, member)) {
        if (entry.isObject() && hasKeyMaterial(entry)) {
          String owner = entry.path("controller").asText(entry.path("owner").asText(issuerId));
          VerificationKey key = keyOf(entry);
          if (key != null && owner.equals(issuerId)) {
            String id = entry.path("id").isTextual() ? absolute(entry.get("id").asText(), issuerId) : key.thumbprint();
            keys.add(new BoundKey(id, key, issuerId, Provenance.ISSUER_PROFILE, Optional.of(url)));
          }
        } else if (entry.isTextual() || entry.path("id").isTextual()) {
          references.add(absolute(entry.isTextual() ? entry.asText() : entry.get("id").asText(), issuerId));
        }
      }
    }
    int fetched = 0;
    for (String ref : references) {
      if (keys.stream().anyMatch(b -> b.id().equals(ref))) {
        continue;
      }
      // A listed method whose id spells out its key (a did:key, or a Multikey fragment of the
      // issuer's own URL as issue-batch writes it) is bound by the listing itself: no document to fetch.
      if (ref.startsWith("did:key:") || isHttp(ref) && sameOrigin(ref, issuerId) && ref.indexOf("#z") > 0) {
        VerificationKey key = selfDescribed(ref);
        if (key != null) {
          keys.add(new BoundKey(ref, key, issuerId, Provenance.ISSUER_PROFILE, Optional.of(url)));
          continue;
        }
        if (ref.startsWith("did:key:")) {
          continue; // not a usable key: binds nothing
        }
      }
      if (!isHttp(ref) || !sameOrigin(ref, issuerId) || fetched >= MAX_REFERENCED_DOCUMENTS) {
        continue; // a key document on another origin binds nothing
      }
      fetched++;
      URI keyUrl = uri(withoutFragment(ref));
      try {
        keyDocument(fetchJson(keyUrl), ref, issuerId, keyUrl).ifPresent(keys::add);
      } catch (ProofVerificationException e) {
        if (e.failure() != ProofFailure.ISSUER_KEYS_UNAVAILABLE) {
          throw e;
        }
        missing.add(new Missing(keyUrl, e, ref));
      }
    }
    for (String member : List.of("jwks", "jwks_uri")) {
      JsonNode named = doc.get(member);
      if (named != null && named.isObject()) {
        keys.addAll(jwksKeys(named, issuerId, url, Provenance.ISSUER_JWKS));
      } else if (named != null && named.isTextual() && isHttp(named.asText())) {
        URI jwksUrl = uri(named.asText());
        try {
          keys.addAll(jwksKeys(fetchJson(jwksUrl), issuerId, jwksUrl, Provenance.ISSUER_JWKS));
        } catch (ProofVerificationException e) {
          if (e.failure() != ProofFailure.ISSUER_KEYS_UNAVAILABLE) {
            throw e;
          }
          missing.add(new Missing(jwksUrl, e, null));
        }
      }
    }
    return new Loaded(List.copyOf(keys), url, List.copyOf(missing));
  }

  /** A key document the issuer lists: it must be the referenced key and name the issuer as owner or controller. */
  private static Optional<BoundKey> keyDocument(JsonNode doc, String ref, String issuerId, URI url) {
    List<JsonNode> candidates = new ArrayList<>();
    candidates.add(doc);
    for (String member : List.of("verificationMethod", "assertionMethod", "publicKey")) {
      candidates.addAll(items(doc, member));
    }
    for (JsonNode c : candidates) {
      if (!c.isObject() || !ref.equals(absolute(c.path("id").asText(""), url.toString()))) {
        continue;
      }
      String owner = c.path("owner").asText(c.path("controller").asText(doc.path("controller").asText("")));
      VerificationKey key = keyOf(c);
      if (key != null && owner.equals(issuerId)) {
        return Optional.of(new BoundKey(ref, key, issuerId, Provenance.ISSUER_KEY_DOCUMENT, Optional.of(url)));
      }
    }
    return Optional.empty();
  }

  private static List<BoundKey> jwksKeys(JsonNode doc, String issuerId, URI url, Provenance provenance) {
    List<BoundKey> keys = new ArrayList<>();
    for (JsonNode jwk : items(doc, "keys")) {
      if (!jwk.isObject() || jwk.has("d") || (jwk.has("iss") && !issuerId.equals(jwk.path("iss").asText(null)))) {
        continue;
      }
      try {
        VerificationKey key = Keys.publicKeyFromJwk(jwk);
        keys.add(new BoundKey(jwk.path("kid").asText(key.thumbprint()), key, issuerId, provenance, Optional.of(url)));
      } catch (OpenBadgesException e) {
        // an unusable entry binds nothing
      }
    }
    return keys;
  }

  private static boolean hasKeyMaterial(JsonNode node) {
    return node.has("publicKeyMultibase") || node.has("publicKeyJwk") || node.has("publicKeyPem");
  }

  /** The public key of a method or key node, or null when it has none usable (private material refused). */
  private static VerificationKey keyOf(JsonNode node) {
    try {
      if (node.path("publicKeyMultibase").isTextual()) {
        return Multikey.decodePublic(node.get("publicKeyMultibase").asText());
      }
      JsonNode jwk = node.get("publicKeyJwk");
      if (jwk != null && jwk.isObject() && !jwk.has("d")) {
        return Keys.publicKeyFromJwk(jwk);
      }
      if (node.path("publicKeyPem").isTextual()) {
        return Keys.publicKeyFromPem(node.get("publicKeyPem").asText());
      }
    } catch (OpenBadgesException e) {
      return null;
    }
    return null;
  }

  private JsonNode fetchJson(URI url) {
    byte[] bytes;
    try {
      bytes = fetcher.fetch(url);
    } catch (RuntimeException e) {
      throw new ProofVerificationException(ProofFailure.ISSUER_KEYS_UNAVAILABLE, SigningErrorCode.ISSUER_DOCUMENT_UNAVAILABLE,
          "the issuer document " + url + " could not be obtained: " + e.getMessage(), url, e);
    }
    if (bytes == null) {
      throw new ProofVerificationException(ProofFailure.ISSUER_KEYS_UNAVAILABLE, SigningErrorCode.ISSUER_DOCUMENT_UNAVAILABLE,
          "nothing was fetched from " + url, url, null);
    }
    try {
      JsonNode doc = SafeJson.read(bytes, DOCUMENT_LIMITS);
      if (doc.isObject()) {
        return doc;
      }
    } catch (OpenBadgesException e) {
      throw new ProofVerificationException(ProofFailure.ISSUER_KEYS_UNAVAILABLE, SigningErrorCode.ISSUER_DOCUMENT_INVALID,
          "the issuer document " + url + " is not JSON: " + e.getMessage(), url, e);
    }
    throw new ProofVerificationException(ProofFailure.ISSUER_KEYS_UNAVAILABLE, SigningErrorCode.ISSUER_DOCUMENT_INVALID,
        "the issuer document " + url + " is not a JSON object", url, null);
  }

  private static ProofVerificationException unavailable(String issuerId, Missing missing) {
    return new ProofVerificationException(ProofFailure.ISSUER_KEYS_UNAVAILABLE, SigningErrorCode.ISSUER_DOCUMENT_UNAVAILABLE,
        "a key document of the issuer " + issuerId + " could not be obtained: " + missing.url(), missing.url(),
        missing.cause().getCause() != null ? missing.cause().getCause() : missing.cause());
  }

  private static ProofVerificationException notBound(String issuerId, String ref, VerificationKey carried) {
    String who = carried != null ? "the key " + carried.thumbprint() + " (carried in the proof" + (ref != null ? ", kid " + ref : "") + ")"
        : ref != null ? ref : "an unnamed key";
    return new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.KEY_NOT_BOUND_TO_ISSUER,
        "signed with " + who + ", which the issuer " + issuerId + " does not publish as its own");
  }

  // ---------------------------------------------------------------- URLs

  static boolean isHttp(String id) {
    String lower = id.length() > 8 ? id.substring(0, 8).toLowerCase(Locale.ROOT) : id.toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  private static URI wellKnownJwks(String issuerId) {
    URI issuer = uri(issuerId);
    return uri(issuer.getScheme().toLowerCase(Locale.ROOT) + "://" + issuer.getRawAuthority() + "/.well-known/jwks.json");
  }

  private static boolean sameOrigin(String a, String b) {
    try {
      URI x = new URI(a);
      URI y = new URI(b);
      return x.getScheme() != null && x.getScheme().equalsIgnoreCase(y.getScheme())
          && x.getHost() != null && x.getHost().equalsIgnoreCase(y.getHost()) && port(x) == port(y);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static URI uri(String text) {
    try {
      URI u = new URI(text);
      if (!u.isAbsolute() || u.getRawAuthority() == null) {
        throw new URISyntaxException(text, "not an absolute URL");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.ISSUER_URL_INVALID,
          "not a usable URL: " + text, e);
    }
  }

  private static String withoutFragment(String id) {
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }

  private static String absolute(String id, String base) {
    return id.startsWith("#") ? withoutFragment(base) + id : id;
  }

  private static List<JsonNode> items(JsonNode doc, String member) {
    JsonNode value = doc.get(member);
    if (value == null || value.isNull()) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(out::add);
    } else {
      out.add(value);
    }
    return out;
  }

  /** Builds {@link IssuerKeys}. */
  public static final class Builder {
    private final DocumentFetcher fetcher;
    private int maxEntries = 1000;
    private Duration ttl = Duration.ofMinutes(10);
    private Clock clock = Clock.systemUTC();

    private Builder(DocumentFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** At most this many issuers are cached (default 1,000). */
    public Builder maxEntries(int value) {
      this.maxEntries = Math.max(0, value);
      return this;
    }

    /** How long an issuer's keys are kept (default 10 minutes; zero: not cached). */
    public Builder ttl(Duration value) {
      this.ttl = Objects.requireNonNull(value, "ttl");
      return this;
    }

    /** The clock for the cache lifetime. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The resolver. */
    public IssuerKeys build() {
      return new IssuerKeys(this);
    }
  }
}
