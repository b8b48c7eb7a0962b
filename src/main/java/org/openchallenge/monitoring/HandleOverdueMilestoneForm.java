package org.openchallenge.monitoring;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.award.AwardService;
import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_HandleOverdueMilestone: a milestone passed its due date still pending; the official records its completion or
 * agrees a new due date (in the future, within the contract) with a reason.
 */
@Component("handleOverdueMilestoneForm")
public class HandleOverdueMilestoneForm extends TaskForm {

  public enum Resolution { COMPLETED, RESCHEDULED }

  private final DeliveryService delivery;
  private final AwardService award;
  private final Actors actors;
  private final Clock clock;
  private final CaseService cases;

  public HandleOverdueMilestoneForm(DeliveryService delivery, AwardService award, Actors actors, Clock clock,
                                    CaseService cases) {
    this.cases = cases;
    this.delivery = delivery;
    this.award = award;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    DeliveryService.Milestone m = delivery.milestone(task.getExecution().getProcessBusinessKey(), milestoneId(task));
    data.put("milestone", m.name()).put("dueDate", m.dueDate().toString());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    Resolution resolution = in.choice("milestoneResolution", "Resolution", Resolution.class);
    LocalDate today = LocalDate.now(clock);
    String by = actors.current(task);
    if (resolution == Resolution.COMPLETED) {
      LocalDate on = in.date("completedOn", "Completed on", cases.earliestDate(key), cases.latestDate());
      if (on != null && on.isAfter(today)) {
        in.problem("Completed on cannot be in the future");
      }
      in.throwIfInvalid();
      delivery.complete(key, milestoneId(task), on, "Completed after its due date", by);
    } else if (resolution == Resolution.RESCHEDULED) {
      LocalDate due = in.date("newDueDate", "New due date", cases.earliestDate(key), cases.latestDate());
      String reason = in.text("rescheduleReason", "Reason for the delay", 4000);
      LocalDate contractEnd = award.contract(key).orElseThrow().endDate();
      if (due != null && !due.isAfter(today)) {
        in.problem("New due date must be in the future");
      } else if (due != null && due.isAfter(contractEnd)) {
        in.problem("New due date must fall before the contract ends on " + contractEnd);
      }
      in.throwIfInvalid();
      delivery.reschedule(key, milestoneId(task), due, reason, by);
    }
  }

  private static long milestoneId(DelegateTask task) {
    return ((Number) task.getVariable(CaseVariables.MILESTONE_ID)).longValue();
  }
}
