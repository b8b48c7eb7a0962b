package org.openchallenge.research;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.intake.Solution;
import org.openchallenge.intake.SolutionRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Research: the solutions the research team finds, the invitations to their providers, and the research brief. */
@Service
public class ResearchService {

  public record Finding(String title, String summary, String organisationName,
                        Solution.OrganisationType organisationType, String approach, String foundWhere,
                        String providerContact) {
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final SolutionRepository solutions;
  private final Clock clock;

  public ResearchService(JdbcClient db, CaseService cases, SolutionRepository solutions, Clock clock) {
    this.db = db;
    this.cases = cases;
    this.solutions = solutions;
    this.clock = clock;
  }

  public long recordFinding(String businessKey, Finding f, String by) {
    ProcurementCase c = cases.require(businessKey);
    return solutions.insert(new Solution(0, c.id(), c.researchRound(), Solution.Source.RESEARCH, f.title(),
        f.summary(), f.organisationName(), f.organisationType(), f.approach(), f.foundWhere(), f.providerContact(),
        null, null, null, null, Solution.Status.FOUND, null, null, null, by, now()));
  }

  /** The solutions found in the case's current research round. */
  public List<Solution> findings(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return solutions.ofCase(c.id(), Solution.Source.RESEARCH, c.researchRound());
  }

  /** How many solutions follow each approach, for the brief's landscape. */
  public Map<String, Integer> countPerApproach(String businessKey) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Solution s : findings(businessKey)) {
      counts.merge(s.approach() == null ? "unclassified" : s.approach(), 1, Integer::sum);
    }
    return counts;
  }

  public void recordInvitation(String businessKey, String message, String by) {
    ProcurementCase c = cases.require(businessKey);
    db.sql("""
        insert into research_brief (case_id, research_round, invitation_message, invited_by)
        values (:c, :r, :m, :by)""")
        .param("c", c.id()).param("r", c.researchRound()).param("m", message).param("by", by).update();
  }

  public void publishBrief(String businessKey, String landscape, String gaps, String by) {
    ProcurementCase c = cases.require(businessKey);
    int findingCount = findings(businessKey).size();
    int updated = db.sql("""
        update research_brief set landscape = :l, gaps = :g, finding_count = :n, published_by = :by, published_at = :at
        where case_id = :c and research_round = :r""")
        .params(Map.of("l", landscape, "n", findingCount, "by", by, "at", now(), "c", c.id(), "r", c.researchRound()))
        .param("g", gaps).update();
    if (updated == 0) {
      db.sql("""
          insert into research_brief (case_id, research_round, landscape, gaps, finding_count, published_by,
            published_at) values (:c, :r, :l, :g, :n, :by, :at)""")
          .params(Map.of("l", landscape, "n", findingCount, "by", by, "at", now(), "c", c.id(), "r", c.researchRound()))
          .param("g", gaps).update();
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
