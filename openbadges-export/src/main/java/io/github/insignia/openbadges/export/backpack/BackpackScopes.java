package io.github.insignia.openbadges.export.backpack;

import java.util.List;

/** The OAuth 2.0 scope strings of Badge Connect 2.1 and the OB 3.0 API. */
public final class BackpackScopes {
  private static final String V2 = "https://purl.imsglobal.org/spec/ob/v2p1/scope/";
  private static final String V3 = "https://purl.imsglobal.org/spec/ob/v3p0/scope/";

  /** 2.1: read assertions. */
  public static final String V2_ASSERTION_READONLY = V2 + "assertion.readonly";
  /** 2.1: post assertions. */
  public static final String V2_ASSERTION_CREATE = V2 + "assertion.create";
  /** 2.1: read the profile. */
  public static final String V2_PROFILE_READONLY = V2 + "profile.readonly";
  /** 2.1: update the profile. */
  public static final String V2_PROFILE_UPDATE = V2 + "profile.update";
  /** Ask for a refresh token (2.1). */
  public static final String OFFLINE_ACCESS = "offline_access";
  /** 3.0: read credentials. */
  public static final String V3_CREDENTIAL_READONLY = V3 + "credential.readonly";
  /** 3.0: upsert credentials. */
  public static final String V3_CREDENTIAL_UPSERT = V3 + "credential.upsert";
  /** 3.0: read the profile. */
  public static final String V3_PROFILE_READONLY = V3 + "profile.readonly";
  /** 3.0: update the profile. */
  public static final String V3_PROFILE_UPDATE = V3 + "profile.update";

  /** Every 2.1 scope. */
  public static final List<String> V2_ALL =
      List.of(V2_ASSERTION_READONLY, V2_ASSERTION_CREATE, V2_PROFILE_READONLY, V2_PROFILE_UPDATE, OFFLINE_ACCESS);
  /** Every 3.0 scope. */
  public static final List<String> V3_ALL =
      List.of(V3_CREDENTIAL_READONLY, V3_CREDENTIAL_UPSERT, V3_PROFILE_READONLY, V3_PROFILE_UPDATE);

  private BackpackScopes() {}
}
