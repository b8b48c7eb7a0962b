package org.openchallenge.intake;

/**
 * Who sits on a case's jury, as the jury module knows it: a juror reads the submissions of the cases they judge.
 * Intake asks through this interface, which the jury implements, so intake does not depend on the jury.
 */
public interface JuryMembership {

  boolean isJuror(String businessKey, String username);
}
