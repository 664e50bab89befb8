package io.github.insignia.openbadges.issuing.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a batch did. {@code summary.json} is {@link #toJson()}.
 *
 * @param issued learners awarded in this run
 * @param skipped learners already done by an earlier run
 * @param failed learners that failed (all of them, even past the kept list)
 * @param failures the first failures, at most {@link BatchIssuer#MAX_REPORTED_FAILURES}
 * @param elapsed how long the run took
 * @param aborted why the run stopped early, when it did (for example a malformed roster)
 */
public record BatchResult(
    long issued, long skipped, long failed, List<BatchFailure> failures, Duration elapsed, Optional<String> aborted) {
  /** Copies the list. */
  public BatchResult {
    failures = List.copyOf(failures);
  }

  /** Learners handled. */
  public long total() {
    return issued + skipped + failed;
  }

  /** Whether every learner has a badge (nothing failed, nothing aborted). */
  public boolean complete() {
    return failed == 0 && aborted.isEmpty();
  }

  /** The summary as JSON. */
  public ObjectNode toJson() {
    ObjectNode json = SafeJson.nodeFactory().objectNode();
    json.put("total", total());
    json.put("issued", issued);
    json.put("skipped", skipped);
    json.put("failed", failed);
    json.put("elapsedMillis", elapsed.toMillis());
    aborted.ifPresent(a -> json.put("aborted", a));
    ArrayNode list = json.putArray("failures");
    for (BatchFailure f : failures) {
      list.addObject().put("row", f.row()).put("recipient", f.recipient()).put("code", f.code()).put("message", f.message());
    }
    if (failed > failures.size()) {
      json.put("failuresNotListed", failed - failures.size());
    }
    return json;
  }
}
