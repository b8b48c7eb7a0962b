package org.openchallenge.jury;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_DecideAward: the chair records the jury's decision: award to one solution, or no award, with the reason. */
@Component("decideAwardForm")
public class DecideAwardForm extends TaskForm {

  public enum JuryDecision { AWARD, NO_AWARD }

  private final JuryService jury;
  private final Actors actors;

  public DecideAwardForm(JuryService jury, Actors actors) {
    this.jury = jury;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    Map<String, String> options = new LinkedHashMap<>();
    for (JuryService.Standing st : jury.ranking(key)) {
      options.put(String.valueOf(st.solution().id()), st.solution().label());
    }
    data.put("ranking", jury.describeRanking(key)).options("solutionOptions", options);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    JuryDecision decision = in.choice("juryDecision", "Decision", JuryDecision.class);
    String reason = in.text("decisionReason", "Reason", 4000);
    Long solutionId = null;
    if (decision == JuryDecision.AWARD) {
      Integer chosen = in.whole("awardedSolution", "Awarded solution", 1, Integer.MAX_VALUE);
      if (chosen != null) {
        solutionId = chosen.longValue();
        long id = solutionId;
        if (jury.eligibleSolutions(key).stream().map(Solution::id).noneMatch(s -> s == id)) {
          in.problem("Awarded solution must be one of the eligible solutions");
        }
      }
    }
    in.throwIfInvalid();
    jury.decide(key, decision == JuryDecision.AWARD, solutionId, reason, actors.current(task));
    CaseVariables.AWARD_DECIDED.set(task.getExecution(), decision == JuryDecision.AWARD);
  }
}
