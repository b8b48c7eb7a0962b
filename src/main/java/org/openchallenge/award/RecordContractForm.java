package org.openchallenge.award;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_RecordContract: the official records the signed contract with the awarded provider. */
@Component("recordContractForm")
public class RecordContractForm extends TaskForm {

  private final AwardService award;
  private final Actors actors;

  public RecordContractForm(AwardService award, Actors actors) {
    this.award = award;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    Solution awarded = award.awardedSolution(task.getExecution().getProcessBusinessKey());
    data.put("awardedSolution", awarded.label()).put("supplier", awarded.organisationName()).put("currency", "EUR")
        .put("reportingMonths", 3);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    String supplier = in.text("supplier", "Supplier", 200);
    BigDecimal value = in.decimal("contractValue", "Contract value", new BigDecimal("0.01"),
        new BigDecimal("9999999999999"));
    String currency = in.text("currency", "Currency", 3);
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      in.problem("Currency must be a three-letter ISO 4217 code such as EUR");
    }
    LocalDate start = in.date("startDate", "Start date");
    LocalDate end = in.date("endDate", "End date");
    if (start != null && end != null && !end.isAfter(start)) {
      in.problem("End date must be after the start date");
    }
    Integer months = in.whole("reportingMonths", "Reporting period (months)", 1, 12);
    in.throwIfInvalid();
    award.recordContract(key, new AwardService.Contract(award.awardedSolution(key).id(), supplier, value, currency,
        start, end, months), actors.current(task));
  }
}
