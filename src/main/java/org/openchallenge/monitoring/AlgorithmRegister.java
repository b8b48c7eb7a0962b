package org.openchallenge.monitoring;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openchallenge.cases.CaseService;
import org.openchallenge.publication.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public algorithm register: for each AI system the city bought, what it does, who supplies it, the data it
 * uses, how people oversee it, its risks and their mitigations. Every field is public by design.
 */
@Service
public class AlgorithmRegister {

  public record Entry(String caseKey, String systemName, String supplier, String purpose, String dataUsed,
                      String humanOversight, String risks, String mitigations, String contact,
                      OffsetDateTime recordedAt) {
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final Ledger ledger;
  private final Clock clock;

  public AlgorithmRegister(JdbcClient db, CaseService cases, Ledger ledger, Clock clock) {
    this.db = db;
    this.cases = cases;
    this.ledger = ledger;
    this.clock = clock;
  }

  public void record(Entry e, String by) {
    db.sql("""
        insert into algorithm_register_record (case_id, system_name, supplier, purpose, data_used, human_oversight,
          risks, mitigations, contact, recorded_by, recorded_at)
        values (:c, :name, :supplier, :purpose, :data, :oversight, :risks, :mitigations, :contact, :by, :at)""")
        .param("c", cases.require(e.caseKey()).id()).param("name", e.systemName()).param("supplier", e.supplier())
        .param("purpose", e.purpose()).param("data", e.dataUsed()).param("oversight", e.humanOversight())
        .param("risks", e.risks()).param("mitigations", e.mitigations()).param("contact", e.contact())
        .param("by", by).param("at", OffsetDateTime.now(clock)).update();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("systemName", e.systemName());
    data.put("supplier", e.supplier());
    data.put("purpose", e.purpose());
    ledger.record(e.caseKey(), "register.recorded", e.systemName(), by, data);
  }

  public record Page(List<Entry> items, int page, int size, long total) {
  }

  /** One page of the register, newest record first (ties by case, so paging never skips or repeats). */
  public Page page(int page, int size) {
    long total = db.sql("select count(*) from algorithm_register_record").query(Long.class).single();
    List<Entry> items = db.sql(SELECT + " order by r.recorded_at desc, c.id desc limit :limit offset :offset")
        .param("limit", size).param("offset", (long) page * size).query(this::map).list();
    return new Page(items, page, size, total);
  }

  public Optional<Entry> of(String caseKey) {
    return db.sql(SELECT + " where c.business_key = :k").param("k", caseKey).query(this::map).optional();
  }

  private static final String SELECT = """
      select c.business_key, r.* from algorithm_register_record r join procurement_case c on c.id = r.case_id""";

  private Entry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(rs.getString("business_key"), rs.getString("system_name"), rs.getString("supplier"),
        rs.getString("purpose"), rs.getString("data_used"), rs.getString("human_oversight"), rs.getString("risks"),
        rs.getString("mitigations"), rs.getString("contact"), rs.getObject("recorded_at", OffsetDateTime.class));
  }
}
