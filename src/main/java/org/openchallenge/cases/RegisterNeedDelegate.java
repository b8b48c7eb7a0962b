package org.openchallenge.cases;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.Codes;
import org.openchallenge.platform.FormInput;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterNeed: validates the start form, stores the need as a new case and gives the process instance the
 * case's business key. The form's values then leave the process: the case table holds them.
 */
@Component("registerNeed")
public class RegisterNeedDelegate implements JavaDelegate {

  static final String[] START_FORM_FIELDS =
      {"title", "problem", "publicValue", "department", "budgetEnvelope", "currency", "involvesAi"};

  private final CaseService cases;
  private final Actors actors;

  public RegisterNeedDelegate(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormInput in = FormInput.of(execution::getVariable);
    CaseRepository.NeedDraft need = new CaseRepository.NeedDraft(
        in.text("title", "Title", 200),
        in.text("problem", "Problem as citizens experience it", 4000),
        in.text("publicValue", "Intended public value and outcomes", 4000),
        in.text("department", "Department", 200),
        in.decimal("budgetEnvelope", "Budget envelope", BigDecimal.ZERO, new BigDecimal("9999999999999")),
        currency(in),
        in.checked("involvesAi"));
    in.throwIfInvalid();

    String initiator = CaseVariables.CASE_INITIATOR.get(execution);
    ProcurementCase opened = cases.open(need, initiator != null ? initiator : actors.current());
    execution.setProcessBusinessKey(opened.businessKey());
    execution.removeVariables(java.util.List.of(START_FORM_FIELDS));
    CaseVariables.RESEARCH_REPEATED.set(execution, false);
  }

  private static String currency(FormInput in) {
    String currency = in.optionalText("currency", "Currency", 3);
    if (currency == null) {
      return "EUR";
    }
    if (!Codes.isCurrency(currency)) {
      in.problem("Currency must be an ISO 4217 currency code such as EUR");
    }
    return currency;
  }
}
