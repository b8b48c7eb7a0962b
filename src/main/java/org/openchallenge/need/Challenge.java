package org.openchallenge.need;

import java.time.OffsetDateTime;
import java.util.List;

/** A need framed as a public challenge: the question, its outcome indicators and the windows of the next phases. */
public record Challenge(long caseId, String question, String constraints, int consultationDays, int researchMonths,
                        int intakeWeeks, String consolidation, String publicationComment, OffsetDateTime publishedAt,
                        List<Indicator> indicators, List<String> stakeholders) {
}
