/**
 * Who may do what: authentication, engine authorizations, the engine API guard, login throttling and the production
 * safeguards.
 *
 * <p>Owns no table of its own: it keeps Camunda's identity and authorization tables, through the engine.
 */
package org.openchallenge.security;
