package org.openchallenge.cases;

/** Where a case stands; set from the {@code casePhase} property of each call activity of procurementCase. */
public enum CasePhase {
  NEED_OPENING, RESEARCH, SOLUTION_INTAKE, JURY_DELIBERATION, AWARD_AND_CONTRACT, IMPACT_MONITORING, ENDED
}
