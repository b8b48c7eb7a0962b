package org.openchallenge.research;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_WriteResearchBrief: the landscape of approaches, published at the end of the research window. */
@Component("writeResearchBriefForm")
public class WriteResearchBriefForm extends TaskForm {

  private final ResearchService research;
  private final Actors actors;

  public WriteResearchBriefForm(ResearchService research, Actors actors) {
    this.research = research;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    Map<String, Integer> counts = research.countPerApproach(task.getExecution().getProcessBusinessKey());
    data.put("approachCounts", counts.isEmpty() ? "No solution was found in this research round."
        : counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String landscape = in.text("landscape", "Landscape of approaches", 4000);
    String gaps = in.optionalText("gaps", "Gaps and open questions", 4000);
    in.throwIfInvalid();
    research.publishBrief(task.getExecution().getProcessBusinessKey(), landscape, gaps, actors.current(task));
  }
}
