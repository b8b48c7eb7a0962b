package org.openchallenge.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record ProcurementCase(
    long id, String businessKey, String title, String problem, String publicValue, String department,
    BigDecimal budgetEnvelope, String currency, boolean involvesAi, CasePhase phase, int researchRound, int juryRound,
    CaseOutcome outcome, String outcomeReason, String openedBy, OffsetDateTime openedAt, String closedBy,
    OffsetDateTime closedAt) {
}
