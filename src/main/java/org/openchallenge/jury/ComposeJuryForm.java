package org.openchallenge.jury;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.intake.Solution;
import org.openchallenge.cases.CaseService;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.Directory;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_ComposeJury: an official proposes the jurors from the city's jurors group, each with a seat type, and the
 * scoring deadline. On a revision the form shows why (the check's violations, or solutions below the quorum).
 */
@Component("composeJuryForm")
public class ComposeJuryForm extends TaskForm {

  public static final String JURORS_GROUP = "jurors";
  public static final int DEFAULT_SCORING_DAYS = 14;
  public static final int MAX_JURORS = 30;

  private final JuryComposition jury;
  private final CompositionCheck check;
  private final ConflictsOfInterest conflicts;
  private final Directory directory;
  private final Actors actors;
  private final Clock clock;
  private final CaseService cases;

  public ComposeJuryForm(JuryComposition jury, CompositionCheck check, ConflictsOfInterest conflicts,
                         Directory directory, Actors actors, Clock clock, CaseService cases) {
    this.cases = cases;
    this.jury = jury;
    this.check = check;
    this.conflicts = conflicts;
    this.directory = directory;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    data.put("eligibleSolutions", jury.eligibleSolutions(key).stream().map(Solution::label)
            .collect(Collectors.joining("\n")))
        .put("jurorDirectory", directory.members(JURORS_GROUP).entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")))
        .put("members", jury.members(key).stream().map(m -> Map.<String, Object>of("juror", m.username(),
            "seatType", m.seatType().name(), "qualified", m.qualified())).toList());
    var composition = jury.composition(key);
    data.put("qualificationRequired", composition.map(JuryComposition.Composition::qualificationRequired).orElse(false))
        .put("scoringDeadline", composition.map(c -> c.scoringDeadline().atZoneSameInstant(clock.getZone())
            .toLocalDate()).orElse(LocalDate.now(clock).plusDays(DEFAULT_SCORING_DAYS)).toString());
    List<String> why = new ArrayList<>();
    if (!jury.members(key).isEmpty()) {
      check.latestFindings(key).forEach(f -> why.add((f.severity() == CompositionCheck.Severity.VIOLATION ? "Violation: "
          : "Warning: ") + f.reason()));
      if (!conflicts.declaredJurors(key).isEmpty()) {
        conflicts.belowQuorum(key).forEach((s, free) -> why.add("Below the quorum of " + conflicts.quorum()
            + " unconflicted jurors: " + s.label() + " (" + free + "). Add jurors; jurors who declared stay."));
      }
    }
    data.put("findings", why.isEmpty() ? null : String.join("\n", why));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    List<JuryComposition.Member> members = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (FormInput row : in.rows("members", "Juror", 1, MAX_JURORS)) {
      String juror = row.text("juror", "Juror (username)", 100);
      JuryComposition.SeatType seat = row.choice("seatType", "Seat", JuryComposition.SeatType.class);
      boolean qualified = row.checked("qualified");
      if (juror == null || seat == null) {
        continue;
      }
      if (!directory.isMember(juror, JURORS_GROUP)) {
        row.problem(juror + " is not a member of the jurors group");
      } else if (!seen.add(juror)) {
        row.problem(juror + " appears twice");
      } else {
        members.add(new JuryComposition.Member(juror, seat, qualified));
      }
    }
    for (String declared : conflicts.declaredJurors(key)) {
      if (!seen.contains(declared)) {
        in.problem("Jurors: " + declared + " has already declared conflicts of interest in this round and stays on "
            + "the jury (add jurors instead)");
      }
    }
    boolean qualificationRequired = in.checked("qualificationRequired");
    LocalDate deadline = in.date("scoringDeadline", "Scoring deadline", cases.earliestDate(key), cases.latestDate());
    if (deadline != null && !deadline.isAfter(LocalDate.now(clock))) {
      in.problem("Scoring deadline must be after today");
    }
    in.throwIfInvalid();
    jury.compose(key, new JuryComposition.Composition(members, qualificationRequired,
        deadline.atTime(LocalTime.MAX.withNano(0)).atZone(clock.getZone()).toOffsetDateTime()), actors.current(task));
  }
}
