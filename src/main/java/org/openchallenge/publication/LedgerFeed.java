package org.openchallenge.publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.openchallenge.platform.Durability;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** Reading the ledger: the public feed, per-case timelines, the internal audit view, and the chain's verification. */
@Service
public class LedgerFeed {

  /**
   * An entry as the public sees it. {@code data} is served as the very JSON text the hash covers (not parsed and
   * written again), so a client can check the hash from what it received.
   */
  public record PublicEntry(long position, String caseKey, String occurredAt, String kind, String subject,
                            String actorRole, @JsonRawValue String data, String contentHash, String previousHash,
                            String hash) {
  }

  /** An entry with everything recorded, for the city's audit (officials, managers). */
  public record AuditEntry(long position, String caseKey, String occurredAt, String kind, String subject,
                           String actorRole, @JsonRawValue String data, String hash) {
  }

  public record Page<T>(List<T> entries, long next, Head head) {
  }

  public record Head(long position, String hash) {
  }

  public record Verification(long verifiedPositions, Long firstBrokenPosition, Head head) {
  }

  private final JdbcClient db;
  private final Durability durability;

  public LedgerFeed(JdbcClient db, Durability durability) {
    this.db = db;
    this.durability = durability;
  }

  public Head head() {
    Head head = db.sql("select position, hash from ledger_head where id = 1")
        .query((rs, n) -> new Head(rs.getLong("position"), rs.getString("hash"))).single();
    // A position once served must survive a crash (a lost one would be reissued with another hash).
    durability.awaitCommitted();
    return head;
  }

  /** Committed entries after a position, in position order; {@code next} is where to read on from. */
  public Page<PublicEntry> after(long after, int limit, String caseKey) {
    List<PublicEntry> entries = select(after, limit, caseKey).stream().map(LedgerFeed::publicEntry).toList();
    return new Page<>(entries, entries.isEmpty() ? after : entries.get(entries.size() - 1).position(), head());
  }

  public Page<AuditEntry> auditAfter(long after, int limit, String caseKey) {
    List<AuditEntry> entries = select(after, limit, caseKey).stream().map(e -> new AuditEntry(e.position(),
        e.caseKey(), Ledger.INSTANT.format(e.occurredAt()), e.kind(), e.subject(), e.actorRole(),
        e.internalData(), e.entryHash())).toList();
    return new Page<>(entries, entries.isEmpty() ? after : entries.get(entries.size() - 1).position(), head());
  }

  private List<Ledger.Entry> select(long after, int limit, String caseKey) {
    // Positions are handed out at commit, so "position > after" never skips one still to appear.
    List<Ledger.Entry> entries = db.sql("select * from ledger_entry where position > :after"
            + (caseKey == null ? "" : " and case_key = :case") + " order by position limit :limit")
        .param("after", after).param("limit", limit).params(caseKey == null ? Map.of() : Map.of("case", caseKey))
        .query(LedgerFeed::entry).list();
    durability.awaitCommitted();
    return entries;
  }

  /**
   * Recomputes the chain from the first position, in batches, and reports the first position whose stored hash or
   * link does not match what its content gives (null when the whole chain holds).
   */
  public Verification verify() {
    String previous = Ledger.GENESIS;
    long expected = 1;
    long last = 0;
    while (true) {
      List<Ledger.Entry> batch = db.sql("select * from ledger_entry where position > :after order by position "
          + "limit 1000").param("after", last).query(LedgerFeed::entry).list();
      if (batch.isEmpty()) {
        break;
      }
      for (Ledger.Entry e : batch) {
        boolean intact = e.position() == expected && previous.equals(e.previousHash())
            && Ledger.sha256(e.internalData()).equals(e.contentHash())
            && Ledger.chainHash(previous, e.position(), e).equals(e.entryHash());
        if (!intact) {
          return new Verification(expected - 1, expected, head());
        }
        previous = e.entryHash();
        last = e.position();
        expected++;
      }
    }
    Head head = head();
    return new Verification(last, head.position() == last && head.hash().equals(previous) ? null : last + 1, head);
  }

  static PublicEntry publicEntry(Ledger.Entry e) {
    return new PublicEntry(e.position(), e.caseKey(), Ledger.INSTANT.format(e.occurredAt()), e.kind(), e.subject(),
        e.actorRole(), e.publicData(), e.contentHash(), e.previousHash(), e.entryHash());
  }

  static Ledger.Entry entry(ResultSet rs, int row) throws SQLException {
    return new Ledger.Entry(rs.getLong("id"), (Long) rs.getObject("position", Long.class), rs.getString("case_key"),
        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("kind"), rs.getString("subject"),
        rs.getString("actor_role"), rs.getString("public_data"), rs.getString("internal_data"),
        rs.getString("content_hash"), rs.getString("previous_hash"), rs.getString("entry_hash"));
  }


}
