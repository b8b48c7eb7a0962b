package org.openchallenge.intake;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a provider submits beyond the catalogue entry. {@code confidentialDetails} is commercially confidential: it is
 * shown to the provider, the officials and the case's jury, and never published.
 */
public record SubmissionDetails(BigDecimal indicativeCost, String costCurrency, String maturityReferences,
                                List<Attachment> attachments, String confidentialDetails, OffsetDateTime amendedAt,
                                OffsetDateTime withdrawnAt) {

  public static final SubmissionDetails NONE = new SubmissionDetails(null, null, null, List.of(), null, null, null);

  /** A link to a document the provider publishes elsewhere (a brochure, a pilot report, a video). */
  public record Attachment(String label, String url) {
  }
}
