/**
 * Research into every available approach: findings (recorded through intake's solution API) and the research brief.
 *
 * <p>Owns the tables research_brief; no other module writes them.
 */
package org.openchallenge.research;
