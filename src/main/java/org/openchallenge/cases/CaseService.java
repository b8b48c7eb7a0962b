package org.openchallenge.cases;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.RuntimeService;
import org.openchallenge.platform.EngineAsSystem;
import org.openchallenge.platform.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The case as a whole: opening, phase, ending and cancellation. */
@Service("procurementCaseService") // "caseService" is Camunda's CMMN service
public class CaseService {

  public static final String PROCESS_KEY = "procurementCase";
  public static final String MSG_CASE_CANCELLED = "Msg_CaseCancelled";

  private final ApplicationEventPublisher events;
  private final CaseRepository cases;
  private final RuntimeService runtime;
  private final Clock clock;
  private final EngineAsSystem system;

  public CaseService(CaseRepository cases, RuntimeService runtime, Clock clock, EngineAsSystem system,
                     ApplicationEventPublisher events) {
    this.events = events;
    this.system = system;
    this.cases = cases;
    this.runtime = runtime;
    this.clock = clock;
  }

  public ProcurementCase open(CaseRepository.NeedDraft need, String openedBy) {
    return cases.insert(need, openedBy, now());
  }

  /**
   * The range of every date entered on a case: not before the day it opened, at most
   * {@link org.openchallenge.platform.FormInput#MAX_YEARS_AHEAD} years ahead.
   */
  public java.time.LocalDate earliestDate(String businessKey) {
    return require(businessKey).openedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
  }

  public java.time.LocalDate latestDate() {
    return java.time.LocalDate.now(clock).plusYears(org.openchallenge.platform.FormInput.MAX_YEARS_AHEAD);
  }

  public ProcurementCase require(String businessKey) {
    return cases.find(businessKey).orElseThrow(() -> ApiException.notFound("No case " + businessKey));
  }

  public void enterPhase(String businessKey, CasePhase phase) {
    cases.setPhase(require(businessKey).id(), phase);
  }

  public void end(String businessKey, CaseOutcome outcome, String by) {
    cases.close(require(businessKey).id(), outcome, by, now());
  }

  /**
   * The public reason the case is about to end: a challenge cancelled for lack of eligible solutions, or a contract
   * managers terminated.
   */
  public void explainClosing(String businessKey, String reason, String by) {
    cases.recordClosingReason(require(businessKey).id(), reason, by);
  }

  /**
   * Cancels a running case at whatever phase it is in: the reason is stored and the case's cancellation event
   * interrupts everything, in one transaction.
   */
  @Transactional
  public ProcurementCase cancel(String businessKey, String reason, String by) {
    ProcurementCase c = require(businessKey);
    if (c.outcome() != null) {
      throw ApiException.conflict("Case " + businessKey + " has already ended (" + c.outcome() + ")");
    }
    cases.recordClosingReason(c.id(), reason, by);
    events.publishEvent(new CaseCancelled(businessKey, by, reason));
    // The caller's role was checked by the API; the case's engine state is the application's to change.
    system.run(() -> runtime.createMessageCorrelation(MSG_CASE_CANCELLED)
        .processInstanceBusinessKey(businessKey)
        .correlateWithResult());
    return require(businessKey);
  }

  public int startNextJuryRound(String businessKey) {
    return cases.startNextJuryRound(require(businessKey).id());
  }

  public int reopenResearch(String businessKey) {
    return cases.startNextResearchRound(require(businessKey).id());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
