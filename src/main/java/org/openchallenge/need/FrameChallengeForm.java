package org.openchallenge.need;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.Directory;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_FrameChallenge: the need becomes a public challenge with measurable outcomes and invited stakeholders. */
@Component("frameChallengeForm")
public class FrameChallengeForm extends TaskForm {

  public static final String STAKEHOLDERS_GROUP = "stakeholders";
  private static final BigDecimal LIMIT = new BigDecimal("999999999999999");

  private final NeedService need;
  private final CaseService cases;
  private final Directory directory;
  private final Actors actors;
  private final EvaluationCriteria criteria;

  public FrameChallengeForm(NeedService need, CaseService cases, Directory directory, Actors actors,
                            EvaluationCriteria criteria) {
    this.criteria = criteria;
    this.need = need;
    this.cases = cases;
    this.directory = directory;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    ProcurementCase c = cases.require(key);
    data.put("caseTitle", c.title()).put("problem", c.problem()).put("publicValue", c.publicValue())
        .options("stakeholderOptions", directory.members(STAKEHOLDERS_GROUP))
        .put("consultationDays", 14).put("researchMonths", 3).put("intakeWeeks", 6);
    EvaluationCriteria.Scheme scheme = criteria.of(c.id());
    scheme = scheme.criteria().isEmpty() ? EvaluationCriteria.SUGGESTED : scheme;
    data.put("criteria", EvaluationCriteria.rows(scheme)).put("scoreScale", scheme.scale());
    need.challenge(key).ifPresent(ch -> {
      List<Map<String, Object>> indicators = new ArrayList<>();
      for (Indicator i : ch.indicators()) {
        indicators.add(Map.of("name", i.name(), "unit", i.unit(), "baseline", i.baseline(), "target", i.target(),
            "direction", i.direction().name()));
      }
      data.put("challengeQuestion", ch.question()).put("constraints", ch.constraints())
          .put("indicators", indicators).put("stakeholders", ch.stakeholders())
          .put("consultationDays", ch.consultationDays()).put("researchMonths", ch.researchMonths())
          .put("intakeWeeks", ch.intakeWeeks()).put("reworkComment", ch.publicationComment());
    });
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String question = in.text("challengeQuestion", "Challenge question", 4000);
    String constraints = in.optionalText("constraints", "Constraints", 4000);
    List<Indicator> indicators = new ArrayList<>();
    for (FormInput row : in.rows("indicators", "Outcome indicator", 1, 20)) {
      Indicator indicator = new Indicator(0, indicators.size() + 1, row.text("name", "Name", 200),
          row.text("unit", "Unit", 50), row.decimal("baseline", "Baseline", LIMIT.negate(), LIMIT),
          row.decimal("target", "Target", LIMIT.negate(), LIMIT),
          row.choice("direction", "Direction", Indicator.Direction.class));
      if (indicator.baseline() != null && indicator.target() != null && indicator.direction() != null) {
        String problem = indicator.direction().describeTarget(indicator.baseline(), indicator.target());
        if (problem != null) {
          row.problem("the target " + problem);
        }
      }
      indicators.add(indicator);
    }
    List<String> stakeholders = new ArrayList<>(new LinkedHashSet<>(in.strings("stakeholders", "Stakeholders")));
    for (String s : stakeholders) {
      if (!directory.isMember(s, STAKEHOLDERS_GROUP)) {
        in.problem("Stakeholders: " + s + " is not a member of the stakeholders group");
      }
    }
    Integer consultationDays = in.whole("consultationDays", "Consultation window (days)", 1, 90);
    Integer researchMonths = in.whole("researchMonths", "Research window (months)", 1, 12);
    Integer intakeWeeks = in.whole("intakeWeeks", "Solution intake period (weeks)", 1, 26);
    EvaluationCriteria.Scheme scheme = EvaluationCriteria.read(in, "criteria", "scoreScale");
    in.throwIfInvalid();
    need.frame(task.getExecution().getProcessBusinessKey(), new NeedService.Framing(question, constraints,
        indicators, stakeholders, consultationDays, researchMonths, intakeWeeks), actors.current(task));
    criteria.define(task.getExecution().getProcessBusinessKey(), scheme);
  }
}
