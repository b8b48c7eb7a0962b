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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The publication ledger. {@link #record} appends an entry in the caller's transaction, so a committed transition
 * always has its entry and a rolled-back one never has. When that transaction commits, its entries get consecutive
 * positions and a hash chain: the sequencing locks the single ledger head row, so committing transactions take
 * their positions one after another and a position becomes visible only after every smaller one (the feed has no
 * gaps, however many transactions commit at once).
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
  private final PublicationPolicy policy;
  private final Clock clock;
  private final ActorRoles roles;

  public Ledger(JdbcClient db, PublicationPolicy policy, Clock clock, ActorRoles roles) {
    this.roles = roles;
    this.db = db;
    this.policy = policy;
    this.clock = clock;
  }

  /** A domain event: the acting user's role is looked up; {@code actor} null for the application itself. */
  public void record(String caseKey, String kind, String subject, String actor, Map<String, Object> data) {
    record(new Event(caseKey, kind, subject, roles.of(actor), actor, data));
  }

  public void record(Event e) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("A ledger entry must be written in the transaction of its transition");
    }
    Map<String, Object> internal = new LinkedHashMap<>();
    if (e.actor() != null) {
      internal.put("actor", e.actor());
    }
    internal.putAll(e.data());
    Map<String, Object> visible = new LinkedHashMap<>();
    if (e.actor() != null && policy.actorIsPublic(e.actorRole())) {
      visible.put("actor", e.actor());
    }
    visible.putAll(policy.publicData(e.kind(), e.data()));
    String internalJson = json(internal);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    db.sql("""
        insert into ledger_entry (case_key, process_instance_id, occurred_at, kind, subject, actor_role, public_data,
          internal_data, content_hash)
        values (:case, :instance, :at, :kind, :subject, :role, :public, :internal, :contentHash)""")
        .param("case", e.caseKey()).param("instance", e.processInstanceId()).param("at", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
        .param("kind", e.kind()).param("subject", e.subject()).param("role", e.actorRole())
        .param("public", json(visible)).param("internal", internalJson).param("contentHash", sha256(internalJson))
        .update(key, "id");
    pending().add(key.getKey().longValue());
  }

  /** This transaction's unsequenced entries; the first entry registers their sequencing at commit. */
  @SuppressWarnings("unchecked")
  private List<Long> pending() {
    List<Long> ids = (List<Long>) TransactionSynchronizationManager.getResource(this);
    if (ids == null) {
      List<Long> fresh = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          sequence(fresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(Ledger.this);
        }
      });
      ids = fresh;
    }
    return ids;
  }

  private void sequence(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    Map<String, Object> head = db.sql("select position, hash from ledger_head where id = 1 for update")
        .query().singleRow();
    long position = ((Number) head.get("position")).longValue();
    String previous = (String) head.get("hash");
    // A case's first events happen before the case has its key (RegisterNeedDelegate sets it); by now it has.
    db.sql("""
        update ledger_entry set case_key = (select h.business_key_ from act_hi_procinst h
          where h.proc_inst_id_ = ledger_entry.process_instance_id)
        where id in (:ids) and case_key is null and process_instance_id is not null""").param("ids", ids).update();
    for (long id : ids) {
      Entry entry = db.sql("select * from ledger_entry where id = :id").param("id", id)
          .query(LedgerFeed::entry).single();
      position++;
      String hash = chainHash(previous, position, entry);
      db.sql("update ledger_entry set position = :p, previous_hash = :prev, entry_hash = :hash where id = :id")
          .param("p", position).param("prev", previous).param("hash", hash).param("id", id).update();
      previous = hash;
    }
    db.sql("update ledger_head set position = :p, hash = :hash where id = 1").param("p", position)
        .param("hash", previous).update();
    ids.clear();
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
