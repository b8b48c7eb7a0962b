package org.openchallenge.jury;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.need.EvaluationCriteria;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.jury.JuryDecision.Consensus;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_DecideAward: the chair runs the deliberation once the blind phase has ended. The form shows each solution's
 * weighted individual scores, their mean and spread, flagging large disagreements; the jury records the consensus score
 * and rationale per solution, the ranking and the decision (award one or more solutions, or no award with a reason).
 */
@Component("decideAwardForm")
public class DecideAwardForm extends TaskForm {

  public enum Verdict { AWARD, NO_AWARD }

  public static final String LARGE_DISAGREEMENT = "Large disagreement";

  private final JuryComposition jury;
  private final BlindScoring scoring;
  private final JuryDecision decisions;
  private final EvaluationCriteria criteria;
  private final Actors actors;

  public DecideAwardForm(JuryComposition jury, BlindScoring scoring, JuryDecision decisions,
                         EvaluationCriteria criteria, Actors actors) {
    this.jury = jury;
    this.scoring = scoring;
    this.decisions = decisions;
    this.criteria = criteria;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    Map<String, String> options = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BlindScoring.Standing st : scoring.standings(key)) {
      options.put(String.valueOf(st.solution().id()), st.solution().label());
      Map<String, Object> row = new HashMap<>();
      row.put(SolutionRows.SOLUTION_ID, st.solution().id());
      row.put("solutionTitle", st.solution().label());
      row.put("weightedMean", st.weightedMean());
      row.put("spread", st.spread());
      row.put("disagreement", st.disagreement() ? LARGE_DISAGREEMENT : "");
      row.put("individualScores", st.weightedTotals().isEmpty() ? "not scored" : st.weightedTotals().entrySet()
          .stream().map(e -> e.getKey() + " " + e.getValue().toPlainString()).collect(Collectors.joining(", ")));
      rows.add(row);
    }
    List<String> missing = scoring.missingJurors(key);
    data.put("missingScores", missing.isEmpty() ? null : "Missing scores (deadline passed): "
            + String.join(", ", missing) + ". Nothing was invented for them.")
        .put("consensus", rows).options("solutionOptions", options);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    BigDecimal scale = BigDecimal.valueOf(criteria.of(key).scale());
    var eligible = jury.eligibleSolutions(key);
    Verdict decision = in.choice("juryDecision", "Decision", Verdict.class);
    String reason = in.text("decisionReason", "Reason", 4000);
    Set<Long> awarded = new LinkedHashSet<>();
    if (decision == Verdict.AWARD) {
      List<String> chosen = in.strings("awardedSolutions", "Awarded solutions");
      if (chosen.isEmpty()) {
        in.problem("Awarded solutions: choose at least one solution to award");
      }
      for (String id : chosen) {
        try {
          long solutionId = Long.parseLong(id);
          if (eligible.stream().noneMatch(s -> s.id() == solutionId)) {
            in.problem("Awarded solutions must be eligible solutions (" + id + " is not)");
          }
          awarded.add(solutionId);
        } catch (NumberFormatException e) {
          in.problem("Awarded solutions must be eligible solutions (" + id + " is not)");
        }
      }
    }
    List<Consensus> consensus = new ArrayList<>();
    Set<Integer> ranks = new HashSet<>();
    List<Row> rows = new ArrayList<>();
    SolutionRows.read(in, "consensus", "Consensus", eligible, (id, row) -> {
      Integer rank = row.whole("rank", "Rank", 1, eligible.size());
      BigDecimal score = row.decimal("consensusScore", "Consensus score", BigDecimal.ZERO, scale);
      String rationale = row.text("rationale", "Rationale", 4000);
      if (rank != null && !ranks.add(rank)) {
        row.problem("rank " + rank + " is given twice; rank every solution once, from 1 to " + eligible.size());
      }
      rows.add(new Row(id, rank, score, rationale));
      return id;
    });
    in.throwIfInvalid();
    for (Row r : rows) {
      consensus.add(new Consensus(r.id(), r.rank(), r.score(), r.rationale(), awarded.contains(r.id())));
    }
    decisions.decide(key, consensus, reason, actors.current(task));
    CaseVariables.AWARD_DECIDED.set(task.getExecution(), decision == Verdict.AWARD);
  }

  private record Row(long id, Integer rank, BigDecimal score, String rationale) {
  }
}
