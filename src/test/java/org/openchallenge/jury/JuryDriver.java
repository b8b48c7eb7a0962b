package org.openchallenge.jury;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.openchallenge.CaseDriver;
import org.openchallenge.security.RoleSetup;
import org.openchallenge.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Jury helpers for tests beyond CaseDriver's default jury: extra jurors, explicit compositions, raw table reads. */
@Component
public class JuryDriver {

  private final CaseDriver driver;
  private final IdentityService identity;
  public final JdbcClient db;

  public JuryDriver(CaseDriver driver, IdentityService identity, JdbcClient db) {
    this.driver = driver;
    this.identity = identity;
    this.db = db;
  }

  /** Users in the jurors group (created once, with the demo password). */
  public List<String> jurors(String prefix, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String id = prefix + i;
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setFirstName("Juror");
        user.setLastName(String.valueOf(i));
        user.setPassword(RoleSetup.DEMO_PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, Roles.JURORS);
      }
      names.add(id);
    }
    return names;
  }

  public void compose(String key, List<Map<String, Object>> members, Object... more) {
    Object[] values = new Object[2 + more.length];
    values[0] = "members";
    values[1] = members;
    System.arraycopy(more, 0, values, 2, more.length);
    driver.submit(key, "Task_ComposeJury", CaseDriver.form(values));
  }

  public String prefilledText(String key, String taskKey, String variable) {
    Object value = driver.tasks.getVariableLocal(driver.task(key, taskKey, null).getId(), variable);
    return value == null ? null : value.toString();
  }

  public long caseId(String key) {
    return db.sql("select id from procurement_case where business_key = :k").param("k", key).query(Long.class).single();
  }

  public long count(String table, String key) {
    return db.sql("select count(*) from " + table + " where case_id = :c").param("c", caseId(key)).query(Long.class)
        .single();
  }
}
