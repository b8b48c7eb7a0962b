package org.openchallenge.cases;

/** How a case ended; set from the {@code caseOutcome} property of each end event of procurementCase. */
public enum CaseOutcome {
  /** Monitored to its final impact evaluation. */
  CLOSED,
  /** A manager withdrew the need before publication. */
  WITHDRAWN,
  /** No eligible solution, even after research was repeated. */
  CHALLENGE_CANCELLED,
  /** The jury decided not to award. */
  NO_AWARD,
  /** An official cancelled the case at some phase, with a reason. */
  CANCELLED,
  /** Managers terminated the contract after an off-track monitoring report, with a reason. */
  TERMINATED
}
