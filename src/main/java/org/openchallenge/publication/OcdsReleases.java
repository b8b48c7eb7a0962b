package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.DATE_TIME;
import static org.openchallenge.publication.OcdsJson.map;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A case as Open Contracting Data Standard 1.1.5 releases, from publication on, one release per published step:
 * planning (challenge published), planningUpdate (each research brief, as a market study), tender (each intake
 * opening), tenderUpdate (each screened submission, as a bid of the bids extension; a jury's decision not to award),
 * award, contract, implementation (each monitoring report), tenderCancellation and contractTermination. Only what is
 * public goes in: never confidential details, conflict details, stakeholders or internal comments. Each tag has its
 * builder (PlanningRelease, ...); this class assembles their releases and packages them.
 */
@Service
public class OcdsReleases {

  public static final String BIDS_EXTENSION =
      "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";

  private final JdbcClient db;
  private final String prefix;
  private final String publisher;
  private final String buyer;
  private final Clock clock;

  public OcdsReleases(JdbcClient db, @Value("${openchallenge.ocds.prefix:ocds-0pench}") String prefix,
                      @Value("${openchallenge.ocds.publisher:Open Challenge}") String publisher,
                      @Value("${openchallenge.ocds.buyer:The City}") String buyer, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.prefix = prefix;
    this.publisher = publisher;
    this.buyer = buyer;
  }

  public String ocid(String caseKey) {
    return prefix + "-" + caseKey;
  }

  /** The case's releases in date order; empty for a case not (yet) published. */
  public List<Map<String, Object>> releases(String caseKey) {
    Optional<OcdsCase> found = publishedCase(caseKey);
    if (found.isEmpty()) {
      return List.of();
    }
    OcdsCase c = found.get();
    // Built in lifecycle order: the date sort below is stable, so releases of the same instant keep it.
    List<Map<String, Object>> releases = new ArrayList<>();
    releases.add(PlanningRelease.release(c));
    releases.addAll(PlanningUpdateReleases.releases(db, c));
    releases.addAll(TenderReleases.releases(db, c));
    releases.addAll(BidReleases.releases(db, c));
    releases.addAll(JuryDecisionReleases.releases(db, c));
    Optional<OcdsContract> contract = OcdsContract.find(db, clock, c);
    if (contract.isPresent()) {
      releases.add(ContractRelease.release(c, contract.get()));
      releases.addAll(ImplementationReleases.releases(c, contract.get()));
      ContractTerminationRelease.release(c, contract.get()).ifPresent(releases::add);
    } else {
      TenderCancellationRelease.release(c).ifPresent(releases::add);
    }
    releases.sort(Comparator.comparing(r -> OffsetDateTime.parse((String) r.get("date"))));
    return releases;
  }

  /** The releases merged by OCDS's rules into the case's current state. */
  static Map<String, Object> compiledRelease(String ocid, List<Map<String, Object>> releases) {
    return OcdsMerge.compiledRelease(ocid, releases);
  }

  public Map<String, Object> releasePackage(String uri, List<Map<String, Object>> releases) {
    Map<String, Object> pkg = packageHeader(uri, releases);
    pkg.put("releases", releases);
    return pkg;
  }

  public Map<String, Object> recordPackage(String uri, String caseKey, List<Map<String, Object>> releases) {
    Map<String, Object> pkg = packageHeader(uri, releases);
    pkg.put("records", List.of(map("ocid", ocid(caseKey), "releases", releases,
        "compiledRelease", compiledRelease(ocid(caseKey), releases))));
    return pkg;
  }

  /** Every published case's releases, a page of cases at a time (oldest case first, so pages stay stable). */
  public List<Map<String, Object>> allReleases(int page, int size) {
    List<String> keys = db.sql("""
        select c.business_key from procurement_case c join challenge ch on ch.case_id = c.id
        where ch.published_at is not null order by c.id limit :limit offset :offset""")
        .param("limit", size).param("offset", (long) page * size).query(String.class).list();
    List<Map<String, Object>> all = new ArrayList<>();
    keys.forEach(k -> all.addAll(releases(k)));
    return all;
  }

  private Optional<OcdsCase> publishedCase(String caseKey) {
    return db.sql("""
        select c.*, ch.question, ch.published_at, ch.score_scale from procurement_case c join challenge ch on ch.case_id = c.id
        where c.business_key = :k and ch.published_at is not null""").param("k", caseKey).query().listOfRows()
        .stream().findFirst()
        .map(row -> new OcdsCase(caseKey, ocid(caseKey), row, awardCriteriaDetails(row), buyer));
  }

  /** The jury's criteria, fixed with the challenge, as awardCriteriaDetails; null for a case without criteria. */
  private String awardCriteriaDetails(Map<String, Object> c) {
    List<String> criteria = db.sql("select name, weight from evaluation_criterion where case_id = :c order by position")
        .param("c", c.get("id")).query((rs, n) -> rs.getString("name") + " (" + rs.getInt("weight") + "%)").list();
    return criteria.isEmpty() ? null : "Jurors score each eligible solution from 0 to " + c.get("score_scale")
        + " on: " + String.join("; ", criteria) + ". The jury's consensus follows the weighted mean of the scores.";
  }

  private Map<String, Object> packageHeader(String uri, List<Map<String, Object>> releases) {
    String published = releases.stream().map(r -> (String) r.get("date")).max(Comparator.comparing(
        OffsetDateTime::parse)).orElse(OffsetDateTime.now(ZoneOffset.UTC).format(DATE_TIME));
    return map("uri", uri, "version", "1.1", "publishedDate", published, "publisher", map("name", publisher),
        "extensions", List.of(BIDS_EXTENSION));
  }
}
