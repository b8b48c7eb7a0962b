/**
 * Impact monitoring: the contract's delivery plan (targets agreed with the supplier, milestones), reports,
 * stakeholders' feedback, managers' decisions on off-track reports, AI reviews and the algorithm register, the final
 * assessment and impact evaluation.
 *
 * <p>Owns the tables indicator_target_change, delivery_milestone, monitoring_report, indicator_measurement,
 * stakeholder_feedback, off_track_decision, ai_review, algorithm_register_record, impact_evaluation; no other module
 * writes them.
 */
package org.openchallenge.monitoring;
