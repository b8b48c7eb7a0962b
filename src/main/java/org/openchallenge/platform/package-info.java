/**
 * What every module builds on: forms and their server-side validation, model deployment and its policy, engine
 * plumbing, API errors, input rules.
 *
 * <p>Owns no table.
 */
package org.openchallenge.platform;
