package org.openchallenge.jury;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.jury.JuryComposition.Composition;
import org.openchallenge.jury.JuryComposition.Member;
import org.openchallenge.jury.JuryComposition.SeatType;
import org.openchallenge.publication.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Task_CheckComposition (the decision table juryComposition: its inputs and its stored findings) and
 * Task_ReviewCompositionWarnings (the official's override).
 */
@Service
public class CompositionCheck {

  enum Severity { VIOLATION, WARNING }

  /** What the decision table juryComposition reads; public because the model's expressions call its accessors. */
  public record CompositionFacts(int jurorCount, double nonOfficialShare, int citizenCount,
                                 boolean qualificationRequired, double qualifiedShare) {
  }

  record Finding(Severity severity, String reason) {
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final JuryComposition composition;
  private final Clock clock;
  private final Ledger ledger;

  CompositionCheck(JdbcClient db, CaseService cases, JuryComposition composition, Clock clock, Ledger ledger) {
    this.db = db;
    this.cases = cases;
    this.composition = composition;
    this.clock = clock;
    this.ledger = ledger;
  }

  CompositionFacts compositionFacts(String businessKey) {
    List<Member> members = composition.members(businessKey);
    boolean required = composition.composition(businessKey).map(Composition::qualificationRequired).orElse(false);
    int n = members.size();
    long nonOfficials = members.stream().filter(m -> m.seatType() != SeatType.OFFICIAL).count();
    long citizens = members.stream().filter(m -> m.seatType() == SeatType.CITIZEN).count();
    long qualified = members.stream().filter(Member::qualified).count();
    return new CompositionFacts(n, n == 0 ? 0 : (double) nonOfficials / n, (int) citizens, required,
        n == 0 ? 0 : (double) qualified / n);
  }

  /** Records the outcomes of one run of the decision table juryComposition; answers the verdict for the gateway. */
  Severity recordCheck(String businessKey, List<Finding> findings) {
    ProcurementCase c = cases.require(businessKey);
    db.sql("update jury_composition set checks = checks + 1 where case_id = :c and jury_round = :r")
        .param("c", c.id()).param("r", c.juryRound()).update();
    int checkNo = db.sql("select checks from jury_composition where case_id = :c and jury_round = :r")
        .param("c", c.id()).param("r", c.juryRound()).query(Integer.class).single();
    for (Finding f : findings) {
      db.sql("""
          insert into composition_finding (case_id, jury_round, check_no, severity, reason, checked_at)
          values (:c, :r, :n, :s, :reason, :at)""").param("c", c.id()).param("r", c.juryRound()).param("n", checkNo)
          .param("s", f.severity().name()).param("reason", f.reason()).param("at", OffsetDateTime.now(clock))
          .update();
    }
    if (findings.stream().anyMatch(f -> f.severity() == Severity.VIOLATION)) {
      return Severity.VIOLATION;
    }
    return findings.isEmpty() ? null : Severity.WARNING;
  }

  /** The outcomes of the latest composition check of the current round. */
  List<Finding> latestFindings(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("""
        select * from composition_finding f where f.case_id = :c and f.jury_round = :r and f.check_no =
          (select checks from jury_composition k where k.case_id = :c and k.jury_round = :r) order by f.id""")
        .param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> new Finding(Severity.valueOf(rs.getString("severity")), rs.getString("reason"))).list();
  }

  void overrideWarnings(String businessKey, String justification, String by) {
    ProcurementCase c = cases.require(businessKey);
    db.sql("""
        update jury_composition set override_justification = :j, overridden_by = :by
        where case_id = :c and jury_round = :r""").param("j", justification).param("by", by)
        .param("c", c.id()).param("r", c.juryRound()).update();
    ledger.record(businessKey, "jury.warnings-overridden", "jury round " + c.juryRound(), by,
        Map.of("warnings", latestFindings(businessKey).stream().map(Finding::reason).toList(),
            "justification", justification));
  }
}
