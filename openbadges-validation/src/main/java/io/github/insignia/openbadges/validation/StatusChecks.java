package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * StatusList2021. A list that cannot be fetched is a warning (as in the 1EdTech validator): the
 * badge could not be checked, which is not proof that it is revoked.
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
    for (int i = 0; i < entries.size(); i++) {
      String t = status.isArray() ? JsonNodes.pointer(target, i) : target;
      JsonNode entry = entries.get(i);
      String type = JsonNodes.text(entry, "type").orElse("");
      switch (type) {
        case "1EdTechRevocationList" -> revocationList(entry, t, credentialId);
        case "BitstringStatusListEntry" -> bitstring(entry, t, true);
        case "StatusList2021Entry" -> bitstring(entry, t, false);
        default -> r.warn(CheckCode.STATUS_UNSUPPORTED, t, type.isEmpty() ? "?" : type);
      }
    }
  }

  private void revocationList(JsonNode entry, String target, String credentialId) {
    String url = JsonNodes.text(entry, "id").orElse("");
    Optional<JsonNode> list = fetch(url, target);
    if (list.isEmpty()) {
      return;
    }
    JsonNode revoked = list.get().has("revokedCredentials") ? list.get().get("revokedCredentials") : list.get().get("revokedCredential");
    if (revoked == null || !revoked.isArray()) {
      r.add(Outcome.WARNING, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.rl");
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

  private void bitstring(JsonNode entry, String target, boolean w3c) {
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
    Optional<JsonNode> listCredential = fetch(url, target);
    if (listCredential.isEmpty()) {
      return;
    }
    JsonNode list = listCredential.get();
    JsonNode subject = list.path("credentialSubject");
    List<String> listPurposes = JsonNodes.strings(subject, "statusPurpose");
    if (!listPurposes.isEmpty() && !listPurposes.contains(purpose)) {
      r.add(Outcome.FAIL, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.purpose", purpose, String.join(", ", listPurposes));
      return;
    }
    if (list.has("proof") && list.isObject()) {
      VerificationReport sub = listReport((ObjectNode) list);
      Optional<Check> failedProof = sub.checks().stream()
          .filter(c -> c.outcome() == Outcome.FAIL && (c.code().name().startsWith("PROOF") || c.code() == CheckCode.KEY_RESOLUTION))
          .findFirst();
      if (failedProof.isPresent()) {
        r.add(Outcome.FAIL, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.proof",
            new Messages.Key(failedProof.get().messageKey(), failedProof.get().arguments()));
        return;
      }
    }
    BitstringStatusList bits;
    try {
      String encoded = JsonNodes.text(subject, "encodedList").orElse("");
      long max = v.options.maxStatusListBytes();
      bits = DECODED.get((w3c ? "w3c:" : "2021:") + max + ":" + encoded, k -> decodeList(encoded, w3c, max));
    } catch (InvalidInputException e) {
      r.add(Outcome.FAIL, CheckCode.STATUS_VERIFICATION_ERROR, url, "STATUS_VERIFICATION_ERROR.encoding", e.getMessage());
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

  private VerificationReport listReport(ObjectNode list) {
    ReportBuilder sub = new ReportBuilder(r.locale());
    Verification nested = new Verification(v.verifier, sub, v.depth + 1);
    BadgeVerifier.guard(sub, () -> new Ob3Checks(nested).proofsOnly(list));
    return sub.build();
  }

  private Optional<JsonNode> fetch(String url, String target) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      r.fail(CheckCode.STATUS_ENTRY_MALFORMED, target, url);
      return Optional.empty();
    }
    try {
      FetchedResource res = v.verifier.fetcher().fetch(uri).requireSuccess();
      String body = new String(res.body(), StandardCharsets.UTF_8).strip();
      if (CompactJws.looksLike(body)) {
        // A status list credential secured as a VC-JWT: its payload is the credential.
        JsonNode payload = CompactJws.parse(body, v.options.jsonLimits()).payloadJson(v.options.jsonLimits());
        return Optional.of(payload.has("vc") ? payload.get("vc") : payload);
      }
      res.requireJson();
      return Optional.of(SafeJson.read(res.body(), v.options.jsonLimits()));
    } catch (FetchException e) {
      r.warn(CheckCode.STATUS_RETRIEVAL_ERROR, url, url, new Messages.Key(e.problem().code(), e.url(), e.detail().orElse(""), e.status()));
    } catch (InvalidInputException e) {
      r.warn(CheckCode.STATUS_RETRIEVAL_ERROR, url, url, e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * Decodes an {@code encodedList} with the shared codec, adding the rule a verifier enforces: a
   * W3C Bitstring Status List must carry the multibase prefix ({@code StatusList2021} does not).
   */
  static BitstringStatusList decodeList(String encoded, boolean multibase, long maxBytes) {
    if (multibase && !BitstringStatusList.hasMultibasePrefix(encoded)) {
      throw new InvalidInputException("STATUS_LIST_MALFORMED", "encodedList must be multibase base64url ('u…')");
    }
    return BitstringStatusList.decode(encoded, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
  }
}
