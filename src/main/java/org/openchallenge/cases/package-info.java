/**
 * The procurement case: its lifecycle process, phases, outcome, schedule, participants and cancellation.
 *
 * <p>Owns the tables procurement_case; no other module writes them.
 */
package org.openchallenge.cases;
