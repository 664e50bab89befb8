package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.model.Contexts;
import io.github.insignia.openbadges.model.DateTimes;
import io.github.insignia.openbadges.model.RecipientIdentity;
import io.github.insignia.openbadges.validation.internal.JsonNodes;
import io.github.insignia.openbadges.validation.internal.Messages;
import io.github.insignia.openbadges.validation.internal.Schemas;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The OB 3.0 (and VCDM 1.1 OB 3.0) checks, in the order the 1EdTech validator runs them. */
final class Ob3Checks {
  private static final Pattern OB_CONTEXT =
      Pattern.compile("^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context(-3\\.\\d\\.\\d)*\\.json$");
  /** Members whose object values are typed OB 3.0 / VC classes and need a {@code type}. */
  private static final Set<String> TYPED_MEMBERS = Set.of(
      "credentialSubject", "achievement", "alignment", "result", "resultDescription", "evidence",
      "image", "identifier", "otherIdentifier", "address", "related", "credentialStatus",
      "credentialSchema", "proof", "issuer", "creator", "source", "endorsement",
      "rubricCriterionLevel", "refreshService", "termsOfUse", "parentOrg", "geo");

  /** A VC-JWT the credential came in: its compact form and its (unverified) payload. */
  record Jwt(String compact, JsonNode payload) {}

  private final Verification v;
  private final ReportBuilder r;

  Ob3Checks(Verification verification) {
    this.v = verification;
    this.r = verification.report;
  }

  void verify(ObjectNode cred, String base, Jwt jwt, boolean asEndorsement) {
    int start = r.mark();
    String vcdm = context(cred, base);
    boolean endorsement = JsonNodes.hasType(cred, "EndorsementCredential");
    type(cred, base, endorsement);
    boolean structureOk = !r.failedSince(start);
    CheckCode rootCause = r.firstFailureSince(start);
    if ("2.0".equals(vcdm)) {
      schema(cred, base, endorsement);
    } else if ("1.1".equals(vcdm)) {
      r.notApplicable(CheckCode.OB3_SCHEMA, base, "OB3_SCHEMA.v11");
    } else {
      r.skip(CheckCode.OB3_SCHEMA, base, rootCause);
    }
    nestedTypes(cred, base);
    if (!endorsement) {
      subjectIdentifier(cred, base);
    }
    if (structureOk) {
      proofs(cred, base, jwt);
    } else {
      r.skip(CheckCode.PROOF, base + "/proof", rootCause);
    }
    dates(cred, base, "1.1".equals(vcdm), jwt);
    new StatusChecks(v).check(cred, base);
    if (!endorsement && !asEndorsement) {
      recipient(cred, base);
      if (v.options.requireImage() && v.depth == 0) {
        // The badge's image: the achievement's, else the credential's (the baked input last, after the checks).
        JsonNode achievementImage = cred.path("credentialSubject").path("achievement").get("image");
        if (achievementImage != null) {
          v.image(achievementImage, base + "/credentialSubject/achievement/image", true, true);
        } else if (cred.get("image") != null) {
          v.image(cred.get("image"), JsonNodes.pointer(base, "image"), true, true);
        }
      }
    }
    endorsements(cred, base);
  }

  // ---------------------------------------------------------------- structure

  private String context(JsonNode cred, String base) {
    List<String> contexts = JsonNodes.strings(cred, "@context");
    String target = JsonNodes.pointer(base, "@context");
    JsonNode raw = cred.get("@context");
    if (raw == null || !raw.isArray() || raw.size() < 2 || contexts.isEmpty()) {
      r.add(Outcome.FAIL, CheckCode.OB3_CONTEXT, target, "OB3_CONTEXT.missing");
      return null;
    }
    String first = raw.get(0).asText("");
    String vcdm = Contexts.VC_V2.equals(first) ? "2.0" : Contexts.VC_V1.equals(first) ? "1.1" : null;
    if (vcdm == null) {
      r.add(Outcome.FAIL, CheckCode.OB3_CONTEXT, JsonNodes.pointer(target, 0), "OB3_CONTEXT.first", first);
      return null;
    }
    boolean hasOb = false;
    for (JsonNode c : raw) {
      if (c.isTextual() && OB_CONTEXT.matcher(c.asText()).matches()) {
        hasOb = true;
      }
    }
    if (!hasOb) {
      r.add(Outcome.FAIL, CheckCode.OB3_CONTEXT, target, "OB3_CONTEXT.ob");
      return null;
    }
    r.add(Outcome.PASS, CheckCode.OB3_CONTEXT, target, "OB3_CONTEXT.ok", vcdm);
    return vcdm;
  }

  private void type(JsonNode cred, String base, boolean endorsement) {
    String target = JsonNodes.pointer(base, "type");
    boolean vc = JsonNodes.hasType(cred, "VerifiableCredential");
    boolean ob = JsonNodes.hasType(cred, "OpenBadgeCredential", "AchievementCredential", "EndorsementCredential");
    if (!vc || !ob) {
      r.add(Outcome.FAIL, CheckCode.OB3_TYPE, target, "OB3_TYPE.bad",
          String.join(", ", JsonNodes.strings(cred, "type")));
      return;
    }
    r.add(Outcome.PASS, CheckCode.OB3_TYPE, target, "OB3_TYPE.ok",
        endorsement ? "EndorsementCredential" : "OpenBadgeCredential");
  }

  private void schema(JsonNode cred, String base, boolean endorsement) {
    String canonical = endorsement ? Contexts.OB_V3_ENDORSEMENT_CREDENTIAL_SCHEMA : Contexts.OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA;
    List<String> urls = new ArrayList<>();
    urls.add(canonical);
    for (JsonNode s : JsonNodes.items(cred, "credentialSchema")) {
      String id = JsonNodes.text(s, "id").orElse("");
      if ("1EdTechJsonSchemaValidator2019".equals(JsonNodes.text(s, "type").orElse("")) && !urls.contains(id)) {
        if (Schemas.isPinned(id)) {
          urls.add(id);
        } else {
          r.add(Outcome.WARNING, CheckCode.OB3_SCHEMA, JsonNodes.pointer(base, "credentialSchema"), "OB3_SCHEMA.unknown", id);
        }
      }
    }
    int failures = 0;
    int reported = 0;
    Set<String> vocabularyReported = new java.util.HashSet<>();
    for (String url : urls) {
      Schemas.Screened screened = Schemas.screen(url, cred);
      List<Schemas.Problem> problems = new ArrayList<>();
      for (Schemas.Problem p : screened.vocabulary()) {
        if (vocabularyReported.add(p.pointer())) {
          problems.add(p);
        }
      }
      problems.addAll(Schemas.validate(url, screened.instance()).orElse(List.of()));
      for (Schemas.Problem p : problems) {
        // A value outside an open vocabulary is a warning; anything structural fails.
        boolean open = p.openVocabulary();
        failures += open ? 0 : 1;
        if (reported++ < 10) {
          r.add(open ? Outcome.WARNING : Outcome.FAIL, CheckCode.OB3_SCHEMA, base + p.pointer(),
              open ? "OB3_SCHEMA.vocabulary" : "OB3_SCHEMA.problem", p.message());
        }
      }
    }
    if (reported > 10) {
      r.add(failures > 0 ? Outcome.FAIL : Outcome.WARNING, CheckCode.OB3_SCHEMA, base, "OB3_SCHEMA.more", reported - 10);
    } else if (reported == 0) {
      r.add(Outcome.PASS, CheckCode.OB3_SCHEMA, base, "OB3_SCHEMA.ok", canonical.substring(canonical.lastIndexOf('/') + 1));
    }
  }

  void nestedTypes(JsonNode cred, String base) {
    List<String> missing = new ArrayList<>();
    walk(cred, base, missing, 0);
    if (missing.isEmpty()) {
      r.add(Outcome.PASS, CheckCode.OB3_NESTED_TYPES, base, "OB3_NESTED_TYPES.ok");
      return;
    }
    for (String p : missing.subList(0, Math.min(10, missing.size()))) {
      r.add(Outcome.FAIL, CheckCode.OB3_NESTED_TYPES, p, "OB3_NESTED_TYPES.missing");
    }
  }

  private void walk(JsonNode node, String pointer, List<String> missing, int depth) {
    if (depth > 32 || !node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.equals("@context") || key.equals("proof") && depth > 0) {
        continue;
      }
      String p = JsonNodes.pointer(pointer, key);
      List<JsonNode> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(values::add);
      } else {
        values.add(e.getValue());
      }
      for (int i = 0; i < values.size(); i++) {
        JsonNode value = values.get(i);
        String vp = e.getValue().isArray() ? JsonNodes.pointer(p, i) : p;
        if (value.isObject()) {
          if (TYPED_MEMBERS.contains(key) && !value.has("type")) {
            missing.add(vp);
          }
          // Endorsements are verified on their own below.
          if (!key.equals("endorsement")) {
            walk(value, vp, missing, depth + 1);
          }
        }
      }
    }
  }

  private void subjectIdentifier(JsonNode cred, String base) {
    JsonNode subject = cred.get("credentialSubject");
    String target = JsonNodes.pointer(base, "credentialSubject");
    if (subject == null || !subject.isObject()) {
      return; // the schema reports it
    }
    boolean hasId = subject.hasNonNull("id");
    boolean hasIdentifier = !JsonNodes.items(subject, "identifier").isEmpty();
    if (hasId || hasIdentifier) {
      r.add(Outcome.PASS, CheckCode.OB3_SUBJECT_IDENTIFIER, target, "OB3_SUBJECT_IDENTIFIER.ok");
    } else if (v.recipients.isEmpty()) {
      // Nobody asked whom it is for: the specification does not require an identifier.
      r.add(Outcome.WARNING, CheckCode.OB3_SUBJECT_IDENTIFIER, target, "OB3_SUBJECT_IDENTIFIER.missing");
    } // else the recipient check reports RECIPIENT_MISSING
  }

  // ---------------------------------------------------------------- proofs

  /** Proof, dates and status only: a CLR 2.0 transcript or any other Verifiable Credential. */
  void credentialOnly(ObjectNode cred, Jwt jwt) {
    proofs(cred, "", jwt);
    dates(cred, "", Contexts.VC_V1.equals(cred.path("@context").path(0).asText("")), jwt);
    new StatusChecks(v).check(cred, "");
  }

  /**
   * The proofs, judged by the signing module: the VC-JWT the credential came in and its embedded
   * Data Integrity proofs. Every proof must verify (one bad proof fails the credential).
   */
  private void proofs(ObjectNode cred, String base, Jwt jwt) {
    ProofChecks checks = new ProofChecks(v);
    boolean any = false;
    if (jwt != null) {
      any = true;
      checks.vcJwt(jwt.compact(), cred, base);
    }
    JsonNode proof = cred.get("proof");
    if (proof != null && !proof.isNull() && !(proof.isArray() && proof.isEmpty())) {
      any = true;
      // A Data Integrity proof inside a VC-JWT signs the credential as it was before the JWT
      // claims were added beside it (they are no JSON-LD terms of the credential).
      checks.dataIntegrity(jwt == null ? cred : ProofChecks.withoutJwtClaims(cred), JsonNodes.pointer(base, "proof"));
    }
    if (!any) {
      r.add(Outcome.FAIL, CheckCode.PROOF_MISSING, JsonNodes.pointer(base, "proof"), "PROOF_MISSING.ob3");
    }
  }

  // ---------------------------------------------------------------- dates

  private void dates(JsonNode cred, String base, boolean v11, Jwt jwt) {
    String fromName = v11 ? "issuanceDate" : "validFrom";
    String untilName = v11 ? "expirationDate" : "validUntil";
    Optional<Instant> from = date(cred, base, fromName);
    Optional<Instant> until = date(cred, base, untilName);
    if (from == null || until == null) {
      return; // malformed, reported
    }
    if (until.isEmpty() && jwt != null && jwt.payload().path("exp").canConvertToLong()) {
      until = Optional.of(Instant.ofEpochSecond(jwt.payload().get("exp").asLong()));
    }
    Instant now = v.now;
    if (from.isPresent() && from.get().isAfter(now.plus(v.options.skew()))) {
      r.fail(CheckCode.NOT_YET_VALID, JsonNodes.pointer(base, fromName), from.get().toString());
    } else if (until.isPresent() && until.get().isBefore(now.minus(v.options.skew()))) {
      r.fail(CheckCode.EXPIRED, JsonNodes.pointer(base, untilName), until.get().toString());
    } else {
      r.pass(CheckCode.VALIDITY_PERIOD, base, from.map(Instant::toString).orElse("—"),
          until.<Object>map(Instant::toString).orElse(new Messages.Key("VALIDITY_PERIOD.noEnd")));
    }
  }

  /** Empty when absent; null when malformed (and reported). */
  @SuppressWarnings("OptionalAssignedToNull")
  private Optional<Instant> date(JsonNode node, String base, String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    String text = value.asText("");
    if (!value.isTextual() || !DateTimes.hasZone(text) || DateTimes.parse(text).isEmpty()) {
      r.fail(CheckCode.DATE_MALFORMED, JsonNodes.pointer(base, member), text);
      return null;
    }
    return Optional.of(DateTimes.parse(text).get().toInstant());
  }

  // ---------------------------------------------------------------- recipient

  private void recipient(JsonNode cred, String base) {
    String target = JsonNodes.pointer(base, "credentialSubject");
    List<String> candidates = v.recipients;
    if (candidates.isEmpty()) {
      r.notApplicable(CheckCode.RECIPIENT, target, "RECIPIENT.notRequested");
      return;
    }
    JsonNode subject = cred.path("credentialSubject");
    String subjectId = JsonNodes.text(subject, "id").orElse(null);
    List<JsonNode> identifiers = JsonNodes.items(subject, "identifier");
    if (subjectId == null && identifiers.isEmpty()) {
      r.fail(CheckCode.RECIPIENT_MISSING, target, String.join(", ", candidates));
      return;
    }
    if (subjectId != null) {
      RecipientRules.IdKind kind = RecipientRules.subjectIdKind(subjectId);
      for (String c : candidates) {
        if (RecipientRules.matches(kind, false, Optional.of(subjectId), Optional.empty(), c)) {
          r.pass(CheckCode.RECIPIENT, JsonNodes.pointer(target, "id"), c);
          return;
        }
      }
    }
    for (int i = 0; i < identifiers.size(); i++) {
      JsonNode id = identifiers.get(i);
      boolean hashed = id.path("hashed").asBoolean(false);
      RecipientRules.IdKind kind = RecipientRules.ob3Kind(JsonNodes.text(id, "identityType").orElse(""));
      for (String c : candidates) {
        if (RecipientRules.matches(kind, hashed, JsonNodes.text(id, "identityHash"), JsonNodes.text(id, "salt"), c)) {
          r.pass(CheckCode.RECIPIENT, JsonNodes.pointer(JsonNodes.pointer(target, "identifier"), i), c);
          return;
        }
      }
    }
    r.fail(CheckCode.RECIPIENT_MISMATCH, target, String.join(", ", candidates));
  }

  // ---------------------------------------------------------------- endorsements

  private void endorsements(JsonNode cred, String base) {
    List<String[]> found = new ArrayList<>();
    collectEndorsements(cred, base, found, 0);
    if (found.isEmpty()) {
      return;
    }
    if (v.depth >= v.options.maxEndorsementDepth()) {
      r.add(Outcome.WARNING, CheckCode.ENDORSEMENT, base, "ENDORSEMENT.depth", found.size());
      return;
    }
    for (String[] e : found) {
      r.endorsed(e[0], v.verifier.verifyNested(e[1], v.depth + 1));
    }
  }

  private void collectEndorsements(JsonNode node, String pointer, List<String[]> found, int depth) {
    if (depth > 16 || !node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = JsonNodes.pointer(pointer, e.getKey());
      if (e.getKey().equals("endorsement") || e.getKey().equals("endorsementJwt")) {
        List<JsonNode> items = JsonNodes.items(node, e.getKey());
        for (int i = 0; i < items.size(); i++) {
          JsonNode item = items.get(i);
          String ip = e.getValue().isArray() ? JsonNodes.pointer(p, i) : p;
          found.add(new String[] {ip, item.isTextual() ? item.asText() : io.github.insignia.openbadges.json.SafeJson.write(item)});
        }
      } else if (e.getValue().isObject() && !e.getKey().equals("proof")) {
        collectEndorsements(e.getValue(), p, found, depth + 1);
      } else if (e.getValue().isArray()) {
        int i = 0;
        for (JsonNode item : e.getValue()) {
          collectEndorsements(item, JsonNodes.pointer(p, i++), found, depth + 1);
        }
      }
    }
  }
}
