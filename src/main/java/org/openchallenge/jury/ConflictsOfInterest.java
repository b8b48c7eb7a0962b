package org.openchallenge.jury;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.intake.Solution;
import org.openchallenge.jury.JuryComposition.Member;
import org.openchallenge.publication.Ledger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Task_DeclareConflicts (declarations and the recusals they make) and Task_CheckQuorum. */
@Service
public class ConflictsOfInterest {

  record Declaration(long solutionId, boolean conflicted, String nature) {
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final JuryComposition composition;
  private final Clock clock;
  private final Ledger ledger;
  private final int quorum;

  ConflictsOfInterest(JdbcClient db, CaseService cases, JuryComposition composition, Clock clock, Ledger ledger,
                      @Value("${openchallenge.jury.quorum:2}") int quorum) {
    this.db = db;
    this.cases = cases;
    this.composition = composition;
    this.clock = clock;
    this.ledger = ledger;
    this.quorum = quorum;
  }

  int quorum() {
    return quorum;
  }

  /** The jurors who have declared conflicts in this round: they stay on the jury (their declarations stay recorded). */
  Set<String> declaredJurors(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return Set.copyOf(db.sql("""
        select distinct juror from conflict_declaration where case_id = :c and jury_round = :r""")
        .param("c", c.id()).param("r", c.juryRound()).query(String.class).list());
  }

  /** The current round's jurors who have not declared their conflicts yet (new ones after a re-composition). */
  List<String> jurorsToDeclare(String businessKey) {
    Set<String> declared = declaredJurors(businessKey);
    return composition.members(businessKey).stream().map(Member::username).filter(j -> !declared.contains(j))
        .toList();
  }

  void declare(String businessKey, String juror, List<Declaration> declarations) {
    ProcurementCase c = cases.require(businessKey);
    for (Declaration d : declarations) {
      db.sql("""
          insert into conflict_declaration (case_id, jury_round, juror, solution_id, conflicted, nature, declared_at)
          values (:c, :r, :j, :s, :conflicted, :nature, :at)""")
          .param("c", c.id()).param("r", c.juryRound()).param("j", juror).param("s", d.solutionId())
          .param("conflicted", d.conflicted()).param("nature", d.nature()).param("at", OffsetDateTime.now(clock))
          .update();
      if (d.conflicted()) {
        // The nature of the conflict stays internal (publication policy): only the recusal is public.
        ledger.record(businessKey, "juror.recused", "solution " + d.solutionId(), juror,
            Map.of("juror", juror, "solution", d.solutionId(), "nature", String.valueOf(d.nature())));
      }
    }
  }

  /** The solutions a juror is recused from in the current round, by their own declaration. */
  public Set<Long> recusals(String businessKey, String juror) {
    ProcurementCase c = cases.require(businessKey);
    return Set.copyOf(db.sql("""
        select solution_id from conflict_declaration
        where case_id = :c and jury_round = :r and juror = :j and conflicted = true""")
        .param("c", c.id()).param("r", c.juryRound()).param("j", juror).query(Long.class).list());
  }

  /** Eligible solutions left with fewer unconflicted jurors than the quorum, with how many they have. */
  Map<Solution, Integer> belowQuorum(String businessKey) {
    List<Member> members = composition.members(businessKey);
    Map<Solution, Integer> short_ = new LinkedHashMap<>();
    Map<String, Set<Long>> recused = new HashMap<>();
    members.forEach(m -> recused.put(m.username(), recusals(businessKey, m.username())));
    for (Solution s : composition.eligibleSolutions(businessKey)) {
      int free = (int) members.stream().filter(m -> !recused.get(m.username()).contains(s.id())).count();
      if (free < quorum) {
        short_.put(s, free);
      }
    }
    return short_;
  }
}
