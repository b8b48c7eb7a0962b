package org.openchallenge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What an analyst opening processes/ in Modeler, and a user opening each task in Tasklist, would trip on. */
class ModelConformanceTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");

  @Test
  void everyProcessIsExecutableNamedAfterItsFileAndDrawn() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      var processes = model.getModelElementsByType(Process.class);
      String name = file.getFileName().toString().replace(".bpmn", "");
      if (processes.size() != 1 || !processes.iterator().next().getId().equals(name)) {
        problems.add(file + ": must hold exactly one process, with id " + name);
      }
      for (Process p : processes) {
        if (!p.isExecutable()) {
          problems.add(file + ": process is not executable");
        }
        if (p.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": process has no historyTimeToLive");
        }
      }
      Set<String> shapes = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
      Set<String> edges = new HashSet<>();
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (!shapes.contains(node.getId())) {
          problems.add(file + ": " + node.getId() + " has no diagram shape");
        }
        if (!node.getId().matches("(StartEvent|EndEvent|Task|Gateway|Event|Timer|Msg|CallActivity|SubProcess)_[A-Z][A-Za-z]+")) {
          problems.add(file + ": element id " + node.getId() + " does not follow Type_BusinessName");
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (!edges.contains(flow.getId())) {
          problems.add(file + ": flow " + flow.getId() + " has no diagram edge");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyUserTaskAndStartFormHasAnExistingCamundaFormAndSomeoneToDoIt() throws IOException {
    Set<String> formIds = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path form : files(FORMS, ".form")) {
      formIds.add(json.readTree(form.toFile()).path("id").asText());
    }
    List<String> problems = new ArrayList<>();
    Set<String> referenced = new HashSet<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        check(file, task, task.getCamundaFormRef(), formIds, referenced, problems);
        if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null
            && task.getCamundaCandidateUsers() == null) {
          problems.add(file + ": user task " + task.getId() + " has neither candidate group nor assignee");
        }
      }
      // A process users start from Tasklist needs a start form; called phases are started by the case.
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.isCamundaStartableInTasklist()) {
          for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
            check(file, start, start.getCamundaFormRef(), formIds, referenced, problems);
          }
        }
      }
    }
    Set<String> unused = new HashSet<>(formIds);
    unused.removeAll(referenced);
    unused.forEach(f -> problems.add("forms/" + f + ".form is referenced by nothing"));
    assertThat(problems).isEmpty();
  }

  @Test
  void eventSubProcessesAndCalledProcessesAreWellFormed() throws IOException {
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
        assertThat(sub.getChildElementsByType(StartEvent.class)).as(file + ": " + sub.getId() + " start").hasSize(1);
      }
    }
  }

  private static void check(Path file, BaseElement element, String formRef, Set<String> formIds,
                            Set<String> referenced, List<String> problems) {
    if (formRef == null) {
      problems.add(file + ": " + element.getId() + " has no Camunda Form");
    } else if (!formIds.contains(formRef)) {
      problems.add(file + ": " + element.getId() + " refers to form " + formRef + ", which no file in forms/ has");
    } else {
      referenced.add(formRef);
    }
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> files = s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
      assertThat(files).as("files " + suffix + " in " + dir).isNotEmpty();
      return files;
    }
  }
}
