package org.openchallenge.award;

import org.openchallenge.publication.Ledger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.openchallenge.cases.CaseService;
import org.openchallenge.intake.Solution;
import org.openchallenge.intake.SolutionRepository;
import org.openchallenge.jury.JuryDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Award and contract: a manager's confirmation of the jury's award, and the contract that follows. */
@Service
public class AwardService {

  public record Contract(long solutionId, String supplier, BigDecimal value, String currency, LocalDate startDate,
                         LocalDate endDate, int reportingMonths) {
  }

  private final Ledger ledger;
  private final JdbcClient db;
  private final CaseService cases;
  private final JuryDecision jury;
  private final SolutionRepository solutions;
  private final Clock clock;

  public AwardService(JdbcClient db, CaseService cases, JuryDecision jury, SolutionRepository solutions, Clock clock, Ledger ledger) {
    this.ledger = ledger;
    this.db = db;
    this.cases = cases;
    this.jury = jury;
    this.solutions = solutions;
    this.clock = clock;
  }

  /** The solution the jury awarded in its current round. */
  public Solution awardedSolution(String businessKey) {
    Long id = jury.currentDecision(businessKey).map(JuryDecision.Decision::solutionId)
        .orElseThrow(() -> new IllegalStateException("Case " + businessKey + " has no award to confirm"));
    return solutions.find(id).orElseThrow();
  }

  public void review(String businessKey, boolean confirmed, String comment, String by) {
    Solution awarded = awardedSolution(businessKey);
    jury.recordReview(businessKey, confirmed, comment, by, now());
    if (confirmed) {
      solutions.setStatus(awarded.id(), Solution.Status.AWARDED);
    }
    java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("confirmed", confirmed);
    data.put("solution", awarded.id());
    data.put("comment", comment);
    ledger.record(businessKey, "award.reviewed", "solution " + awarded.id(), by, data);
  }

  public void recordContract(String businessKey, Contract k, String by) {
    db.sql("""
        insert into contract (case_id, solution_id, supplier, contract_value, currency, start_date, end_date,
          reporting_months, recorded_by, recorded_at)
        values (:c, :s, :supplier, :value, :currency, :start, :end, :months, :by, :at)""")
        .param("c", cases.require(businessKey).id()).param("s", k.solutionId()).param("supplier", k.supplier())
        .param("value", k.value()).param("currency", k.currency()).param("start", k.startDate())
        .param("end", k.endDate()).param("months", k.reportingMonths()).param("by", by).param("at", now()).update();
    ledger.record(businessKey, "contract.recorded", "solution " + k.solutionId(), by, java.util.Map.of(
        "supplier", k.supplier(), "value", k.value(), "currency", k.currency(),
        "startDate", k.startDate().toString(), "endDate", k.endDate().toString()));
  }

  public Optional<Contract> contract(String businessKey) {
    return db.sql("select * from contract where case_id = :c").param("c", cases.require(businessKey).id())
        .query((rs, n) -> new Contract(rs.getLong("solution_id"), rs.getString("supplier"),
            rs.getBigDecimal("contract_value"), rs.getString("currency").strip(),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
            rs.getInt("reporting_months")))
        .optional();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
