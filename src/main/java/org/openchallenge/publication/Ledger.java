package org.openchallenge.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openchallenge.platform.UserText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The publication ledger. {@link #record} collects an entry for the caller's transaction, and the entries are
 * written when it commits, still inside it: a committed transition always has its entry and a rolled-back one never
 * has. Writing locks the single ledger head row, so committing transactions take consecutive positions one after
 * another and a position becomes visible only after every smaller one (the feed has no gaps, however many
 * transactions commit at once). Each entry's hash chains it to the one before.
 */
@Service
public class Ledger {

  public static final String GENESIS = "0".repeat(64);
  static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
      true).findAndRegisterModules();

  /** What happened: the case's business key (null for none), a kind from the policy, and its data. */
  public record Event(String caseKey, String kind, String subject, String actorRole, String actor,
                      Map<String, Object> data, String processInstanceId) {

    public Event(String caseKey, String kind, String subject, String actorRole, String actor,
                 Map<String, Object> data) {
      this(caseKey, kind, subject, actorRole, actor, data, null);
    }
  }

  private final JdbcClient db;
  private final JdbcTemplate jdbc;
  private final PublicationPolicy policy;
  private final Clock clock;
  private final ActorRoles roles;
  private volatile boolean enabled = true;

  public Ledger(JdbcClient db, JdbcTemplate jdbc, PublicationPolicy policy, Clock clock, ActorRoles roles) {
    this.jdbc = jdbc;
    this.roles = roles;
    this.db = db;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Switches recording off and on. Only the ledger benchmark uses this, to measure the ledger's cost within one run;
   * a running application never turns it off (nothing would be published).
   */
  void setEnabledForBenchmark(boolean enabled) {
    this.enabled = enabled;
  }

  /** A domain event: the acting user's role is looked up; {@code actor} null for the application itself. */
  public void record(String caseKey, String kind, String subject, String actor, Map<String, Object> data) {
    if (!enabled) {
      return;
    }
    record(new Event(caseKey, kind, subject, roles.of(actor), actor, data));
  }

  public void record(Event e) {
    if (!enabled) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("A ledger entry must be written in the transaction of its transition");
    }
    Map<String, Object> internal = new LinkedHashMap<>();
    if (e.actor() != null) {
      internal.put("actor", e.actor());
    }
    internal.putAll(e.data());
    Map<String, Object> visible = new LinkedHashMap<>();
    // A public actor by full name: login names would tell an attacker which accounts to aim at.
    String publicName = e.actor() != null && policy.actorIsPublic(e.actorRole()) ? roles.publicName(e.actor()) : null;
    if (publicName != null) {
      visible.put("actor", publicName);
    }
    visible.putAll(policy.publicData(e.kind(), e.data()));
    String internalJson = json(internal);
    String publicJson = json(visible);
    // What cannot be written as UTF-8 (or stored by PostgreSQL) would break every feed page that holds it.
    if (!UserText.isWellFormed(internalJson) || (e.subject() != null && UserText.problem(e.subject()) != null)) {
      throw new IllegalArgumentException("A " + e.kind() + " ledger entry holds text that is not valid Unicode");
    }
    pending().add(new Pending(e.caseKey(), e.processInstanceId(),
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), e.kind(), e.subject(), e.actorRole(),
        publicJson, internalJson, sha256(internalJson)));
  }

  /** An entry recorded in a transaction that has not committed yet. */
  private record Pending(String caseKey, String processInstanceId, OffsetDateTime occurredAt, String kind,
                         String subject, String actorRole, String publicData, String internalData,
                         String contentHash) {
  }

  /** This transaction's entries; the first one registers their writing at commit. */
  @SuppressWarnings("unchecked")
  private List<Pending> pending() {
    List<Pending> entries = (List<Pending>) TransactionSynchronizationManager.getResource(this);
    if (entries == null) {
      List<Pending> fresh = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          write(fresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(Ledger.this);
        }
      });
      entries = fresh;
    }
    return entries;
  }

  /**
   * Writes a committing transaction's entries, still inside it: under the lock on the head row they get the next
   * positions and their hashes, and go in as one batch. If the transaction then fails to commit, they go with it.
   */
  private void write(List<Pending> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Map<String, String> keys = caseKeysOf(entries);
    Map<String, Object> head = db.sql("select position, hash from ledger_head where id = 1 for update")
        .query().singleRow();
    long position = ((Number) head.get("position")).longValue();
    String previous = (String) head.get("hash");
    List<Object[]> rows = new ArrayList<>();
    for (Pending p : entries) {
      String caseKey = p.caseKey() != null ? p.caseKey() : keys.get(p.processInstanceId());
      position++;
      Entry entry = new Entry(0, position, caseKey, p.occurredAt(), p.kind(), p.subject(), p.actorRole(),
          p.publicData(), p.internalData(), p.contentHash(), previous, null);
      String hash = chainHash(previous, position, entry);
      rows.add(new Object[] {position, caseKey, p.processInstanceId(), p.occurredAt(), p.kind(), p.subject(),
          p.actorRole(), p.publicData(), p.internalData(), p.contentHash(), previous, hash});
      previous = hash;
    }
    jdbc.batchUpdate("""
        insert into ledger_entry (position, case_key, process_instance_id, occurred_at, kind, subject, actor_role,
          public_data, internal_data, content_hash, previous_hash, entry_hash)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    db.sql("update ledger_head set position = :p, hash = :hash where id = 1").param("p", position)
        .param("hash", previous).update();
    entries.clear();
  }

  /**
   * The case keys of entries recorded before their case had its key (a case's first events happen before
   * RegisterNeedDelegate sets it); by commit the engine's history has it.
   */
  private Map<String, String> caseKeysOf(List<Pending> entries) {
    List<String> instances = entries.stream().filter(p -> p.caseKey() == null && p.processInstanceId() != null)
        .map(Pending::processInstanceId).distinct().toList();
    Map<String, String> keys = new java.util.HashMap<>();
    if (!instances.isEmpty()) {
      db.sql("select proc_inst_id_, business_key_ from act_hi_procinst where proc_inst_id_ in (:ids)")
          .param("ids", instances).query(rs -> {
            keys.put(rs.getString(1), rs.getString(2));
          });
    }
    return keys;
  }

  /** An entry as stored; {@code publicData} is the JSON text the hash covers. */
  public record Entry(long id, Long position, String caseKey, OffsetDateTime occurredAt, String kind, String subject,
                      String actorRole, String publicData, String internalData, String contentHash,
                      String previousHash, String entryHash) {
  }

  /** The chain: each entry's hash covers the previous hash, its position and everything it publishes. */
  static String chainHash(String previous, long position, Entry e) {
    return sha256(String.join("\n", previous, Long.toString(position), String.valueOf(e.caseKey()),
        INSTANT.format(e.occurredAt()), e.kind(), String.valueOf(e.subject()), String.valueOf(e.actorRole()),
        e.publicData(), e.contentHash()));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Map<String, Object> value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Ledger data cannot be written as JSON", e);
    }
  }
}
