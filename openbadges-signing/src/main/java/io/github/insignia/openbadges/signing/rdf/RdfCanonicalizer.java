package io.github.insignia.openbadges.signing.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import io.github.insignia.openbadges.signing.rdf.internal.FastPath;
import io.github.insignia.openbadges.signing.rdf.internal.GeneralProcessor;
import io.github.insignia.openbadges.signing.rdf.internal.NQuadsInput;
import io.github.insignia.openbadges.signing.rdf.internal.PinnedContextLoader;
import io.github.insignia.openbadges.signing.rdf.internal.Quad;
import io.github.insignia.openbadges.signing.rdf.internal.Rdfc;
import java.util.List;
import java.util.Objects;

/**
 * JSON-LD 1.1 to RDF, then RDF Dataset Canonicalization (RDFC-1.0): the canonical N-Quads that a
 * Data Integrity proof ({@code eddsa-rdfc-2022}) hashes.
 *
 * <p>Contexts come only from the configured {@link
 * io.github.insignia.openbadges.documents.DocumentLoader} (by default the pinned copies; never the
 * network). In safe mode (the default) anything JSON-LD would drop silently (a term no context
 * defines, a relative IRI type or id, a free-floating value) is a {@link
 * CanonicalizationException} instead, so injected data cannot ride along unsigned. RDFC-1.0 runs
 * under a work limit, so a "poison" graph fails fast with {@link
 * CanonicalizationException#RDFC_WORK_LIMIT}.
 *
 * <p>Immutable and thread-safe; build one and share it (it keeps parsed contexts).
 *
 * <pre>{@code
 * RdfCanonicalizer canonicalizer = RdfCanonicalizer.create();
 * String nquads = canonicalizer.canonicalize(credentialWithoutProof);
 * }</pre>
 */
public final class RdfCanonicalizer {
  private final CanonicalizationOptions options;
  private final GeneralProcessor general;
  private final FastPath fast;

  private RdfCanonicalizer(CanonicalizationOptions options) {
    this.options = options;
    PinnedContextLoader loader = new PinnedContextLoader(options.documentLoader());
    this.general = new GeneralProcessor(options, loader);
    this.fast =
        options.fastPath()
            ? new FastPath(
                ProcessingRuntime.of(GeneralProcessor.baseOptions(loader, options.safeMode())))
            : null;
  }

  private static final class Shared {
    static final RdfCanonicalizer DEFAULT = new RdfCanonicalizer(CanonicalizationOptions.defaults());
  }

  /**
   * The canonicalizer with {@link CanonicalizationOptions#defaults()}: one per process, shared, so
   * its context caches are warm for every caller (creating one per call would process the pinned
   * contexts again each time).
   */
  public static RdfCanonicalizer create() {
    return Shared.DEFAULT;
  }

  /**
   * A canonicalizer with the given options. Each instance keeps its own context caches: build it
   * once and share it.
   */
  public static RdfCanonicalizer create(CanonicalizationOptions options) {
    Objects.requireNonNull(options, "options");
    return options == CanonicalizationOptions.defaults() ? Shared.DEFAULT : new RdfCanonicalizer(options);
  }

  /** The options this canonicalizer was built with. */
  public CanonicalizationOptions options() {
    return options;
  }

  /**
   * The canonical N-Quads of a JSON-LD document: JSON-LD 1.1 toRdf, then RDFC-1.0.
   *
   * @param jsonLdDocument a JSON-LD document (for a proof, the credential without its {@code
   *     proof})
   * @return canonical N-Quads, each line ending in {@code \n} (empty for an empty dataset)
   * @throws CanonicalizationException with a stable code when the document cannot be processed
   */
  public String canonicalize(JsonNode jsonLdDocument) {
    return canonicalizeQuads(toQuads(jsonLdDocument)).nquads();
  }

  /**
   * The canonical N-Quads of a JSON-LD document with the identifiers RDFC-1.0 issued (input labels
   * are the processor's own, {@code b0}, {@code b1}, …).
   */
  public CanonicalDataset canonicalizeWithMap(JsonNode jsonLdDocument) {
    return canonicalizeQuads(toQuads(jsonLdDocument));
  }

  /**
   * The canonical form of an N-Quads dataset.
   *
   * @throws CanonicalizationException {@code NQUADS_MALFORMED}, {@code RDF_TOO_LARGE} or {@code
   *     RDFC_WORK_LIMIT}
   */
  public String canonicalizeNQuads(String nquads) {
    return canonicalizeNQuadsWithMap(nquads).nquads();
  }

  /** The canonical form of an N-Quads dataset with the identifiers RDFC-1.0 issued. */
  public CanonicalDataset canonicalizeNQuadsWithMap(String nquads) {
    Objects.requireNonNull(nquads, "nquads");
    return canonicalizeQuads(NQuadsInput.read(nquads, options.maxQuads()));
  }

  private List<Quad> toQuads(JsonNode document) {
    Objects.requireNonNull(document, "jsonLdDocument");
    if (fast != null) {
      List<Quad> quads = fast.toQuads(document, options.maxQuads());
      if (quads != null) {
        return quads;
      }
    }
    return general.toQuads(document);
  }

  private CanonicalDataset canonicalizeQuads(List<Quad> quads) {
    return Rdfc.canonicalize(quads, options);
  }
}
