/**
 * Publication: the hash-chained ledger fed by every module's transitions in their own transactions, the public feed,
 * the open data (challenges, catalogue views) and OCDS.
 *
 * <p>Owns the tables ledger_entry, ledger_head; no other module writes them.
 */
package org.openchallenge.publication;
