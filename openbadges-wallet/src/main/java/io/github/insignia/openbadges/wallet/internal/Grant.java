package io.github.insignia.openbadges.wallet.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.wallet.WalletErrorCode;
import io.github.insignia.openbadges.wallet.WalletException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a code, token or exchange entitles its holder to, as stored: the achievement, the credential
 * configurations still grantable, the name and narrative, the offer it came from, the transaction
 * code's digest and failed attempts, when the grant ends (the offer's expiry: a token never
 * outlives its offer by more than its own lifetime), and when the credential it grants expires
 * (empty: the issuer's expiry policy).
 */
public record Grant(ObjectNode achievement, List<String> configurations, Optional<String> name,
    Optional<String> narrative, String offerId, Optional<String> txCodeDigest, int attempts,
    Optional<String> challenge, Instant expires, Optional<Instant> validUntil) {
  private static final JsonLimits LIMITS = JsonLimits.builder().maxDepth(64).maxDocumentBytes(1024 * 1024).build();

  /** Copies the lists. */
  public Grant {
    configurations = List.copyOf(configurations);
  }

  /** The same grant with other fields changed. */
  public Grant withConfigurations(List<String> value) {
    return new Grant(achievement, value, name, narrative, offerId, txCodeDigest, attempts, challenge, expires, validUntil);
  }

  /** One more failed transaction-code attempt. */
  public Grant failedAttempt() {
    return new Grant(achievement, configurations, name, narrative, offerId, txCodeDigest, attempts + 1, challenge, expires, validUntil);
  }

  /** The same grant ending at {@code value}. */
  public Grant until(Instant value) {
    return new Grant(achievement, configurations, name, narrative, offerId, txCodeDigest, attempts, challenge, value, validUntil);
  }

  /** The stored text. */
  public String toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("achievement", achievement);
    ArrayNode c = o.putArray("configurations");
    configurations.forEach(c::add);
    name.ifPresent(v -> o.put("name", v));
    narrative.ifPresent(v -> o.put("narrative", v));
    o.put("offerId", offerId);
    txCodeDigest.ifPresent(v -> o.put("txCode", v));
    o.put("attempts", attempts);
    challenge.ifPresent(v -> o.put("challenge", v));
    o.put("expires", expires.getEpochSecond());
    validUntil.ifPresent(v -> o.put("validUntil", v.toString()));
    return SafeJson.write(o);
  }

  /** Reads stored text. */
  public static Grant fromJson(String text) {
    try {
      JsonNode o = SafeJson.read(text, LIMITS);
      List<String> configurations = new ArrayList<>();
      o.path("configurations").forEach(n -> configurations.add(n.asText()));
      JsonNode achievement = o.get("achievement");
      if (achievement == null || !achievement.isObject() || !o.path("expires").canConvertToLong()) {
        throw new IllegalArgumentException("not a grant");
      }
      return new Grant((ObjectNode) achievement, configurations, text(o, "name"), text(o, "narrative"),
          o.path("offerId").asText(""), text(o, "txCode"), o.path("attempts").asInt(0), text(o, "challenge"),
          Instant.ofEpochSecond(o.path("expires").asLong()), text(o, "validUntil").map(Instant::parse));
    } catch (RuntimeException e) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_CORRUPT, "a stored wallet grant is unreadable: " + e.getMessage(), e);
    }
  }

  private static Optional<String> text(JsonNode o, String name) {
    JsonNode n = o.get(name);
    return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }
}
