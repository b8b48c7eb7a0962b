package org.openchallenge.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Production (no demo data) refuses to start unsafe: without an explicit administrator, with a weak or well-known
 * administrator password, with the documented default database password, or while a demo user still logs in with the
 * demo password. The administrator is created at start-up if missing.
 */
@Component
public class ProductionSafety {

  private static final Logger LOG = LoggerFactory.getLogger(ProductionSafety.class);
  static final int MIN_PASSWORD_LENGTH = 12;
  /** Passwords found in this project's documentation or in every default configuration. */
  static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("", "demo", "admin", "password", "openchallenge", "camunda",
      "changeme", "secret", "postgres", "sa");

  private final boolean demoData;
  private final String adminUser;
  private final String adminPassword;
  private final String databaseUrl;
  private final String databasePassword;
  private final IdentityService identity;

  public ProductionSafety(@Value("${openchallenge.demo-data:false}") boolean demoData,
                          @Value("${openchallenge.admin.user:}") String adminUser,
                          @Value("${openchallenge.admin.password:}") String adminPassword,
                          @Value("${spring.datasource.url:}") String databaseUrl,
                          @Value("${spring.datasource.password:}") String databasePassword,
                          IdentityService identity) {
    this.demoData = demoData;
    this.adminUser = adminUser.strip();
    this.adminPassword = adminPassword;
    this.databaseUrl = databaseUrl;
    this.databasePassword = databasePassword;
    this.identity = identity;
  }

  /** Before the application serves anything. */
  @PostConstruct
  public void checkConfiguration() {
    if (demoData) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (adminUser.isEmpty()) {
      problems.add("no administrator is configured (set ADMIN_USER and ADMIN_PASSWORD)");
    }
    if (WELL_KNOWN_PASSWORDS.contains(adminPassword.toLowerCase()) || adminPassword.length() < MIN_PASSWORD_LENGTH) {
      problems.add("the administrator password (ADMIN_PASSWORD) must be at least " + MIN_PASSWORD_LENGTH
          + " characters and not a well-known default");
    }
    if (databaseUrl.startsWith("jdbc:postgresql:") && WELL_KNOWN_PASSWORDS.contains(databasePassword.toLowerCase())) {
      problems.add("the database password (DB_PASSWORD) is a well-known default");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
    }
  }

  /** After the groups exist (RoleSetup). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void ensureAdministrator() {
    if (demoData) {
      return;
    }
    if (identity.createUserQuery().userId(adminUser).count() == 0) {
      User admin = identity.newUser(adminUser);
      admin.setFirstName("City");
      admin.setLastName("Administrator");
      admin.setPassword(adminPassword);
      identity.saveUser(admin);
      LOG.info("Created the administrator {}", adminUser);
    }
    if (identity.createUserQuery().userId(adminUser).memberOfGroup(Roles.ADMINISTRATORS).count() == 0) {
      identity.createMembership(adminUser, Roles.ADMINISTRATORS);
    }
    List<String> demoLogins = RoleSetup.DEMO_USERS.stream().map(u -> (String) u.get(0))
        .filter(id -> identity.createUserQuery().userId(id).count() > 0)
        .filter(id -> identity.checkPassword(id, RoleSetup.DEMO_PASSWORD)).toList();
    if (!demoLogins.isEmpty()) {
      throw new IllegalStateException("Refusing to run in production: demo users still log in with the demo "
          + "password: " + String.join(", ", demoLogins) + " (delete them or change their passwords)");
    }
  }
}
