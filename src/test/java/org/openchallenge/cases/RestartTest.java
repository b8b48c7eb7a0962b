package org.openchallenge.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openchallenge.CaseDriver;
import org.openchallenge.OpenChallengeApplication;
import org.openchallenge.need.NeedService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps every case: the application is started on an H2 file database, a case is opened and
 * framed, the application is stopped and started again on the same file. The case, its data and its open task are
 * still there, and the unchanged models are not deployed a second time.
 */
class RestartTest {

  @TempDir
  Path dataDir;

  @Test
  void casesSurviveARestart() {
    String url = "jdbc:h2:file:" + dataDir.resolve("open-challenge") + ";DB_CLOSE_ON_EXIT=FALSE";
    String key;
    long deployments;
    try (ConfigurableApplicationContext app = start(url)) {
      CaseDriver cases = app.getBean(CaseDriver.class);
      key = cases.openNeed("Lit cycle paths").getBusinessKey();
      cases.submit(key, "Task_FrameChallenge", cases.framing(List.of("sam")));
      deployments = app.getBean(RepositoryService.class).createDeploymentQuery().count();
      assertThat(deployments).isPositive();
    }

    try (ConfigurableApplicationContext app = start(url)) {
      CaseDriver cases = app.getBean(CaseDriver.class);
      assertThat(app.getBean(CaseService.class).require(key).title()).isEqualTo("Lit cycle paths");
      assertThat(app.getBean(NeedService.class).challenge(key).orElseThrow().indicators()).hasSize(2);
      assertThat(cases.openTasks(key)).containsExactly("Task_GiveConsultationInput@sam");
      RepositoryService repository = app.getBean(RepositoryService.class);
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("procurementCase").count())
          .isEqualTo(1);

      // The restarted engine goes on with the case.
      cases.submit(key, "Task_GiveConsultationInput", "sam",
          CaseDriver.form("stance", "SUPPORT", "input", "Light the underpass too."));
      assertThat(cases.openTasks(key)).containsExactly("Task_ConsolidateConsultation");
    }
  }

  /** The application with its own configuration (application.yml), on the given H2 file, on a free port. */
  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(OpenChallengeApplication.class)
        .web(WebApplicationType.SERVLET)
        .run("--spring.profiles.active=restart",
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--camunda.bpm.process-engine-name=restartTest",
            "--camunda.bpm.job-execution.enabled=false",
            "--openchallenge.demo-data=true");
  }
}
