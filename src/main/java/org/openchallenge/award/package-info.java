/**
 * Award and contract: confirming the jury's award and recording the contract.
 *
 * <p>Owns the tables contract; no other module writes them.
 */
package org.openchallenge.award;
