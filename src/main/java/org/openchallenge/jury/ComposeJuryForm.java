package org.openchallenge.jury;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.Directory;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_ComposeJury: an official chooses the jurors from the city's jurors group. */
@Component("composeJuryForm")
public class ComposeJuryForm extends TaskForm {

  public static final String JURORS_GROUP = "jurors";
  public static final int MIN_JURORS = 3;

  private final JuryService jury;
  private final Directory directory;

  public ComposeJuryForm(JuryService jury, Directory directory) {
    this.jury = jury;
    this.directory = directory;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    data.options("jurorOptions", directory.members(JURORS_GROUP))
        .put("eligibleSolutions", jury.eligibleSolutions(task.getExecution().getProcessBusinessKey()).stream()
            .map(Solution::label).collect(Collectors.joining("\n")));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    List<String> jurors = new ArrayList<>(new LinkedHashSet<>(in.strings("jurors", "Jurors")));
    if (jurors.size() < MIN_JURORS) {
      in.problem("Jurors: choose at least " + MIN_JURORS + " different jurors (chosen: " + jurors.size() + ")");
    }
    for (String juror : jurors) {
      if (!directory.isMember(juror, JURORS_GROUP)) {
        in.problem("Jurors: " + juror + " is not a member of the jurors group");
      }
    }
    in.throwIfInvalid();
    jury.compose(task.getExecution().getProcessBusinessKey(), jurors);
  }
}
