package org.openchallenge.security;

import java.util.List;

/** The Camunda groups of the city's roles. */
public final class Roles {

  public static final String OFFICIALS = "officials";
  public static final String MANAGERS = "managers";
  public static final String RESEARCHERS = "researchers";
  public static final String JURORS = "jurors";
  public static final String STAKEHOLDERS = "stakeholders";
  public static final String ANALYSTS = "analysts";
  public static final String PROVIDERS = "providers";
  /** Camunda's own administrators group (Admin webapp, everything). */
  public static final String ADMINISTRATORS = "camunda-admin";

  public static final List<String> CITY_ROLES =
      List.of(OFFICIALS, MANAGERS, RESEARCHERS, JURORS, STAKEHOLDERS, ANALYSTS, PROVIDERS);

  private Roles() {
  }
}
