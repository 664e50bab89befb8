package io.github.insignia.openbadges.validation;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.status.BitstringStatusList;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.signing.jose.CompactJws;
import io.github.insignia.openbadges.validation.internal.JsonNodes;
import io.github.insignia.openbadges.validation.internal.Messages;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code credentialStatus}: 1EdTech Revocation List, W3C Bitstring Status List and the legacy
 * StatusList2021. The list is itself a credential of the badge's issuer: it is verified through the
 * same judge (signing's verifiers, keys bound to its issuer) and its issuer must be the badge's. A
 * list that cannot be fetched, does not verify, or is not the issuer's leaves the status undecided
 * (INCONCLUSIVE): never "not revoked", never proof that it is revoked.
 */
final class StatusChecks {
  /** Bitstring Status List: verifiers require at least this many entries. */
  static final int MIN_ENTRIES = 131_072;

  /** Decoded bitstrings by encoded text: a list shared by many credentials is inflated once. */
  private static final io.github.insignia.openbadges.BoundedCache<String, BitstringStatusList> DECODED =
      new io.github.insignia.openbadges.BoundedCache<>(32);

  private final Verification v;
  private final ReportBuilder r;

  StatusChecks(Verification verification) {
    this.v = verification;
    this.r = verification.report;
  }

  void check(JsonNode cred, String base) {
    JsonNode status = cred.get("credentialStatus");
    String target = JsonNodes.pointer(base, "credentialStatus");
    if (status == null || status.isNull()) {
      r.notApplicable(CheckCode.STATUS, target, "STATUS.none");
      return;
    }
    List<JsonNode> entries = JsonNodes.items(cred, "credentialStatus");
    String credentialId = JsonNodes.text(cred, "id").orElse("");
    String issuerId = ProofChecks.issuerOf(cred);
    for (int i = 0; i < entries.size(); i++) {
      String t = status.isArray() ? JsonNodes.pointer(target, i) : target;
      JsonNode entry = entries.get(i);
      String type = JsonNodes.text(entry, "type").orElse("");
      switch (type) {
        case "1EdTechRevocationList" -> revocationList(entry, t, credentialId, issuerId);
        case "BitstringStatusListEntry" -> bitstring(entry, t, true, issuerId);
        case "StatusList2021Entry" -> bitstring(entry, t, false, issuerId);
        default -> r.warn(CheckCode.STATUS_UNSUPPORTED, t, type.isEmpty() ? "?" : type);
      }
    }
  }

  private void revocationList(JsonNode entry, String target, String credentialId, String issuerId) {
    String url = JsonNodes.text(entry, "id").orElse("");
    Optional<JsonNode> list = listCredential(url, target, issuerId);
    if (list.isEmpty()) {
      return;
    }
    JsonNode revoked = list.get().has("revokedCredentials") ? list.get().get("revokedCredentials") : list.get().get("revokedCredential");
    if (revoked == null || !revoked.isArray()) {
      r.add(Outcome.INCONCLUSIVE, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.rl");
      return;
    }
    for (JsonNode e : revoked) {
      String id = e.isTextual() ? e.asText() : JsonNodes.text(e, "id").orElse("");
      boolean isRevoked = e.isTextual() || e.path("revoked").asBoolean(true);
      if (id.equals(credentialId) && isRevoked) {
        r.add(Outcome.FAIL, CheckCode.REVOKED, target, "REVOKED.list", url,
            JsonNodes.text(e, "revocationReason").orElse("—"));
        return;
      }
    }
    r.add(Outcome.PASS, CheckCode.STATUS, target, "STATUS.ok", url);
  }

  private void bitstring(JsonNode entry, String target, boolean w3c, String issuerId) {
    String url = JsonNodes.text(entry, "statusListCredential").orElse("");
    String purpose = JsonNodes.text(entry, "statusPurpose").orElse("revocation");
    String indexText = entry.path("statusListIndex").asText("");
    long index;
    try {
      index = new BigInteger(indexText).longValueExact();
      if (index < 0) {
        throw new ArithmeticException();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      r.fail(CheckCode.STATUS_ENTRY_MALFORMED, JsonNodes.pointer(target, "statusListIndex"), indexText);
      return;
    }
    int size = entry.path("statusSize").asInt(1);
    if (size < 1 || size > 8) {
      r.fail(CheckCode.STATUS_ENTRY_MALFORMED, JsonNodes.pointer(target, "statusSize"), entry.path("statusSize").asText());
      return;
    }
    Optional<JsonNode> listCredential = listCredential(url, target, issuerId);
    if (listCredential.isEmpty()) {
      return;
    }
    JsonNode list = listCredential.get();
    JsonNode subject = list.path("credentialSubject");
    List<String> listPurposes = JsonNodes.strings(subject, "statusPurpose");
    if (!listPurposes.isEmpty() && !listPurposes.contains(purpose)) {
      r.add(Outcome.INCONCLUSIVE, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.purpose", purpose, String.join(", ", listPurposes));
      return;
    }
    BitstringStatusList bits;
    try {
      String encoded = JsonNodes.text(subject, "encodedList").orElse("");
      long max = v.options.maxStatusListBytes();
      bits = DECODED.get((w3c ? "w3c:" : "2021:") + max + ":" + encoded, k -> decodeList(encoded, w3c, max));
    } catch (InvalidInputException e) {
      r.add(Outcome.INCONCLUSIVE, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.encoding", e.getMessage());
      return;
    }
    long entries = bits.entries(size);
    if (w3c && entries < MIN_ENTRIES) {
      r.fail(CheckCode.STATUS_LIST_LENGTH_ERROR, url, entries, MIN_ENTRIES);
      return;
    }
    if (index >= entries) {
      r.fail(CheckCode.STATUS_INDEX_OUT_OF_RANGE, JsonNodes.pointer(target, "statusListIndex"), index, entries);
      return;
    }
    int value = bits.value(index, size);
    if (value == 0) {
      r.add(Outcome.PASS, CheckCode.STATUS, target, "STATUS.bit", purpose, url);
    } else if (purpose.equals("revocation")) {
      r.add(Outcome.FAIL, CheckCode.REVOKED, target, "REVOKED.bit", url, index);
    } else if (purpose.equals("suspension")) {
      r.fail(CheckCode.SUSPENDED, target, url, index);
    } else {
      r.add(Outcome.WARNING, CheckCode.STATUS, target, "STATUS.value", purpose, "0x" + Integer.toHexString(value));
    }
  }

  /**
   * The status list credential at {@code url}, verified through the signing module's verifiers as a
   * credential of the badge's issuer; empty (with an INCONCLUSIVE check naming the URL) when it
   * cannot be fetched, carries no proof, does not verify, or is issued by someone else.
   */
  private Optional<JsonNode> listCredential(String url, String target, String issuerId) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      r.fail(CheckCode.STATUS_ENTRY_MALFORMED, target, url);
      return Optional.empty();
    }
    FetchedResource res;
    try {
      res = v.verifier.fetcher().fetch(uri).requireSuccess();
    } catch (FetchException e) {
      r.add(Outcome.INCONCLUSIVE, CheckCode.STATUS_RETRIEVAL_ERROR, url, "STATUS_RETRIEVAL_ERROR", url,
          new Messages.Key(e.problem().code(), e.url(), e.detail().orElse(""), e.status()));
      return Optional.empty();
    }
    String body = new String(res.body(), StandardCharsets.UTF_8).strip();
    boolean jwt = CompactJws.looksLike(body);
    JsonNode list = null;
    try {
      if (!jwt) {
        list = SafeJson.read(res.requireJson().body(), v.options.jsonLimits());
      }
    } catch (InvalidInputException e) {
      r.add(Outcome.INCONCLUSIVE, CheckCode.STATUS_RETRIEVAL_ERROR, url, "STATUS_RETRIEVAL_ERROR", url, e.getMessage());
      return Optional.empty();
    }
    if (list != null && !list.hasNonNull("proof")) {
      r.add(Outcome.INCONCLUSIVE, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.unsigned", url);
      return Optional.empty();
    }
    if (list != null && !sameIssuer(list, url, issuerId)) {
      return Optional.empty(); // checked before its keys are fetched: a stranger's list is not worth verifying
    }
    try {
      if (jwt) {
        list = v.verifier.vcJwt().verify(body).credential();
        if (!sameIssuer(list, url, issuerId)) {
          return Optional.empty();
        }
      } else {
        String remembered = issuerId + "\n" + sha256(res.body());
        if (!v.verifier.statusListVerified(remembered)) {
          v.verifier.dataIntegrityVerifier().verify(list);
          boolean expires = JsonNodes.items(list, "proof").stream().anyMatch(p -> p.has("expires"));
          v.verifier.statusListVerified(remembered, !expires);
        }
      }
    } catch (InvalidInputException e) {
      // A ProofVerificationException or anything else the verifier refuses: not shown to be the issuer's.
      r.add(Outcome.INCONCLUSIVE, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.proof", e.getMessage());
      return Optional.empty();
    }
    return Optional.of(list);
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private boolean sameIssuer(JsonNode list, String url, String issuerId) {
    String listIssuer = ProofChecks.issuerOf(list);
    if (listIssuer.equals(issuerId) && !issuerId.isEmpty()) {
      return true;
    }
    r.add(Outcome.INCONCLUSIVE, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.issuer", url,
        listIssuer.isEmpty() ? "—" : listIssuer, issuerId.isEmpty() ? "—" : issuerId);
    return false;
  }

  /**
   * Decodes an {@code encodedList} with the shared codec, adding the rule a verifier enforces: a
   * W3C Bitstring Status List must carry the multibase prefix ({@code StatusList2021} does not).
   */
  static BitstringStatusList decodeList(String encoded, boolean multibase, long maxBytes) {
    if (multibase && !BitstringStatusList.hasMultibasePrefix(encoded)) {
      throw new InvalidInputException(ModelErrorCode.STATUS_LIST_MALFORMED, "encodedList must be multibase base64url ('u…')");
    }
    return BitstringStatusList.decode(encoded, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
  }
}
