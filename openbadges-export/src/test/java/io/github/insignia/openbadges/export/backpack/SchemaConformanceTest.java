package io.github.insignia.openbadges.export.backpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.export.provider.BackpackProvider;
import io.github.insignia.openbadges.export.provider.HttpRequest;
import io.github.insignia.openbadges.export.provider.HttpResponse;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request and response payload of both APIs, checked against the pinned 1EdTech schemas. */
class SchemaConformanceTest {
  LoopbackBackpack loop;
  BackpackProvider provider;

  @BeforeEach
  void start() {
    loop = new LoopbackBackpack();
    provider = loop.server.provider();
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  @Test
  void theUpstreamGetAssertionsSchemaIsBrokenJsonAndOurRepairIsMinimal() {
    String pinned = PinnedSchemas.pinnedText(PinnedSchemas.GET_ASSERTIONS_200);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> SafeJson.read(pinned));
    assertEquals(ModelErrorCode.JSON_MALFORMED, e.errorCode());
    String repaired = PinnedSchemas.repairedGetAssertions();
    assertEquals(pinned.replace("\r\n", "\n").length() - 1, repaired.length());
    assertTrue(SafeJson.read(repaired).isObject());
  }

  String token(BackpackClient client, java.util.List<String> scopes) throws Exception {
    return LoopbackBackpack.authorize(client, scopes).accessToken();
  }

  HttpResponse call(String method, String path, String token, String type, String body) {
    HttpRequest r = HttpRequest.of(method, path);
    if (token != null) {
      r = r.withHeader("Authorization", "Bearer " + token);
    }
    if (type != null) {
      r = r.withHeader("Content-Type", type).withBody(body.getBytes(StandardCharsets.UTF_8));
    }
    return provider.handle(r);
  }

  static JsonNode json(HttpResponse r) {
    return SafeJson.read(r.body());
  }

  @Test
  void ob3Payloads() throws Exception {
    String token = token(Ob3BackpackClient.discover(loop.base(), loop.options()), BackpackScopes.V3_ALL);
    ObjectNode credential = Ob3FlowTest.credential();
    PinnedSchemas.assertValid(PinnedSchemas.V3 + "achievementcredential_schema.json", credential);

    HttpResponse created = call("POST", "/ims/ob/v3p0/credentials", token, "application/vc+ld+json", SafeJson.write(credential));
    assertEquals(201, created.status());
    assertEquals("application/vc+ld+json", created.header("Content-Type").orElseThrow());
    PinnedSchemas.assertValid(PinnedSchemas.V3 + "achievementcredential_schema.json", json(created));
    ObjectNode second = credential.deepCopy();
    second.put("id", "urn:uuid:2");
    assertEquals(201, call("POST", "/ims/ob/v3p0/credentials", token, "text/plain", Ob3FlowTest.fakeJws(second)).status());

    HttpResponse list = call("GET", "/ims/ob/v3p0/credentials?limit=10", token, null, null);
    assertEquals(200, list.status());
    assertEquals("2", list.header("X-Total-Count").orElseThrow());
    assertTrue(list.header("Link").orElseThrow().contains("rel=\"first\""));
    PinnedSchemas.assertValid(PinnedSchemas.V3 + "getopenbadgecredentialsresponse_schema.json", json(list));
    assertTrue(json(list).has("credential") && json(list).has("compactJwsString"));

    ObjectNode profile = SafeJson.nodeFactory().objectNode();
    profile.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    profile.put("id", "did:example:learner");
    profile.putArray("type").add("Profile");
    PinnedSchemas.assertValid(PinnedSchemas.V3 + "profile_schema.json", profile);
    HttpResponse put = call("PUT", "/ims/ob/v3p0/profile", token, "application/json", SafeJson.write(profile));
    PinnedSchemas.assertValid(PinnedSchemas.V3 + "profile_schema.json", json(put));

    String imsx = PinnedSchemas.V3 + "imsx_statusinfo_schema.json";
    for (HttpResponse error : new HttpResponse[] {
        call("GET", "/ims/ob/v3p0/credentials", null, null, null),
        call("GET", "/ims/ob/v3p0/credentials", "wrong", null, null),
        call("GET", "/ims/ob/v3p0/credentials?limit=-1", token, null, null),
        call("POST", "/ims/ob/v3p0/credentials", token, "application/json", "{\"id\":1}"),
        call("DELETE", "/ims/ob/v3p0/credentials", token, null, null),
        call("GET", "/ims/ob/v3p0/nothing", token, null, null)}) {
      assertTrue(error.status() >= 400, error.toString());
      PinnedSchemas.assertValid(imsx, json(error));
    }
    HttpResponse discovery = call("GET", "/ims/ob/v3p0/discovery", null, null, null);
    JsonNode sdd = json(discovery);
    assertEquals("oauth2", sdd.path("components").path("securitySchemes").path("OAuth2ACG").path("type").asText());
    assertTrue(sdd.path("info").has("x-imssf-privacyPolicyUrl"));
  }

  @Test
  void badgeConnectPayloads() throws Exception {
    HttpResponse manifest = call("GET", "/.well-known/badgeconnect.json", null, null, null);
    ObjectNode m = (ObjectNode) json(manifest);
    // The 2.1 text puts @context in the manifest; the schema forbids any extra member. We follow the text.
    assertEquals("https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld", m.remove("@context").asText());
    PinnedSchemas.assertValid(PinnedSchemas.V2 + "getmanifest-200-responsepayload-schemav1p0.json", m);

    String token = token(BadgeConnectClient.discover(loop.base(), loop.options()), BackpackScopes.V2_ALL);
    String request = "{\"assertion\":" + BadgeConnectFlowTest.ASSERTION + "}";
    PinnedSchemas.assertValid(PinnedSchemas.V2 + "postassertion-requestpayload-schemav1p0.json", SafeJson.read(request));
    HttpResponse posted = call("POST", "/ims/ob/v2p1/assertions", token, "application/json", request);
    assertEquals(200, posted.status(), posted.bodyText());
    PinnedSchemas.assertValid(PinnedSchemas.V2 + "postassertion-200-400-401-404-405-500-responsepayload-schemav1p0.json", json(posted));

    HttpResponse list = call("GET", "/ims/ob/v2p1/assertions", token, null, null);
    PinnedSchemas.assertValid(PinnedSchemas.GET_ASSERTIONS_200, json(list));
    assertEquals(1, json(list).path("assertions").size());

    HttpResponse missing = call("GET", "/ims/ob/v2p1/profile", token, null, null);
    assertEquals(404, missing.status());
    PinnedSchemas.assertValid(PinnedSchemas.V2 + "getprofile-400-401-404-405-500-responsepayload-schemav1p0.json", json(missing));
    String profile = "{\"id\":\"_:learner\",\"type\":\"Profile\",\"email\":\"learner@example.org\"}";
    PinnedSchemas.assertValid(PinnedSchemas.V2 + "postprofile-requestpayload-schemav1p0.json", SafeJson.read(profile));
    HttpResponse postedProfile = call("POST", "/ims/ob/v2p1/profile", token, "application/json", profile);
    PinnedSchemas.assertValid(PinnedSchemas.V2 + "postprofile-200-responsepayload-schemav1p0.json", json(postedProfile));
    PinnedSchemas.assertValid(PinnedSchemas.V2 + "getprofile-200-responsepayload-schemav1p0.json",
        json(call("GET", "/ims/ob/v2p1/profile", token, null, null)));

    for (HttpResponse error : new HttpResponse[] {
        call("GET", "/ims/ob/v2p1/assertions", null, null, null),
        call("GET", "/ims/ob/v2p1/assertions?offset=x", token, null, null),
        call("PUT", "/ims/ob/v2p1/assertions", token, null, null)}) {
      assertTrue(error.status() >= 400, error.toString());
      PinnedSchemas.assertValid(PinnedSchemas.V2 + "getassertions-400-401-404-405-500-responsepayload-schemav1p0.json", json(error));
    }
    HttpResponse bad = call("POST", "/ims/ob/v2p1/assertions", token, "application/json", "{\"assertion\":{\"id\":\"x\"}}");
    assertEquals(400, bad.status());
    assertEquals("INVALID_BADGE", json(bad).path("status").path("statusText").asText());
    PinnedSchemas.assertValid(PinnedSchemas.V2 + "postassertion-200-400-401-404-405-500-responsepayload-schemav1p0.json", json(bad));
    assertFalse(json(bad).path("status").has("error") && json(bad).path("status").path("error").isNull());
  }
}
