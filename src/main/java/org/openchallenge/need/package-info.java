/**
 * Need opening: framing the challenge (question, outcome indicators, the jury's evaluation criteria and score
 * scale), the consultation and the publication approval.
 *
 * <p>Owns the tables challenge, outcome_indicator, evaluation_criterion, case_stakeholder, consultation_input; no
 * other module writes them.
 */
package org.openchallenge.need;
