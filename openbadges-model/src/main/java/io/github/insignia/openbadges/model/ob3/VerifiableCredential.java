package io.github.insignia.openbadges.model.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

// Written by hand (not generated): the one view for credentials that are not Open Badges classes.

/**
 * A Verifiable Credential that is not an OB 3.0 achievement or endorsement credential: a CLR 2.0
 * {@code ClrCredential} or any other VC. Only the members every credential shares are typed; the
 * subject is kept as JSON. Immutable.
 */
public final class VerifiableCredential extends Credential {
  private static final Set<String> KNOWN_MEMBERS = union(Credential.KNOWN, "credentialSubject");

  private VerifiableCredential(ObjectNode json, boolean copy) {
    super(json, copy, KNOWN_MEMBERS);
  }

  /** Wraps a copy of a JSON object as read; no member is checked, unknown members are kept. */
  public static VerifiableCredential of(ObjectNode json) {
    return new VerifiableCredential(json, true);
  }

  /** {@code credentialSubject} as JSON (a copy), when it is an object. */
  public Optional<ObjectNode> credentialSubject() {
    JsonNode subject = node().get("credentialSubject");
    return subject instanceof ObjectNode o ? Optional.of(o.deepCopy()) : Optional.empty();
  }

  /** Whether {@code type} names the CLR 2.0 {@code ClrCredential}. */
  public boolean isClr() {
    return types().contains("ClrCredential");
  }
}
