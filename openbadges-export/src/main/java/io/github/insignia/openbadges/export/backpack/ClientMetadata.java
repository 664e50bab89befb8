package io.github.insignia.openbadges.export.backpack;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The RFC 7591 registration request a client sends: name, home page, logo, terms, policy, software
 * id and version, redirect URIs and scopes. Immutable; build with {@link #builder(String, URI)}.
 */
public final class ClientMetadata {
  private final String clientName;
  private final URI clientUri;
  private final URI logoUri;
  private final URI tosUri;
  private final URI policyUri;
  private final String softwareId;
  private final String softwareVersion;
  private final List<URI> redirectUris;
  private final List<String> scopes;

  private ClientMetadata(Builder b) {
    this.clientName = b.clientName;
    this.clientUri = b.clientUri;
    this.logoUri = b.logoUri == null ? b.clientUri : b.logoUri;
    this.tosUri = b.tosUri == null ? b.clientUri : b.tosUri;
    this.policyUri = b.policyUri == null ? b.clientUri : b.policyUri;
    this.softwareId = b.softwareId;
    this.softwareVersion = b.softwareVersion;
    this.redirectUris = List.copyOf(b.redirectUris);
    this.scopes = List.copyOf(b.scopes);
  }

  /** A builder for a client with this name and home page. */
  public static Builder builder(String clientName, URI clientUri) {
    return new Builder(clientName, clientUri);
  }

  /** The redirect URIs. */
  public List<URI> redirectUris() {
    return redirectUris;
  }

  /** The scopes asked for. */
  public List<String> scopes() {
    return scopes;
  }

  /** The JSON registration request. */
  public ObjectNode toJson() {
    ObjectNode o = SafeJson.nodeFactory().objectNode();
    o.put("client_name", clientName);
    o.put("client_uri", clientUri.toString());
    o.put("logo_uri", logoUri.toString());
    o.put("tos_uri", tosUri.toString());
    o.put("policy_uri", policyUri.toString());
    o.put("software_id", softwareId);
    o.put("software_version", softwareVersion);
    ArrayNode r = o.putArray("redirect_uris");
    redirectUris.forEach(u -> r.add(u.toString()));
    o.put("token_endpoint_auth_method", "client_secret_basic");
    o.putArray("grant_types").add("authorization_code").add("refresh_token");
    o.putArray("response_types").add("code");
    o.put("scope", String.join(" ", scopes));
    return o;
  }

  /** Builds {@link ClientMetadata}. */
  public static final class Builder {
    private final String clientName;
    private final URI clientUri;
    private URI logoUri;
    private URI tosUri;
    private URI policyUri;
    private String softwareId = "io.github.insignia";
    private String softwareVersion = "0.1";
    private final List<URI> redirectUris = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();

    private Builder(String clientName, URI clientUri) {
      this.clientName = Objects.requireNonNull(clientName, "clientName");
      this.clientUri = Objects.requireNonNull(clientUri, "clientUri");
    }

    /** Logo URL (defaults to the client URI). */
    public Builder logoUri(URI value) {
      this.logoUri = value;
      return this;
    }

    /** Terms of service URL (defaults to the client URI). */
    public Builder tosUri(URI value) {
      this.tosUri = value;
      return this;
    }

    /** Privacy policy URL (defaults to the client URI). */
    public Builder policyUri(URI value) {
      this.policyUri = value;
      return this;
    }

    /** Software id (a stable identifier of the client software). */
    public Builder softwareId(String value) {
      this.softwareId = Objects.requireNonNull(value, "softwareId");
      return this;
    }

    /** Software version. */
    public Builder softwareVersion(String value) {
      this.softwareVersion = Objects.requireNonNull(value, "softwareVersion");
      return this;
    }

    /** Adds a redirect URI. */
    public Builder redirectUri(URI value) {
      this.redirectUris.add(Objects.requireNonNull(value, "redirectUri"));
      return this;
    }

    /** Adds scopes. */
    public Builder scopes(List<String> values) {
      this.scopes.addAll(values);
      return this;
    }

    /** The metadata. */
    public ClientMetadata build() {
      if (redirectUris.isEmpty()) {
        throw new io.github.insignia.openbadges.ConfigurationException(ExportErrorCode.REDIRECT_URI_MISSING,
            "a client needs at least one redirect URI");
      }
      return new ClientMetadata(this);
    }
  }
}
