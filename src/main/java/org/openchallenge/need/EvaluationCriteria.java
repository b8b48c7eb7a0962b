package org.openchallenge.need;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openchallenge.cases.CaseService;
import org.openchallenge.platform.FormInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The criteria the jury scores on, with weights summing to 100, and the score scale (0 to its maximum). They are
 * framed with the challenge, so they are fixed and published before anyone sees a submission.
 */
@Service
public class EvaluationCriteria {

  public static final int TOTAL_WEIGHT = 100;
  public static final int MAX_CRITERIA = 10;

  public record Criterion(int position, String name, int weight) {
  }

  public record Scheme(int scale, List<Criterion> criteria) {
  }

  /** What the framing form proposes when a challenge has no criteria yet; the official edits them. */
  public static final Scheme SUGGESTED = new Scheme(10, List.of(new Criterion(1, "Impact on the outcome indicators", 50),
      new Criterion(2, "Feasibility and maturity", 30), new Criterion(3, "Value for money", 20)));

  private final JdbcClient db;
  private final CaseService cases;

  public EvaluationCriteria(JdbcClient db, CaseService cases) {
    this.db = db;
    this.cases = cases;
  }

  /** Reads and checks the criteria list and scale of a form: names unique, weights whole, positive, summing to 100. */
  public static Scheme read(FormInput in, String listKey, String scaleKey) {
    Integer scale = in.whole(scaleKey, "Score scale (maximum score)", 2, 100);
    List<Criterion> criteria = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int total = 0;
    boolean allWeights = true;
    for (FormInput row : in.rows(listKey, "Evaluation criterion", 1, MAX_CRITERIA)) {
      String name = row.text("name", "Criterion", 200);
      Integer weight = row.whole("weight", "Weight", 1, TOTAL_WEIGHT);
      if (name != null && !names.add(name.toLowerCase())) {
        row.problem("criterion " + name + " appears twice");
      }
      if (weight == null) {
        allWeights = false;
      } else {
        total += weight;
      }
      criteria.add(new Criterion(criteria.size() + 1, name, weight == null ? 0 : weight));
    }
    if (allWeights && !criteria.isEmpty() && total != TOTAL_WEIGHT) {
      in.problem("Evaluation criteria: the weights must sum to " + TOTAL_WEIGHT + " (they sum to " + total + ")");
    }
    return new Scheme(scale == null ? 0 : scale, criteria);
  }

  /** Form rows of a scheme, as the framing form shows them. */
  public static List<Map<String, Object>> rows(Scheme scheme) {
    return scheme.criteria().stream().map(c -> Map.<String, Object>of("name", c.name(), "weight", c.weight())).toList();
  }

  /** Stores the challenge's criteria, replacing earlier ones (framing may be reworked before publication). */
  public void define(String businessKey, Scheme scheme) {
    long caseId = cases.require(businessKey).id();
    db.sql("update challenge set score_scale = :s where case_id = :c").param("s", scheme.scale()).param("c", caseId)
        .update();
    db.sql("delete from evaluation_criterion where case_id = :c").param("c", caseId).update();
    for (Criterion c : scheme.criteria()) {
      db.sql("insert into evaluation_criterion (case_id, position, name, weight) values (:c, :p, :n, :w)")
          .param("c", caseId).param("p", c.position()).param("n", c.name()).param("w", c.weight()).update();
    }
  }

  public Scheme of(long caseId) {
    Integer scale = db.sql("select score_scale from challenge where case_id = :c").param("c", caseId)
        .query(Integer.class).optional().orElse(null);
    List<Criterion> criteria = db.sql("select * from evaluation_criterion where case_id = :c order by position")
        .param("c", caseId)
        .query((rs, n) -> new Criterion(rs.getInt("position"), rs.getString("name"), rs.getInt("weight"))).list();
    return new Scheme(scale == null ? 0 : scale, criteria);
  }

  public Scheme of(String businessKey) {
    return of(cases.require(businessKey).id());
  }
}
