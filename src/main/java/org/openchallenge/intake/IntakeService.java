package org.openchallenge.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.openchallenge.platform.EngineAsSystem;
import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.need.NeedService;
import org.openchallenge.platform.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Solution intake: the intake window, providers' submissions, and their screening. */
@Service
public class IntakeService {

  public static final String MSG_SOLUTION_SUBMITTED = "Msg_SolutionSubmitted";

  public record Submission(String title, String summary, String howMeetsOutcomes, String organisationName,
                           Solution.OrganisationType organisationType, String country, Solution.Maturity maturity) {
  }

  public record IntakeWindow(OffsetDateTime openedAt, OffsetDateTime deadline, OffsetDateTime closedAt) {
    boolean acceptsAt(OffsetDateTime now) {
      return closedAt == null && now.isBefore(deadline);
    }
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final NeedService need;
  private final SolutionRepository solutions;
  private final RuntimeService runtime;
  private final Clock clock;
  private final EngineAsSystem system;

  public IntakeService(JdbcClient db, CaseService cases, NeedService need, SolutionRepository solutions,
                       RuntimeService runtime, Clock clock, EngineAsSystem system) {
    this.system = system;
    this.db = db;
    this.cases = cases;
    this.need = need;
    this.solutions = solutions;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Opens intake for the case's current research round; the deadline follows from the challenge's intake period. */
  public void open(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    int weeks = need.challenge(businessKey).orElseThrow().intakeWeeks();
    OffsetDateTime now = now();
    db.sql("insert into intake_window (case_id, research_round, opened_at, deadline) values (:c, :r, :o, :d)")
        .param("c", c.id()).param("r", c.researchRound()).param("o", now).param("d", now.plusWeeks(weeks)).update();
  }

  public void close(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    db.sql("update intake_window set closed_at = :at where case_id = :c and research_round = :r")
        .param("at", now()).param("c", c.id()).param("r", c.researchRound()).update();
  }

  public Optional<IntakeWindow> window(ProcurementCase c) {
    return db.sql("select * from intake_window where case_id = :c and research_round = :r")
        .param("c", c.id()).param("r", c.researchRound())
        .query((rs, n) -> new IntakeWindow(rs.getObject("opened_at", OffsetDateTime.class),
            rs.getObject("deadline", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class)))
        .optional();
  }

  /**
   * Stores a provider's submission and correlates it into the running case, in one transaction: a submission is
   * either stored with its screening task or refused whole.
   */
  @Transactional
  public Solution submit(String businessKey, Submission s, String provider) {
    ProcurementCase c = cases.require(businessKey);
    IntakeWindow window = window(c).filter(w -> c.outcome() == null)
        .orElseThrow(() -> ApiException.conflict("Challenge " + businessKey + " is not open for submissions"));
    if (!window.acceptsAt(now())) {
      throw ApiException.conflict("The intake deadline of challenge " + businessKey + " has passed ("
          + window.deadline() + ")");
    }
    if (solutions.hasActiveSubmission(c.id(), c.researchRound(), provider)) {
      throw ApiException.conflict("You have already submitted a solution to challenge " + businessKey);
    }
    long id = solutions.insert(new Solution(0, c.id(), c.researchRound(), Solution.Source.SUBMISSION, s.title(),
        s.summary(), s.organisationName(), s.organisationType(), null, null, null, provider, s.country(),
        s.maturity(), s.howMeetsOutcomes(), Solution.Status.SUBMITTED, null, null, null, provider, now()));
    // Providers hold no engine permission on the case: the correlation is the application's.
    system.run(() -> runtime.createMessageCorrelation(MSG_SOLUTION_SUBMITTED)
        .processInstanceBusinessKey(businessKey)
        .setVariableLocal(CaseVariables.SUBMISSION_ID.name(), id)
        .correlateWithResult());
    return solutions.find(id).orElseThrow();
  }

  public Solution submission(long id) {
    return solutions.find(id).orElseThrow(() -> ApiException.notFound("No submission " + id));
  }

  public void screen(long submissionId, boolean eligible, String reason, String by) {
    solutions.screen(submissionId, eligible ? Solution.Status.ELIGIBLE : Solution.Status.NOT_ELIGIBLE, reason, by,
        now());
  }

  /** Counts the eligible submissions of the round that just closed; true when there is at least one. */
  public boolean tally(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    int eligible = db.sql("""
        select count(*) from solution where case_id = :c and research_round = :r and source = 'SUBMISSION'
          and status = 'ELIGIBLE'""").param("c", c.id()).param("r", c.researchRound()).query(Integer.class).single();
    db.sql("update intake_window set eligible_count = :n where case_id = :c and research_round = :r")
        .param("n", eligible).param("c", c.id()).param("r", c.researchRound()).update();
    return eligible > 0;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
