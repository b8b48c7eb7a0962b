package org.openchallenge.cases;

/**
 * A case was cancelled, by whom and why. Published inside the cancellation's transaction, so whoever records it (the
 * publication ledger) commits with it or not at all.
 */
public record CaseCancelled(String businessKey, String by, String reason) {
}
