package io.github.insignia.openbadges.benchmarks;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.rdf.CanonicalDataset;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationOptions;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import io.github.insignia.openbadges.signing.rdf.internal.FastPath;
import io.github.insignia.openbadges.signing.rdf.internal.GeneralProcessor;
import io.github.insignia.openbadges.signing.rdf.internal.JakartaJson;
import io.github.insignia.openbadges.signing.rdf.internal.PinnedContextLoader;
import io.github.insignia.openbadges.signing.rdf.internal.Quad;
import io.github.insignia.openbadges.signing.rdf.internal.Rdfc;
import jakarta.json.JsonObject;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Canonicalization of a ~3.5 KB OB 3.0 credential (the data an {@code eddsa-rdfc-2022} proof
 * hashes), single thread:
 *
 * <ul>
 *   <li>{@code canonicalize}: {@link RdfCanonicalizer} as shipped (pinned-context fast path);
 *   <li>{@code canonicalizeGeneral}: the same with the fast path off (Titanium in safe mode);
 *   <li>{@code titaniumBaseline}: plain Titanium {@code toRdf} + titanium-rdfc RDFC-1.0, contexts
 *       from a loader that keeps them parsed (the usual hand-assembled Java stack);
 *   <li>{@code toRdfFast} / {@code toRdfTitanium}: JSON-LD to RDF alone, fast path vs Titanium;
 *   <li>{@code rdfcOnly}: RDFC-1.0 alone on the credential's quads.
 * </ul>
 *
 * <p>Run: {@code java -jar openbadges-benchmarks/target/benchmarks.jar CanonicalizationBenchmark
 * -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CanonicalizationBenchmark {
  /** A credential of the size and shape real OB 3.0 badges have (about 3.5 KB). */
  static final String CREDENTIAL =
      """
      {
        "@context": [
          "https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
          "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
        ],
        "id": "urn:uuid:2f6bd1b4-8e0c-4a57-9d5e-1a4f0c7d2b11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Introduction to Data Science",
        "description": "Awarded for completing the twelve-week Introduction to Data Science course.",
        "issuer": {
          "id": "https://badges.example.edu/issuers/data-science-institute",
          "type": ["Profile"],
          "name": "Example University Data Science Institute",
          "url": "https://datascience.example.edu",
          "email": "badges@example.edu",
          "description": "The institute teaches applied statistics and machine learning.",
          "image": {
            "id": "https://badges.example.edu/issuers/data-science-institute/logo.png",
            "type": "Image",
            "caption": "Institute logo"
          },
          "address": {
            "type": ["Address"],
            "addressCountry": "Canada",
            "addressLocality": "Montreal",
            "postalCode": "H3A 0G4"
          }
        },
        "validFrom": "2026-06-01T12:00:00Z",
        "validUntil": "2031-06-01T12:00:00Z",
        "credentialSubject": {
          "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
          "type": ["AchievementSubject"],
          "activityEndDate": "2026-05-28T00:00:00Z",
          "achievement": {
            "id": "https://badges.example.edu/achievements/intro-data-science",
            "type": ["Achievement"],
            "achievementType": "Course",
            "name": "Introduction to Data Science",
            "description": "Learners clean, explore and model real data sets in Python and present their findings.",
            "humanCode": "DS-101",
            "fieldOfStudy": "Data Science",
            "criteria": {
              "narrative": "Complete all twelve weekly assignments with a grade of at least 70% and present a final project to a panel."
            },
            "image": {
              "id": "https://badges.example.edu/achievements/intro-data-science/badge.png",
              "type": "Image",
              "caption": "Introduction to Data Science badge"
            },
            "tag": ["data science", "python", "statistics", "machine learning"],
            "alignment": [
              {
                "type": ["Alignment"],
                "targetName": "Analyze data",
                "targetUrl": "https://frameworks.example.org/competencies/analyze-data",
                "targetDescription": "Use statistical methods to analyze a data set.",
                "targetFramework": "Example Digital Skills Framework",
                "targetCode": "EDSF-4.2"
              },
              {
                "type": ["Alignment"],
                "targetName": "Communicate findings",
                "targetUrl": "https://frameworks.example.org/competencies/communicate-findings",
                "targetFramework": "Example Digital Skills Framework",
                "targetCode": "EDSF-6.1"
              }
            ],
            "creator": {
              "id": "https://badges.example.edu/issuers/data-science-institute",
              "type": ["Profile"],
              "name": "Example University Data Science Institute"
            }
          },
          "result": [
            {
              "type": ["Result"],
              "value": "A",
              "status": "Completed"
            }
          ]
        },
        "evidence": [
          {
            "id": "https://portfolio.example.edu/learners/4711/final-project",
            "type": ["Evidence"],
            "name": "Final project",
            "narrative": "A predictive model of bicycle-share demand, presented on 2026-05-27.",
            "genre": "Project"
          }
        ],
        "credentialSchema": [
          {
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019"
          }
        ]
      }
      """;

  private RdfCanonicalizer fast;
  private RdfCanonicalizer general;
  private FastPath fastPath;
  private PinnedContextLoader titaniumLoader;
  private JsonNode credential;
  private JsonObject credentialJakarta;
  private List<Quad> quads;

  /** Builds the canonicalizers and warms their context caches (as a long-running service has). */
  @Setup
  public void setUp() {
    credential = SafeJson.read(CREDENTIAL);
    if (CREDENTIAL.getBytes(StandardCharsets.UTF_8).length < 3000) {
      throw new IllegalStateException("the benchmark credential should be about 3.5 KB");
    }
    credentialJakarta = JakartaJson.toJakarta(credential).asJsonObject();
    fast = RdfCanonicalizer.create();
    general = RdfCanonicalizer.create(CanonicalizationOptions.builder().fastPath(false).build());
    PinnedContextLoader loader = new PinnedContextLoader(PinnedDocuments.loader());
    fastPath = new FastPath(ProcessingRuntime.of(GeneralProcessor.baseOptions(loader, true)));
    titaniumLoader = new PinnedContextLoader(PinnedDocuments.loader());
    String expected = titaniumBaseline();
    if (!expected.equals(canonicalize()) || !expected.equals(canonicalizeGeneral())) {
      throw new IllegalStateException("the paths disagree:\n" + expected + "\n" + canonicalize());
    }
    quads = toRdfFast();
    if (quads == null) {
      throw new IllegalStateException("the benchmark credential should take the fast path");
    }
  }

  /** The shipped canonicalizer (fast path). */
  @Benchmark
  public String canonicalize() {
    return fast.canonicalize(credential);
  }

  /** The shipped canonicalizer with the fast path off (Titanium in safe mode, then RDFC-1.0). */
  @Benchmark
  public String canonicalizeGeneral() {
    return general.canonicalize(credential);
  }

  /** Plain Titanium toRdf + titanium-rdfc, contexts kept parsed by the loader. */
  @Benchmark
  public String titaniumBaseline() {
    try {
      RdfCanon canon = RdfCanon.create("SHA-256");
      JsonLd.toRdf(JsonDocument.of(credentialJakarta)).loader(titaniumLoader).provide(canon);
      StringWriter out = new StringWriter();
      canon.provide(new NQuadsWriter(out));
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON-LD to RDF alone, fast path. */
  @Benchmark
  public List<Quad> toRdfFast() {
    return fastPath.toQuads(credential, 100_000);
  }

  /** RDFC-1.0 alone, on the credential's quads. */
  @Benchmark
  public CanonicalDataset rdfcOnly() {
    return Rdfc.canonicalize(quads, CanonicalizationOptions.defaults());
  }

  /** JSON-LD to RDF alone, plain Titanium. */
  @Benchmark
  public Object toRdfTitanium() {
    try {
      return JsonLd.toRdf(JsonDocument.of(credentialJakarta)).loader(titaniumLoader).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
