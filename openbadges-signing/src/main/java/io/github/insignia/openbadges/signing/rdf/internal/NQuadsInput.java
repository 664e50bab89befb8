package io.github.insignia.openbadges.signing.rdf.internal;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.nquads.NQuadsReader;
import com.apicatalog.rdf.nquads.NQuadsReaderException;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import java.io.StringReader;
import java.util.List;

/** Reads N-Quads text into quads, under the quad limit. */
public final class NQuadsInput {
  private NQuadsInput() {}

  /** The quads of {@code nquads}. */
  public static List<Quad> read(String nquads, int maxQuads) {
    QuadCollector quads = new QuadCollector(maxQuads, "dataset");
    try {
      new NQuadsReader(new StringReader(nquads)).provide(quads);
    } catch (NQuadsReaderException | RdfConsumerException e) {
      throw new CanonicalizationException(
          CanonicalizationException.NQUADS_MALFORMED, "malformed N-Quads: " + e.getMessage(), e);
    } catch (CanonicalizationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CanonicalizationException(
          CanonicalizationException.NQUADS_MALFORMED, "malformed N-Quads: " + e, e);
    }
    return quads.quads;
  }
}
