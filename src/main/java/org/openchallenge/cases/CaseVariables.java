package org.openchallenge.cases;

import org.openchallenge.platform.ProcessVariable;

/**
 * The process variables of the lifecycle: references and the flags gateways need, nothing else.
 * The case itself is found through the process instance's business key.
 */
public final class CaseVariables {

  /** Who submitted the need (start event initiator). */
  public static final ProcessVariable<String> CASE_INITIATOR = ProcessVariable.text("caseInitiator");
  /** Manager's decision on the framed challenge: one of {@link PublicationDecision}. */
  public static final ProcessVariable<String> PUBLICATION_DECISION = ProcessVariable.text("publicationDecision");
  public static final ProcessVariable<Boolean> RESEARCH_REPEATED = ProcessVariable.flag("researchRepeated");
  public static final ProcessVariable<Boolean> RESEARCH_CONTINUES = ProcessVariable.flag("researchContinues");
  public static final ProcessVariable<Boolean> SOLUTIONS_FOUND = ProcessVariable.flag("solutionsFound");
  public static final ProcessVariable<Boolean> ELIGIBLE_SOLUTION_FOUND = ProcessVariable.flag("eligibleSolutionFound");
  public static final ProcessVariable<Boolean> AWARD_DECIDED = ProcessVariable.flag("awardDecided");
  public static final ProcessVariable<Boolean> AWARD_CONFIRMED = ProcessVariable.flag("awardConfirmed");
  /** Outcome of the decision table juryComposition: VIOLATION, WARNING or COMPLIANT. */
  public static final ProcessVariable<String> COMPOSITION_VERDICT = ProcessVariable.text("compositionVerdict");
  /** Whether the official overrode the composition's warnings (or chose to revise the jury). */
  public static final ProcessVariable<Boolean> WARNINGS_OVERRIDDEN = ProcessVariable.flag("warningsOverridden");
  /** Whether every eligible solution keeps the quorum of unconflicted jurors. */
  public static final ProcessVariable<Boolean> JURY_QUORUM_REACHED = ProcessVariable.flag("juryQuorumReached");
  /** The latest monitoring report's classification: ON_TRACK, AT_RISK or OFF_TRACK (decision reportClassification). */
  public static final ProcessVariable<String> REPORT_STATUS = ProcessVariable.text("reportStatus");
  /** Managers' decision on an off-track report: one of OffTrackEscalation.Decision. */
  public static final ProcessVariable<String> OFF_TRACK_DECISION = ProcessVariable.text("offTrackDecision");
  /** Set when managers terminate the contract; the case then ends as terminated. */
  public static final ProcessVariable<Boolean> CONTRACT_TERMINATED = ProcessVariable.flag("contractTerminated");

  /** The flags gateways test; the ledger publishes their values with each gateway passed. */
  public static final java.util.List<String> GATEWAY_FLAGS = java.util.List.of(PUBLICATION_DECISION.name(),
      RESEARCH_REPEATED.name(), RESEARCH_CONTINUES.name(), SOLUTIONS_FOUND.name(), ELIGIBLE_SOLUTION_FOUND.name(),
      AWARD_DECIDED.name(), AWARD_CONFIRMED.name(), COMPOSITION_VERDICT.name(), WARNINGS_OVERRIDDEN.name(),
      JURY_QUORUM_REACHED.name(), REPORT_STATUS.name(), OFF_TRACK_DECISION.name(), CONTRACT_TERMINATED.name());

  /** The submission a screening task is about (local to its event subprocess). */
  public static final ProcessVariable<Long> SUBMISSION_ID = new ProcessVariable<>("submissionId", Long.class);
  /** Multi-instance element variables: the user of each instance. */
  public static final String STAKEHOLDER = "stakeholder";
  public static final String JUROR = "juror";
  public static final String MILESTONE_ID = "milestoneId";
  /** Local to a corrective plan's follow-up subprocess: the plan it follows up. */
  public static final String CORRECTIVE_PLAN_ID = "correctivePlanId";
  /** Task-local: the reporting period a feedback or AI review task belongs to. */
  public static final String REPORTING_PERIOD = "reportingPeriod";

  public enum PublicationDecision { PUBLISH, REWORK, WITHDRAW }

  private CaseVariables() {
  }
}
