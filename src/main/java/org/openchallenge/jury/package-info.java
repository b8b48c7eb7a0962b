/**
 * Jury deliberation: composition and its findings, conflicts of interest, blind scoring, consensus and the decision
 * with its report and the managers' review of it.
 *
 * <p>Owns the tables jury_composition, composition_finding, jury_member, conflict_declaration, juror_scoring,
 * criterion_score, jury_consensus, jury_decision; no other module writes them.
 */
package org.openchallenge.jury;
