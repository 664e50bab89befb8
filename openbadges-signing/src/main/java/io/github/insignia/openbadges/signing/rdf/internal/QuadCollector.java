package io.github.insignia.openbadges.signing.rdf.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import java.util.ArrayList;
import java.util.List;

/** Collects the quads a Titanium producer emits, failing with {@code RDF_TOO_LARGE} past a limit. */
final class QuadCollector implements RdfQuadConsumer {
  final List<Quad> quads = new ArrayList<>();
  private final int maxQuads;
  private final String what;

  QuadCollector(int maxQuads, String what) {
    this.maxQuads = maxQuads;
    this.what = what;
  }

  @Override
  public RdfQuadConsumer quad(
      String subject,
      String predicate,
      String object,
      String datatype,
      String language,
      String direction,
      String graph) {
    if (quads.size() >= maxQuads) {
      throw new CanonicalizationException(
          SigningErrorCode.RDF_TOO_LARGE, "the " + what + " has more than " + maxQuads + " quads");
    }
    quads.add(new Quad(subject, predicate, object, datatype, language, direction, graph));
    return this;
  }
}
