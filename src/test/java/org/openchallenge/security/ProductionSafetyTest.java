package org.openchallenge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openchallenge.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Production (no demo data) refuses to start unsafe; with demo data nothing is checked. */
@ProcessTest
class ProductionSafetyTest {

  static final String POSTGRES = "jdbc:postgresql://db:5432/openchallenge";
  static final String STRONG = "correct-horse-battery";

  @Autowired IdentityService identity;

  ProductionSafety production(String adminUser, String adminPassword, String dbUrl, String dbPassword) {
    return new ProductionSafety(false, adminUser, adminPassword, dbUrl, dbPassword, identity);
  }

  @Test
  void refusesMissingAdministratorWeakPasswordsAndTheDefaultDatabasePassword() {
    assertThatThrownBy(() -> production("", "", POSTGRES, "openchallenge").checkConfiguration())
        .hasMessageContaining("no administrator is configured")
        .hasMessageContaining("ADMIN_PASSWORD")
        .hasMessageContaining("DB_PASSWORD");
    assertThatThrownBy(() -> production("cityadmin", "admin", POSTGRES, STRONG).checkConfiguration())
        .hasMessageContaining("administrator password");
    assertThatThrownBy(() -> production("cityadmin", "short-pw", POSTGRES, STRONG).checkConfiguration())
        .hasMessageContaining("at least 12 characters");
    assertThatCode(() -> production("cityadmin", STRONG, POSTGRES, "another-long-secret").checkConfiguration())
        .doesNotThrowAnyException();
    assertThatCode(() -> new ProductionSafety(true, "", "", POSTGRES, "openchallenge", identity)
        .checkConfiguration()).doesNotThrowAnyException();
  }

  @Test
  void createsTheAdministratorAndRefusesToRunWhileDemoUsersKeepTheDemoPassword() {
    // This test database has the demo users, as a production database seeded by mistake would.
    assertThatThrownBy(() -> production("cityadmin", STRONG, POSTGRES, STRONG).ensureAdministrator())
        .hasMessageContaining("demo users still log in with the demo password")
        .hasMessageContaining("olivia");
    assertThat(identity.checkPassword("cityadmin", STRONG)).isTrue();
    assertThat(identity.createUserQuery().userId("cityadmin").memberOfGroup(Roles.ADMINISTRATORS).count())
        .isEqualTo(1);
  }
}
