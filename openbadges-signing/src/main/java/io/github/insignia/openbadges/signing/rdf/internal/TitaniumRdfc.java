package io.github.insignia.openbadges.signing.rdf.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import io.github.insignia.openbadges.signing.rdf.CanonicalDataset;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationOptions;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RDFC-1.0 with titanium-rdfc, under a work limit counted by its ticker. */
public final class TitaniumRdfc {
  private TitaniumRdfc() {}

  private static final class WorkLimit extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    WorkLimit(long max) {
      super("RDFC-1.0 work limit of " + max + " exceeded", null);
    }
  }

  /** Canonicalizes {@code quads}. */
  public static CanonicalDataset canonicalize(List<Quad> quads, CanonicalizationOptions options) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(options.hashAlgorithm().jcaName());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long max = options.maxRdfcWork();
    long[] work = {0};
    RdfCanonTicker ticker =
        () -> {
          if (++work[0] > max) {
            throw new WorkLimit(max);
          }
        };
    RdfCanon canon = RdfCanon.create(digest, ticker);
    for (Quad q : quads) {
      canon.quad(q.subject(), q.predicate(), q.object(), q.datatype(), q.language(), q.direction(), q.graph());
    }
    StringWriter out = new StringWriter();
    try {
      canon.provide(new NQuadsWriter(out));
    } catch (WorkLimit e) {
      throw new CanonicalizationException(
          SigningErrorCode.RDFC_WORK_LIMIT,
          "the dataset needs more than " + max + " units of RDFC-1.0 work (a poison graph?)",
          e);
    } catch (RdfConsumerException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> mapping = new LinkedHashMap<>();
    canon.mapping().forEach((k, v) -> mapping.put(strip(k), strip(v)));
    return new CanonicalDataset(out.toString(), mapping);
  }

  private static String strip(String label) {
    return label.startsWith("_:") ? label.substring(2) : label;
  }
}
