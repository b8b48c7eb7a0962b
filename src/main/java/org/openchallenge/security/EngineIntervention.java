package org.openchallenge.security;

/**
 * An administrator changed engine state by hand through the engine's API (reassigned a personal task, wrote
 * variables, modified or suspended an instance, ...). Published inside the transaction of the change, so the
 * publication ledger records it with the change or not at all.
 *
 * @param operation the HTTP method and the path with the object's id replaced by {id}
 * @param processInstanceId the process instance the object belongs to, null when none
 */
public record EngineIntervention(String userId, String operation, String objectId, String processInstanceId) {
}
