package io.github.insignia.openbadges.model;

/** The JSON-LD context URLs the model reads and writes. */
public final class Contexts {
  /** Open Badges 1.1. */
  public static final String OB_V1 = "https://w3id.org/openbadges/v1";
  /** Open Badges 2.0/2.1. */
  public static final String OB_V2 = "https://w3id.org/openbadges/v2";
  /** W3C Verifiable Credentials Data Model 2.0. */
  public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
  /** W3C Verifiable Credentials Data Model 1.1. */
  public static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
  /** Open Badges 3.0, the context version issuers use today (3.0.3). */
  public static final String OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  /** The prefix every OB 3.0 context URL starts with (3.0.0 to 3.0.3). */
  public static final String OB_V3_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/context";
  /** 1EdTech terms used by OB 3.0 extensions ({@code 1EdTechRevocationList}, …). */
  public static final String OB_V3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
  /** The OB 3.0 AchievementCredential JSON Schema. */
  public static final String OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
  /** The OB 3.0 EndorsementCredential JSON Schema. */
  public static final String OB_V3_ENDORSEMENT_CREDENTIAL_SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json";

  private Contexts() {}
}
