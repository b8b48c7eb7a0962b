package org.openchallenge.intake;

import java.time.OffsetDateTime;

/** An entry of the open solution catalogue: a solution found in research or submitted by a provider. */
public record Solution(long id, long caseId, int researchRound, Source source, String title, String summary,
                       String organisationName, OrganisationType organisationType, String approach, String foundWhere,
                       String providerContact, String providerUsername, String country, Maturity maturity,
                       String howMeetsOutcomes, Status status, String screeningReason, String screenedBy,
                       OffsetDateTime screenedAt, String recordedBy, OffsetDateTime recordedAt) {

  public enum Source { RESEARCH, SUBMISSION }

  public enum OrganisationType { COMPANY, SME, START_UP, NGO, CITIZEN_ORGANISATION, RESEARCH_BODY, PUBLIC_BODY }

  public enum Maturity { IDEA, PROTOTYPE, PILOTED, DEPLOYED_ELSEWHERE }

  /** FOUND: recorded in research. SUBMITTED: awaiting screening. */
  public enum Status { FOUND, SUBMITTED, ELIGIBLE, NOT_ELIGIBLE, WITHDRAWN, AWARDED }

  public String label() {
    return title + " (" + organisationName + ")";
  }
}
