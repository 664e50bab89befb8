package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.jdbc.TestDatabases;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.status.BitstringStatusList;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two portal nodes (two Spring application contexts, each on its own port and data folder) on one
 * database, as behind a load balancer: concurrent awards through both nodes' award API never give
 * two badges one status slot, one award asked of both nodes at once is one badge, and an account
 * deleted on node A is revoked at once in node B's status list and public page; a wallet offer made
 * on node A is redeemed on node B, and its code is then spent on node A too. On a real
 * PostgreSQL (skipped with the reason where there is none) and on one H2 file, which is also node
 * A's default layout: its data folder holds only the key, the mail folder and the database.
 */
class PortalMultiNodeTest {
  private static final int THREADS_PER_NODE = 4;
  private static final int AWARDS_PER_THREAD = 8;
  private static final String PASSWORD = "correct horse battery";

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2-file"})
  void twoNodesOnOneDatabaseShareSlotsBadgesAndRevocations(String kind) throws Exception {
    Path dataA = PortalTestSupport.tempDir();
    Path dataB = PortalTestSupport.tempDir();
    int portA = PortalTestSupport.freePort();
    int portB = PortalTestSupport.freePort();
    String baseA = "http://localhost:" + portA;
    String baseB = "http://localhost:" + portB;
    Map<String, Object> shared = new LinkedHashMap<>();
    if (kind.equals("postgresql")) {
      shared.put("spring.datasource.url", TestDatabases.newPostgresqlDatabaseUrl());
      shared.put("spring.datasource.username", TestDatabases.POSTGRES_USER);
    }
    // node A: the default layout (H2 file in its data folder, key made there on first start)
    ConfigurableApplicationContext a = node(portA, baseA, dataA, shared);
    ConfigurableApplicationContext b = null;
    try {
      Map<String, Object> nodeB = new LinkedHashMap<>(shared);
      nodeB.put("insignia.portal.key-file", dataA.resolve("issuer-key.jwk").toString()); // one issuer, one key
      if (kind.equals("h2-file")) {
        nodeB.put("spring.datasource.url", a.getEnvironment().getProperty("spring.datasource.url"));
      }
      b = node(portB, baseA, dataB, nodeB); // the public URL is the same for every node

      // concurrent awards through both nodes
      ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
      List<Future<List<String>>> work = new ArrayList<>();
      try {
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
          String node = t % 2 == 0 ? baseA : baseB;
          int thread = t;
          work.add(pool.submit(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < AWARDS_PER_THREAD; i++) {
              HttpResponse<String> r = award(node, "node" + thread + "-learner" + i + "@example.org");
              assertEquals(201, r.statusCode(), r.body());
              ids.add(SafeJson.read(r.body()).path("badgeId").asText());
            }
            return ids;
          }));
        }
        List<String> badgeIds = new ArrayList<>();
        for (Future<List<String>> f : work) {
          badgeIds.addAll(f.get());
        }
        int total = 2 * THREADS_PER_NODE * AWARDS_PER_THREAD;
        assertEquals(total, new HashSet<>(badgeIds).size());
        // every badge, read through the node that did not necessarily make it, has its own slot
        Set<String> slots = new HashSet<>();
        for (int i = 0; i < badgeIds.size(); i++) {
          String reader = i % 2 == 0 ? baseB : baseA;
          JsonNode status = credential(reader, badgeIds.get(i)).path("credentialStatus");
          assertTrue(slots.add(status.path("statusListCredential").asText() + "#" + status.path("statusListIndex").asText()),
              "slot " + status + " handed out twice");
        }
        JdbcClient db = a.getBean(JdbcClient.class);
        assertEquals((long) total, db.sql("SELECT COUNT(DISTINCT list_number * 1000000 + list_index) FROM insignia_status_assignment")
            .query(Long.class).single());

        // one award asked of both nodes at once is one badge
        String contested = "contested@example.org";
        List<Callable<HttpResponse<String>>> same = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
          String node = t % 2 == 0 ? baseA : baseB;
          same.add(() -> award(node, contested));
        }
        Set<String> contestedIds = new HashSet<>();
        int created = 0;
        for (Future<HttpResponse<String>> f : pool.invokeAll(same)) {
          HttpResponse<String> r = f.get();
          assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body());
          created += r.statusCode() == 201 ? 1 : 0;
          contestedIds.add(SafeJson.read(r.body()).path("badgeId").asText());
        }
        assertEquals(1, contestedIds.size());
        assertEquals(1, created);
      } finally {
        pool.shutdownNow();
      }

      // a learner awarded through node B signs up, logs in and deletes the account on node A
      String email = "node1-learner0@example.org";
      String badgeId = SafeJson.read(award(baseB, email).body()).path("badgeId").asText();
      JsonNode status = credential(baseB, badgeId).path("credentialStatus");
      assertTrue(status.path("statusListCredential").asText().startsWith(baseA + "/badges/status/"));
      int index = Integer.parseInt(status.path("statusListIndex").asText());
      String list = status.path("statusListCredential").asText().substring(baseA.length());
      assertTrue(!revokedIn(baseB + list, index));

      PortalClient learner = new PortalClient(baseA);
      assertEquals(200, PortalHttpTest.signUp(learner, "Ada Lovelace", email, PASSWORD).statusCode());
      String mail = PortalTestSupport.lastMailTo(dataA, email);
      assertNotNull(mail, "the confirmation mail, from node A");
      assertEquals(200, learner.get(PortalTestSupport.link(mail, baseA + "/confirm?token=")).statusCode());
      assertEquals(302, PortalHttpTest.logIn(learner, email, PASSWORD).statusCode());
      assertTrue(learner.get("/my").body().contains("/my/badges/" + badgeId), "node A lists the badge node B made");

      // a wallet offer made on node A is served and redeemed by node B, and the code is then spent on A too
      String details = "/my/badges/" + badgeId;
      HttpResponse<String> offerPage = learner.submit(details, details + "/wallet");
      assertEquals(200, offerPage.statusCode(), offerPage.body());
      String offerUri = Jsoup.parse(offerPage.body()).getElementById("offer-link").attr("href");
      String offerUrl = URLDecoder.decode(offerUri.substring(offerUri.indexOf('=') + 1), StandardCharsets.UTF_8);
      assertTrue(offerUrl.startsWith(baseA + "/wallet/"), offerUrl);
      HttpResponse<String> offer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(baseB + offerUrl.substring(baseA.length()))).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, offer.statusCode(), "node B serves the offer node A made");
      String code = SafeJson.read(offer.body())
          .at("/grants/urn:ietf:params:oauth:grant-type:pre-authorized_code/pre-authorized_code").asText();
      String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:pre-authorized_code", StandardCharsets.UTF_8)
          + "&pre-authorized_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
      HttpResponse<String> token = postForm(baseB + "/wallet/oid4vci/token", form);
      assertEquals(200, token.statusCode(), token.body());
      HttpResponse<String> replay = postForm(baseA + "/wallet/oid4vci/token", form);
      assertEquals(400, replay.statusCode(), "the code is single use across nodes");
      assertEquals("invalid_grant", SafeJson.read(replay.body()).path("error").asText());
      HttpResponse<String> gone = learner.submit("/account/delete", "/account/delete", "password", PASSWORD, "confirm", "yes");
      assertEquals(302, gone.statusCode());

      // at once on node B: the bit is set in its status list, its public page says revoked
      assertTrue(revokedIn(baseB + list, index), "node B's status list shows the revocation made on node A");
      String page = PortalClient.text(new PortalClient(baseB).get("/badges/badges/" + badgeId));
      assertTrue(page.contains("The issuer revoked this badge"), page);

      if (kind.equals("h2-file")) {
        try (Stream<Path> files = Files.list(dataA)) {
          Set<String> names = new HashSet<>(files.map(p -> p.getFileName().toString()).toList());
          names.removeAll(Set.of("issuer-key.jwk", "mail", "portal.mv.db", "portal.trace.db"));
          assertEquals(Set.of(), names, "nothing but the key, the mail folder and the H2 file in the data folder");
        }
      }
    } finally {
      if (b != null) {
        b.close();
      }
      a.close();
    }
  }

  private static ConfigurableApplicationContext node(int port, String publicBase, Path data, Map<String, Object> extra) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("server.port", port);
    props.put("insignia.portal.base-url", publicBase);
    props.put("insignia.portal.data-dir", data.toString());
    props.put("insignia.portal.api-key", PortalTestSupport.API_KEY);
    props.put("insignia.portal.captcha-bits", 4);
    props.putAll(extra);
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(PortalApplication.class).run(args);
  }

  private static HttpResponse<String> award(String node, String email) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node + "/api/awards"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + PortalTestSupport.API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"course\":\"open-data\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postForm(String url, String form) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode credential(String node, String badgeId) throws Exception {
    HttpResponse<byte[]> r = new PortalClient(node).getBytes("/badges/badges/" + badgeId + "/badge.json");
    assertEquals(200, r.statusCode(), node + " serves " + badgeId);
    return SafeJson.read(r.body());
  }

  private static boolean revokedIn(String listUrl, int index) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(listUrl)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), listUrl);
    String encoded = SafeJson.read(r.body()).path("credentialSubject").path("encodedList").asText();
    return BitstringStatusList.decode(encoded, 1 << 20).get(index);
  }
}
