/**
 * Solution intake and the open catalogue: submissions with their details, attachments and confidential part,
 * screening, the intake window.
 *
 * <p>Owns the tables solution, submission_detail, submission_attachment, submission_confidential, intake_window; no
 * other module writes them.
 */
package org.openchallenge.intake;
