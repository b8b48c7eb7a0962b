package org.openchallenge.intake;

import org.openchallenge.publication.Ledger;
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
  public static final String MSG_SUBMISSION_AMENDED = "Msg_SubmissionAmended";
  public static final String MSG_SUBMISSION_WITHDRAWN = "Msg_SubmissionWithdrawn";

  /** What a provider submits; {@code details} may be {@link SubmissionDetails#NONE}. */
  public record Submission(String title, String summary, String howMeetsOutcomes, String organisationName,
                           Solution.OrganisationType organisationType, String country, Solution.Maturity maturity,
                           SubmissionDetails details) {

    public Submission(String title, String summary, String howMeetsOutcomes, String organisationName,
                      Solution.OrganisationType organisationType, String country, Solution.Maturity maturity) {
      this(title, summary, howMeetsOutcomes, organisationName, organisationType, country, maturity,
          SubmissionDetails.NONE);
    }
  }

  /** A submission as its provider, the officials and the case's jury see it: everything, confidential details too. */
  public record FullSubmission(Solution solution, SubmissionDetails details) {
  }

  public record IntakeWindow(OffsetDateTime openedAt, OffsetDateTime deadline, OffsetDateTime closedAt) {
    boolean acceptsAt(OffsetDateTime now) {
      return closedAt == null && now.isBefore(deadline);
    }
  }

  private final Ledger ledger;
  private final JdbcClient db;
  private final CaseService cases;
  private final NeedService need;
  private final SolutionRepository solutions;
  private final RuntimeService runtime;
  private final Clock clock;
  private final EngineAsSystem system;

  public IntakeService(JdbcClient db, CaseService cases, NeedService need, SolutionRepository solutions,
                       RuntimeService runtime, Clock clock, EngineAsSystem system, Ledger ledger) {
    this.ledger = ledger;
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
    ProcurementCase c = lockOpenCase(businessKey);
    if (solutions.hasActiveSubmission(c.id(), c.researchRound(), provider)) {
      throw ApiException.conflict("You have already submitted a solution to challenge " + businessKey);
    }
    long id = solutions.insert(new Solution(0, c.id(), c.researchRound(), Solution.Source.SUBMISSION, s.title(),
        s.summary(), s.organisationName(), s.organisationType(), null, null, null, provider, s.country(),
        s.maturity(), s.howMeetsOutcomes(), Solution.Status.SUBMITTED, null, null, null, provider, now()));
    solutions.saveDetails(id, s.details(), null);
    ledger.record(businessKey, "solution.submitted", "solution " + id, provider,
        java.util.Map.of("solution", id, "organisationType", s.organisationType().name()));
    startScreening(businessKey, id);
    return solutions.find(id).orElseThrow();
  }

  /**
   * Replaces a submission with its amended version before the deadline. Screening starts again: an open screening
   * task for it is withdrawn (its form showed the old version) and a new one opens.
   */
  @Transactional
  public Solution amend(String businessKey, long id, Submission s, String provider) {
    ProcurementCase c = lockOpenCase(businessKey);
    Solution current = ownSubmission(c, id, provider);
    solutions.amend(id, s.title(), s.summary(), s.howMeetsOutcomes(), s.organisationName(), s.organisationType(),
        s.country(), s.maturity());
    solutions.saveDetails(id, s.details(), now());
    ledger.record(businessKey, "solution.amended", "solution " + id, provider, java.util.Map.of("solution", id));
    system.run(() -> runtime.createMessageCorrelation(MSG_SUBMISSION_AMENDED)
        .processInstanceBusinessKey(businessKey)
        .localVariableEquals(CaseVariables.SUBMISSION_ID.name(), current.id())
        .correlateAllWithResult());
    startScreening(businessKey, id);
    return solutions.find(id).orElseThrow();
  }

  /** Withdraws a submission before the deadline; an open screening task for it ends. */
  @Transactional
  public Solution withdraw(String businessKey, long id, String provider) {
    ProcurementCase c = lockOpenCase(businessKey);
    ownSubmission(c, id, provider);
    solutions.withdraw(id, now());
    ledger.record(businessKey, "solution.withdrawn", "solution " + id, provider, java.util.Map.of("solution", id));
    system.run(() -> runtime.createMessageCorrelation(MSG_SUBMISSION_WITHDRAWN)
        .processInstanceBusinessKey(businessKey)
        .localVariableEquals(CaseVariables.SUBMISSION_ID.name(), id)
        .correlateAllWithResult());
    return solutions.find(id).orElseThrow();
  }

  /**
   * The case, if it takes submissions now, locked for the rest of the transaction: changes to one case's
   * submissions happen one after another (no duplicate slips between check and insert, and the engine's intake
   * scope is not updated concurrently), while other cases go on in parallel.
   */
  private ProcurementCase lockOpenCase(String businessKey) {
    cases.require(businessKey);
    db.sql("select id from procurement_case where business_key = :k for update").param("k", businessKey)
        .query(Long.class).single();
    ProcurementCase c = cases.require(businessKey);
    IntakeWindow window = window(c).filter(w -> c.outcome() == null)
        .orElseThrow(() -> ApiException.conflict("Challenge " + businessKey + " is not open for submissions"));
    if (!window.acceptsAt(now())) {
      throw ApiException.conflict("The intake deadline of challenge " + businessKey + " has passed ("
          + window.deadline() + "); submissions can no longer be made, amended or withdrawn");
    }
    return c;
  }

  private Solution ownSubmission(ProcurementCase c, long id, String provider) {
    Solution s = solutions.find(id).filter(x -> x.caseId() == c.id() && x.source() == Solution.Source.SUBMISSION
        && provider.equals(x.providerUsername())).orElseThrow(() -> ApiException.notFound(
            "No submission " + id + " of yours to challenge " + c.businessKey()));
    if (s.status() == Solution.Status.WITHDRAWN) {
      throw ApiException.conflict("Submission " + id + " has been withdrawn");
    }
    if (s.researchRound() != c.researchRound()) {
      throw ApiException.conflict("Submission " + id + " belongs to an earlier round of intake");
    }
    return s;
  }

  private String caseKey(Solution s) {
    return db.sql("select business_key from procurement_case where id = :id").param("id", s.caseId())
        .query(String.class).single();
  }

  private void startScreening(String businessKey, long id) {
    // Providers hold no engine permission on the case: the correlation is the application's.
    system.run(() -> runtime.createMessageCorrelation(MSG_SOLUTION_SUBMITTED)
        .processInstanceBusinessKey(businessKey)
        .setVariableLocal(CaseVariables.SUBMISSION_ID.name(), id)
        .correlateWithResult());
  }

  public Solution submission(long id) {
    return solutions.find(id).orElseThrow(() -> ApiException.notFound("No submission " + id));
  }

  public SubmissionDetails publicDetails(long id) {
    return solutions.publicDetails(id);
  }

  /** A submission with everything its provider entered, for those allowed to see it (checked by the caller). */
  public FullSubmission fullSubmission(String businessKey, long id) {
    ProcurementCase c = cases.require(businessKey);
    Solution s = solutions.find(id).filter(x -> x.caseId() == c.id() && x.source() == Solution.Source.SUBMISSION)
        .orElseThrow(() -> ApiException.notFound("No submission " + id + " to challenge " + businessKey));
    return new FullSubmission(s, solutions.details(id));
  }

  public void screen(long submissionId, boolean eligible, String reason, String by) {
    solutions.screen(submissionId, eligible ? Solution.Status.ELIGIBLE : Solution.Status.NOT_ELIGIBLE, reason, by,
        now());
    Solution s = submission(submissionId);
    ledger.record(caseKey(s), "solution.screened", "solution " + submissionId, by,
        java.util.Map.of("solution", submissionId, "eligible", eligible, "reason", reason));
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
