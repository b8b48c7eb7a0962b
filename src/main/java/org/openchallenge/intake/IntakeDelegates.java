package org.openchallenge.intake;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openchallenge.cases.CaseVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of solutionIntake, each a one-line call into {@link IntakeService}. */
@Configuration
class IntakeDelegates {

  /** Task_OpenIntake. */
  @Bean
  JavaDelegate openIntake(IntakeService intake) {
    return execution -> intake.open(execution.getProcessBusinessKey());
  }

  /** Task_CloseIntake: from now on submissions are refused; screening of those received goes on. */
  @Bean
  JavaDelegate closeIntake(IntakeService intake) {
    return execution -> intake.close(execution.getProcessBusinessKey());
  }

  /** Task_TallyScreening: the flag for the case's Gateway_EligibleSolutionFound. */
  @Bean
  JavaDelegate tallyScreening(IntakeService intake) {
    return execution -> CaseVariables.ELIGIBLE_SOLUTION_FOUND.set(execution,
        intake.tally(execution.getProcessBusinessKey()));
  }
}
