package org.openchallenge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.openchallenge.intake.IntakeService;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.FormData;
import org.springframework.stereotype.Component;

/**
 * Walks cases through the lifecycle the way Tasklist does: start form and task forms submitted through the
 * FormService (lists as Json, as Tasklist sends them), timers fired by executing their jobs.
 */
@Component
public class CaseDriver {

  public final RuntimeService runtime;
  public final TaskService tasks;
  public final FormService forms;
  public final ManagementService management;
  public final RepositoryService repository;
  public final HistoryService history;
  public final IntakeService intake;

  public CaseDriver(RuntimeService runtime, TaskService tasks, FormService forms, ManagementService management,
                    RepositoryService repository, HistoryService history, IntakeService intake) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.management = management;
    this.repository = repository;
    this.history = history;
    this.intake = intake;
  }

  // ------------------------------------------------------------------ generic

  public ProcessInstance openNeed(String title) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("procurementCase")
        .latestVersion().singleResult().getId();
    return forms.submitStartForm(definitionId, needForm(title));
  }

  public static Map<String, Object> needForm(String title) {
    Map<String, Object> v = new HashMap<>();
    v.put("title", title);
    v.put("problem", "Cyclists are hurt at the ring road's crossings.");
    v.put("publicValue", "Fewer injuries; more people cycling to work.");
    v.put("department", "Mobility");
    v.put("budgetEnvelope", 250000);
    v.put("currency", "EUR");
    v.put("involvesAi", false);
    return v;
  }

  /** The open task of the case with this definition key (the only one, or the one assigned to {@code user}). */
  public Task task(String businessKey, String taskKey, String user) {
    var query = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey);
    if (user != null) {
      query.taskAssignee(user);
    }
    List<Task> found = query.list();
    if (found.size() != 1) {
      throw new AssertionError("Expected one task " + taskKey + (user == null ? "" : " of " + user)
          + " in case " + businessKey + ", found " + found.size() + "; open: " + openTasks(businessKey));
    }
    return found.get(0);
  }

  public List<String> openTasks(String businessKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
        .map(t -> t.getTaskDefinitionKey() + (t.getAssignee() == null ? "" : "@" + t.getAssignee())).sorted().toList();
  }

  public void submit(String businessKey, String taskKey, Map<String, Object> values) {
    submit(businessKey, taskKey, null, values);
  }

  public void submit(String businessKey, String taskKey, String user, Map<String, Object> values) {
    forms.submitTaskForm(task(businessKey, taskKey, user).getId(), values);
  }

  /** Executes the timer job of a timer event of the case, whatever its due date. */
  public void fireTimer(String businessKey, String timerActivityId) {
    List<Job> jobs = new ArrayList<>();
    for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      jobs.addAll(management.createJobQuery().processInstanceId(pi.getId()).activityId(timerActivityId).list());
    }
    if (jobs.size() != 1) {
      throw new AssertionError("Expected one timer " + timerActivityId + " in case " + businessKey + ", found "
          + jobs.size());
    }
    management.executeJob(jobs.get(0).getId());
  }

  public ProcessInstance phase(String businessKey, String processKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processKey).singleResult();
  }

  public static Map<String, Object> form(Object... keyValues) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object value = keyValues[i + 1];
      v.put((String) keyValues[i], value instanceof List<?> || value instanceof Map<?, ?> ? FormData.json(value) : value);
    }
    return v;
  }

  // ------------------------------------------------------------------ need opening

  public Map<String, Object> framing(List<String> stakeholders) {
    return form("challengeQuestion", "How might we make the ring road's crossings safe for cyclists?",
        "constraints", "Works only outside rush hours.",
        "indicators", List.of(
            Map.of("name", "Cyclist injuries at crossings", "unit", "injuries/year", "baseline", 40, "target", 10,
                "direction", "DECREASE"),
            Map.of("name", "Commuters cycling", "unit", "%", "baseline", 12.5, "target", 20, "direction",
                "INCREASE")),
        "stakeholders", stakeholders, "consultationDays", 14, "researchMonths", 3, "intakeWeeks", 6);
  }

  public void frameAndConsult(String key, List<String> stakeholders) {
    submit(key, "Task_FrameChallenge", framing(stakeholders));
    for (String s : stakeholders) {
      submit(key, "Task_GiveConsultationInput", s, form("stance", "SUPPORT_WITH_CHANGES", "input",
          "Include the school routes, " + s + " says."));
    }
    submit(key, "Task_ConsolidateConsultation", form("consolidation", "School routes added to the scope."));
  }

  public void approve(String key, String decision, String comment) {
    submit(key, "Task_ApprovePublication", form("decision", decision, "comment", comment));
  }

  /** A new case, framed, consulted with sam and approved: waiting in research. */
  public String publishedChallenge(String title) {
    String key = openNeed(title).getBusinessKey();
    frameAndConsult(key, List.of("sam"));
    approve(key, "PUBLISH", null);
    return key;
  }

  // ------------------------------------------------------------------ research

  public void recordFinding(String key, String nextStep, String title) {
    submit(key, "Task_RecordFinding", form("nextStep", nextStep, "title", title, "summary", "Raised crossings.",
        "organisationName", "SafeStreets BV", "organisationType", "SME", "approach", "infrastructure",
        "foundWhere", "European mobility showcase", "providerContact", "info@safestreets.example"));
  }

  /** Research with one finding, providers invited, brief published: waiting in intake. */
  public void researchWithFinding(String key) {
    recordFinding(key, "RECORD_AND_FINISH", "Raised crossings");
    submit(key, "Task_InviteProviders", form("invitationMessage", "Please submit to our challenge.",
        "invitationsSent", true));
    submit(key, "Task_WriteResearchBrief", form("landscape", "Infrastructure and nudging approaches."));
  }

  // ------------------------------------------------------------------ intake

  public Solution submitSolution(String key, String provider, String title) {
    return intake.submit(key, new IntakeService.Submission(title, "Summary of " + title,
        "Reduces injuries at crossings.", provider + " Ltd", Solution.OrganisationType.START_UP, "NL",
        Solution.Maturity.PILOTED), provider);
  }

  /** A provider API submission with every optional field, confidential details included. */
  public static Map<String, Object> submissionBody(String title) {
    Map<String, Object> body = new HashMap<>(Map.of("title", title, "summary", "Sensors count cyclists.",
        "howMeetsOutcomes", "Fewer conflicts at crossings.", "organisationName", "Paula's Lights BV",
        "organisationType", "START_UP", "country", "NL", "maturity", "DEPLOYED_ELSEWHERE",
        "maturityReferences", "Utrecht since 2024", "indicativeCost", 125000.50, "costCurrency", "EUR"));
    body.put("attachments", List.of(Map.of("label", "Pilot report", "url", "https://lights.example/pilot.pdf")));
    body.put("confidentialDetails", "Unit price 840 EUR; margin 12%.");
    return body;
  }

  public void screen(String key, long submissionId, boolean eligible) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_ScreenSubmission")
        .list().stream().filter(t -> Long.valueOf(submissionId).equals(tasks.getVariable(t.getId(), "submissionId")))
        .findFirst().orElseThrow(() -> new AssertionError("No screening task for submission " + submissionId));
    forms.submitTaskForm(task.getId(), form("eligibility", eligible ? "ELIGIBLE" : "NOT_ELIGIBLE",
        "screeningReason", eligible ? "Meets the outcomes." : "Outside the challenge's scope."));
  }

  /** Two submissions screened eligible and the deadline passed: waiting for the jury composition. */
  public List<Solution> intakeWithEligibleSolutions(String key) {
    Solution a = submitSolution(key, "paula", "Smart crossing lights");
    Solution b = submitSolution(key, "pedro", "Cycle-first junction redesign");
    screen(key, a.id(), true);
    screen(key, b.id(), true);
    fireTimer(key, "Event_IntakeDeadlinePassed");
    return List.of(a, b);
  }

  // ------------------------------------------------------------------ jury

  public static final List<String> JURORS = List.of("jonas", "judy", "jules");

  /** A jury row as the composition form submits it. */
  public static Map<String, Object> member(String juror, String seatType, boolean qualified) {
    return Map.of("juror", juror, "seatType", seatType, "qualified", qualified);
  }

  /** The default jury: a citizen, a domain expert and a technical expert; it passes the composition check. */
  public static List<Map<String, Object>> defaultJury() {
    return List.of(member("jonas", "CITIZEN", false), member("judy", "DOMAIN_EXPERT", true),
        member("jules", "TECHNICAL_EXPERT", false));
  }

  public void composeJury(String key) {
    submit(key, "Task_ComposeJury", form("members", defaultJury()));
  }

  /** Rows of a per-solution list as Tasklist submits them back: prefilled rows with the user's answers added. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> prefilledRows(String key, String taskKey, String user, String listKey) {
    Task task = task(key, taskKey, user);
    Object value = tasks.getVariableLocal(task.getId(), listKey);
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(value.toString(), List.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public void declareNoConflicts(String key, String juror) {
    List<Map<String, Object>> rows = prefilledRows(key, "Task_DeclareConflicts", juror, "declarations");
    submit(key, "Task_DeclareConflicts", juror, form("declarations", rows));
  }

  /** Scores every solution the juror may score, the same on every criterion: {@code score(solutionId)}. */
  public void evaluate(String key, String juror, java.util.function.ToIntFunction<Long> score) {
    List<Map<String, Object>> rows = prefilledRows(key, "Task_EvaluateSolutions", juror, "scores");
    for (Map<String, Object> row : rows) {
      row.put("score", score.applyAsInt(((Number) row.get("solutionId")).longValue()));
      row.put("justification", "Evidence from the pilot.");
    }
    submit(key, "Task_EvaluateSolutions", juror, form("scores", rows));
  }

  /** Jury composed, no conflicts, everyone scores the first solution higher. */
  public void deliberate(String key, List<Solution> eligible) {
    composeJury(key);
    for (String juror : JURORS) {
      declareNoConflicts(key, juror);
    }
    for (String juror : JURORS) {
      evaluate(key, juror, id -> id == eligible.get(0).id() ? 8 : 5);
    }
  }

  /** A published challenge researched, two eligible submissions, jury deliberated: waiting for the decision. */
  public List<Solution> caseAwaitingJuryDecision(String key) {
    researchWithFinding(key);
    List<Solution> eligible = intakeWithEligibleSolutions(key);
    deliberate(key, eligible);
    return eligible;
  }

  /** The chair's consensus rows: ranked as prefilled (by weighted mean), consensus = weighted mean (0 if unscored). */
  public List<Map<String, Object>> consensusRows(String key) {
    List<Map<String, Object>> rows = prefilledRows(key, "Task_DecideAward", null, "consensus");
    int rank = 1;
    for (Map<String, Object> row : rows) {
      row.put("rank", rank++);
      row.put("consensusScore", row.get("weightedMean") == null ? 0 : row.get("weightedMean"));
      row.put("rationale", "The jury agrees with the weighted scores.");
    }
    return rows;
  }

  public void decideAward(String key, long solutionId) {
    submit(key, "Task_DecideAward", form("consensus", consensusRows(key), "juryDecision", "AWARD",
        "awardedSolutions", List.of(String.valueOf(solutionId)),
        "decisionReason", "Highest mean score and strongest evidence."));
  }

  public void decideNoAward(String key, String reason) {
    submit(key, "Task_DecideAward", form("consensus", consensusRows(key), "juryDecision", "NO_AWARD",
        "decisionReason", reason));
  }

  // ------------------------------------------------------------------ award, monitoring

  public void confirmAndContract(String key) {
    confirmAndContract(key, List.of());
  }

  /** Confirms the award and records the contract with the framed targets unchanged and these milestones. */
  public void confirmAndContract(String key, List<Map<String, Object>> milestones) {
    submit(key, "Task_ConfirmAward", form("confirmation", "CONFIRM"));
    submit(key, "Task_RecordContract", contract(prefilledRows(key, "Task_RecordContract", null, "targets"),
        milestones));
  }

  /** A contract from 2027 to 2028, or from today for two years once that lies in the past (dates cannot precede the case). */
  public static final java.time.LocalDate CONTRACT_START =
      java.time.LocalDate.now().isAfter(java.time.LocalDate.of(2027, 1, 1)) ? java.time.LocalDate.now()
          : java.time.LocalDate.of(2027, 1, 1);
  public static final java.time.LocalDate CONTRACT_END = CONTRACT_START.plusYears(2).minusDays(1);

  public static Map<String, Object> contract(List<Map<String, Object>> targets, List<Map<String, Object>> milestones) {
    return form("supplier", "paula Ltd", "contractValue", 180000, "currency", "EUR",
        "startDate", CONTRACT_START.toString(), "endDate", CONTRACT_END.toString(), "reportingMonths", 3, "targets", targets,
        "milestones", milestones);
  }

  /**
   * From a recorded contract to the case's closure: one report period with sam's feedback, then sam's assessment of
   * the outcome and the final evaluation.
   */
  public void monitorToClosure(String key) {
    fireTimer(key, "Event_ReportingPeriodElapsed");
    fileReport(key, 30, 14);
    submit(key, "Task_GiveStakeholderFeedback", "sam", form("rating", "4"));
    fireTimer(key, "Timer_ContractEnded");
    submit(key, "Task_AssessFinalImpact", "sam", form("rating", "4"));
    submit(key, "Task_EvaluateImpact", form("finalStatus", "ACHIEVED", "impactSummary", "Done."));
  }

  public void fileReport(String key, double injuries, double cycling) {
    List<Map<String, Object>> rows = prefilledRows(key, "Task_FileMonitoringReport", null, "measurements");
    for (Map<String, Object> row : rows) {
      row.put("value", row.get("indicator").toString().startsWith("Cyclist injuries") ? injuries : cycling);
    }
    submit(key, "Task_FileMonitoringReport", form("measurements", rows, "progress", "Two crossings rebuilt."));
  }
}
