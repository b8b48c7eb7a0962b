package org.openchallenge.award;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.jury.JuryDecision;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_ConfirmAward: a manager confirms the jury's award or refers it back to the jury with a comment. */
@Component("confirmAwardForm")
public class ConfirmAwardForm extends TaskForm {

  public enum Confirmation { CONFIRM, REFER_BACK }

  private final AwardService award;
  private final JuryDecision jury;
  private final Actors actors;

  public ConfirmAwardForm(AwardService award, JuryDecision jury, Actors actors) {
    this.award = award;
    this.jury = jury;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    data.put("awardedSolution", award.awardedSolution(key).label())
        .put("juryReason", jury.currentDecision(key).map(JuryDecision.Decision::reason).orElse(null))
        .put("ranking", jury.describeRanking(key));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    Confirmation confirmation = in.choice("confirmation", "Confirmation", Confirmation.class);
    String comment = in.optionalText("reviewComment", "Comment", 4000);
    if (confirmation == Confirmation.REFER_BACK && comment == null) {
      in.problem("Comment is required to refer the award back to the jury");
    }
    in.throwIfInvalid();
    boolean confirmed = confirmation == Confirmation.CONFIRM;
    award.review(task.getExecution().getProcessBusinessKey(), confirmed, comment, actors.current(task));
    CaseVariables.AWARD_CONFIRMED.set(task.getExecution(), confirmed);
  }
}
