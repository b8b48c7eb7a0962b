package org.openchallenge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openchallenge.ProcessTest;
import org.openchallenge.security.RoleSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Through real HTTP: a model deployed by anyone but an administrator may run only the application's own code. */
@ProcessTest
class DeploymentPolicyTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired DeploymentPolicy policy;

  @Test
  void theShippedModelsPassThePolicy() throws IOException {
    List<Resource> models = ModelDeploymentPlugin.modelResources();
    assertThat(models).hasSizeGreaterThan(8);
    List<DeploymentPolicy.Finding> findings = new ArrayList<>();
    for (Resource model : models) {
      try (InputStream in = model.getInputStream()) {
        findings.addAll(policy.findings(ModelDeploymentPlugin.resourceName(model), in.readAllBytes()));
      }
    }
    assertThat(findings).isEmpty();
  }

  /**
   * The reported expression, and a variant that the engine evaluates while deploying (a timer start's cycle), which
   * made ana an administrator before this policy.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("exploits")
  @SuppressWarnings("rawtypes")
  void anAnalystCannotMakeHerselfAdministratorThroughATimer(String timer, String expected) {
    String exploit = process("Process_Exploit", """
        <startEvent id="StartEvent_Exploit">
          <timerEventDefinition>%s</timerEventDefinition>
        </startEvent>""".formatted(timer));
    long deployments = repository.createDeploymentQuery().count();

    ResponseEntity<Map> refused = deploy("ana", "exploit", Map.of("exploit.bpmn", exploit));

    assertThat(identity.createUserQuery().userId("ana").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).containsEntry("type", "ParseException");
    assertThat(refused.getBody().get("message").toString()).contains("exploit.bpmn StartEvent_Exploit")
        .contains(expected).doesNotContain("\tat ");
    assertThat(refused.getBody().get("details").toString()).contains("StartEvent_Exploit");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Process_Exploit").count()).isZero();
  }

  static Stream<Arguments> exploits() {
    return Stream.of(
        Arguments.of("<timeDate xsi:type=\"tFormalExpression\">${execution.getProcessEngineServices()"
            + ".getIdentityService().createMembership('ana','camunda-admin')}</timeDate>",
            "calls the method `getProcessEngineServices` on `execution`"),
        Arguments.of("<timeCycle xsi:type=\"tFormalExpression\">${identityService.createMembership('ana',"
            + "'camunda-admin') == null ? 'R/PT1H' : 'R/PT1H'}</timeCycle>",
            "`identityService` is an application bean"));
  }

  /** The webapps' engine API (Cockpit's session, with its CSRF token) reaches the same check. */
  @Test
  @SuppressWarnings("rawtypes")
  void theWebappsRefuseTheSameModel() {
    HttpHeaders session = webappSession();
    session.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> login = new LinkedMultiValueMap<>();
    login.add("username", "ana");
    login.add("password", RoleSetup.DEMO_PASSWORD);
    ResponseEntity<String> loggedIn = http.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit",
        new HttpEntity<>(login, session), String.class);
    assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
    adoptCookies(session, loggedIn.getHeaders().get(HttpHeaders.SET_COOKIE));
    // The login renews the session, which hands out a new CSRF token with the next page.
    adoptCookies(session, http.exchange("/camunda/app/cockpit/default/", HttpMethod.GET, new HttpEntity<>(session),
        String.class).getHeaders().get(HttpHeaders.SET_COOKIE));
    long deployments = repository.createDeploymentQuery().count();

    session.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Map> refused = http.postForEntity("/camunda/api/engine/engine/default/deployment/create",
        new HttpEntity<>(parts("webapp-exploit", Map.of("webapp.bpmn", process("Process_WebappExploit",
            "<startEvent id=\"StartEvent_Exploit\"/><userTask id=\"Task_Bad\" "
                + "camunda:assignee=\"${identityService.createMembership('ana','camunda-admin')}\"/>"))), session),
        Map.class);

    assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("webapp.bpmn Task_Bad")
        .contains("`identityService` is an application bean");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  static Stream<Arguments> refusedModels() {
    return Stream.of(
        bpmn("a script task", "<scriptTask id=\"Task_Bad\" scriptFormat=\"javascript\"><script>1</script>"
            + "</scriptTask>", "a script runs code"),
        bpmn("a script in an execution listener", "<task id=\"Task_Bad\"><extensionElements><camunda:executionListener"
            + " event=\"start\"><camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:executionListener>"
            + "</extensionElements></task>", "a script runs code"),
        bpmn("a script in an input mapping", "<task id=\"Task_Bad\"><extensionElements><camunda:inputOutput>"
            + "<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\">1</camunda:script>"
            + "</camunda:inputParameter></camunda:inputOutput></extensionElements></task>", "a script runs code"),
        bpmn("a script condition", "<startEvent id=\"Start\"/><endEvent id=\"End\"/><sequenceFlow id=\"Flow_Bad\" "
            + "sourceRef=\"Start\" targetRef=\"End\"><conditionExpression xsi:type=\"tFormalExpression\" "
            + "language=\"javascript\">true</conditionExpression></sequenceFlow>", "`language` `javascript`"),
        bpmn("an external script", "<serviceTask id=\"Task_Bad\" camunda:resource=\"deployment://x.js\" "
            + "camunda:delegateExpression=\"${registerNeed}\"/>", "`resource` `deployment://x.js`"),
        bpmn("a Java class", "<serviceTask id=\"Task_Bad\" camunda:class=\"java.lang.Runtime\"/>",
            "runs the Java class `java.lang.Runtime`"),
        bpmn("a listener class", "<task id=\"Task_Bad\"><extensionElements><camunda:executionListener event=\"start\""
            + " class=\"org.example.Evil\"/></extensionElements></task>", "runs the Java class"),
        bpmn("a variable mapping class", "<callActivity id=\"Task_Bad\" calledElement=\"x\" "
            + "camunda:variableMappingClass=\"org.example.Evil\"/>", "runs the Java class"),
        bpmn("a service task expression", "<serviceTask id=\"Task_Bad\" camunda:expression=\"${caseSchedule"
            + ".researchWindow(execution)}\"/>", "`expression`"),
        bpmn("a task listener expression", "<userTask id=\"Task_Bad\" camunda:candidateGroups=\"officials\">"
            + "<extensionElements><camunda:taskListener event=\"create\" expression=\"${task.setAssignee('ana')}\"/>"
            + "</extensionElements></userTask>", "`expression`"),
        bpmn("a connector", "<serviceTask id=\"Task_Bad\"><extensionElements><camunda:connector>"
            + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></extensionElements>"
            + "</serviceTask>", "a connector"),
        bpmn("field injection", "<serviceTask id=\"Task_Bad\" camunda:delegateExpression=\"${registerNeed}\">"
            + "<extensionElements><camunda:field name=\"db\"><camunda:string>x</camunda:string></camunda:field>"
            + "</extensionElements></serviceTask>", "field injection"),
        bpmn("a delegate that is not a delegate bean", "<serviceTask id=\"Task_Bad\" "
            + "camunda:delegateExpression=\"${identityService}\"/>", "one of the application's delegate beans"),
        bpmn("a delegate expression that calls", "<serviceTask id=\"Task_Bad\" "
            + "camunda:delegateExpression=\"${registerNeed.execute(execution)}\"/>", "must be ${bean}"),
        bpmn("an engine service in a condition", condition("${identityService.createMembership('ana', "
            + "'camunda-admin')}"), "`identityService` is an application bean"),
        bpmn("the task object in an assignee", "<userTask id=\"Task_Bad\" camunda:assignee=\"${task.execution"
            + ".processInstance.id}\"/>", "`task` is the engine's own object"),
        bpmn("a property of execution", condition("${execution.processEngineServices != null}"),
            "reads `execution.processEngineServices`"),
        bpmn("execution as a value", "<userTask id=\"Task_Bad\" camunda:assignee=\"${execution}\"/>",
            "`execution` may only be passed"),
        bpmn("a method on a read-only bean's result", condition("${caseSchedule.researchWindow(execution)"
            + ".isEmpty()}"), "calls the method `isEmpty` on a value"),
        bpmn("a method of a read-only bean that does not exist", condition("${caseFacts.getClass() != null}"),
            "`caseFacts` has no method `getClass`"),
        bpmn("a method on a process variable", condition("${decision.getClass().forName('java.lang.Runtime')}"),
            "calls the method `getClass` on a value"),
        bpmn("the class property", condition("${decision.class.classLoader != null}"),
            "the property `class` reaches the Java runtime"),
        bpmn("a computed property", condition("${decision[key] == 'x'}"), "a property named by a computed value"),
        bpmn("an unknown function", condition("${fn:exec('x')}"), "the function `fn:exec` is not allowed"),
        bpmn("an expression in a collection", "<userTask id=\"Task_Bad\" camunda:assignee=\"${x}\">"
            + "<multiInstanceLoopCharacteristics camunda:collection=\"${runtimeService.createProcessInstanceQuery()"
            + ".list()}\" camunda:elementVariable=\"x\"/></userTask>", "`runtimeService` is an application bean"),
        bpmn("an expression in a user task's documentation", "<userTask id=\"Task_Bad\"><documentation>"
            + "${execution.getProcessEngine().getName()}</documentation></userTask>", "on `execution`"),
        Arguments.of("a CMMN case", "case.cmmn", "<definitions/>", null, "only BPMN (.bpmn), DMN (.dmn)"),
        Arguments.of("a script file", "evil.groovy", "println 1", null, "only BPMN (.bpmn), DMN (.dmn)"),
        Arguments.of("a JUEL decision table", "decision.dmn", dmn("", "expressionLanguage=\"juel\""),
            "Input_Bad_Expression",
            "expression language `juel`"),
        Arguments.of("a JavaScript decision", "decision.dmn", dmn("expressionLanguage=\"javascript\"", ""),
            "Definitions_Bad", "expression language `javascript`"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedModels")
  @SuppressWarnings("rawtypes")
  void anAnalystCannotDeployCode(String construct, String resource, String content, String elementId,
                                 String reason) {
    long deployments = repository.createDeploymentQuery().count();

    ResponseEntity<Map> refused = deploy("ana", "refused", Map.of(resource, content));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String message = refused.getBody().get("message").toString();
    assertThat(message).contains(resource + (elementId == null ? ":" : " " + elementId + ":")).contains(reason);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void oneRefusedResourceRefusesTheWholeDeploymentWithEveryReason() {
    long deployments = repository.createDeploymentQuery().count();
    ResponseEntity<Map> refused = deploy("ana", "mixed", Map.of(
        "fine.bpmn", process("Process_Fine", "<startEvent id=\"StartEvent_Fine\"/>"),
        "bad.bpmn", process("Process_Bad", "<scriptTask id=\"Task_Script\"/><serviceTask id=\"Task_Class\" "
            + "camunda:class=\"org.example.Evil\"/>")));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("bad.bpmn Task_Script")
        .contains("bad.bpmn Task_Class").doesNotContain("fine.bpmn");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Process_Fine").count()).isZero();
  }

  @Test
  @SuppressWarnings("rawtypes")
  void aHarmlessChangeToAShippedModelStillDeploysForAnAnalyst() throws IOException {
    String shipped;
    try (InputStream in = getClass().getResourceAsStream("/processes/needOpening.bpmn")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed = shipped.replace("id=\"needOpening\"", "id=\"needOpeningRevised\"")
        .replace("name=\"Consolidate consultation\"", "name=\"Consolidate the consultation\"")
        .replace("${publicationDecision == 'PUBLISH'}", "${publicationDecision == 'PUBLISH' and not empty framed}");
    assertThat(changed).contains("needOpeningRevised", "Consolidate the consultation", "not empty framed");

    ResponseEntity<Map> deployed = deploy("ana", "revised", Map.of("needOpeningRevised.bpmn", changed));

    assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
    repository.deleteDeployment(deployed.getBody().get("id").toString(), true);
  }

  /** Administrators may already do anything through the engine, so the policy does not bind them. */
  @Test
  @SuppressWarnings("rawtypes")
  void administratorsMayDeployExpressionsAndClasses() {
    String model = process("Process_AdminOnly", "<startEvent id=\"StartEvent_Admin\"/>"
        + "<serviceTask id=\"Task_Expression\" camunda:expression=\"${identityService.createUserQuery().count()}\"/>"
        + "<serviceTask id=\"Task_Class\" camunda:class=\"org.example.AdminsOwnDelegate\"/>");
    ResponseEntity<Map> refused = deploy("ana", "admin-only", Map.of("adminOnly.bpmn", model));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("Task_Expression", "Task_Class");

    ResponseEntity<Map> deployed = deploy("admin", "admin-only", Map.of("adminOnly.bpmn", model));

    assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
    repository.deleteDeployment(deployed.getBody().get("id").toString(), true);
  }

  // ------------------------------------------------------------------ helpers

  private static Arguments bpmn(String construct, String elements, String reason) {
    String elementId = elements.contains("id=\"Flow_Bad\"") ? "Flow_Bad" : "Task_Bad";
    return Arguments.of(construct, "model.bpmn", process("Process_Refused", elements), elementId, reason);
  }

  private static String condition(String expression) {
    return "<startEvent id=\"Start\"/><endEvent id=\"End\"/><sequenceFlow id=\"Task_Bad\" sourceRef=\"Start\" "
        + "targetRef=\"End\"><conditionExpression xsi:type=\"tFormalExpression\">" + expression
        + "</conditionExpression></sequenceFlow>";
  }

  private static String process(String processId, String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="http://openchallenge.org/test">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
            %s
          </process>
        </definitions>
        """.formatted(processId, elements);
  }

  private static String dmn(String definitionsAttributes, String inputExpressionAttributes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Bad" name="Bad"
            namespace="http://openchallenge.org/test" %s>
          <decision id="Decision_Bad" name="Bad">
            <decisionTable id="Table_Bad">
              <input id="Input_Bad" label="x">
                <inputExpression id="Input_Bad_Expression" typeRef="string" %s><text>x</text></inputExpression>
              </input>
              <output id="Output_Bad" name="y" typeRef="string"/>
              <rule id="Rule_Bad"><inputEntry id="Entry_Bad"><text>-</text></inputEntry>
                <outputEntry id="Result_Bad"><text>"y"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(definitionsAttributes, inputExpressionAttributes);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> deploy(String user, String name, Map<String, String> resources) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts(name, resources), headers), Map.class);
  }

  private static MultiValueMap<String, Object> parts(String name, Map<String, String> resources) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    resources.forEach((file, content) -> parts.add(file, new ByteArrayResource(content.getBytes(
        StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return file;
      }
    }));
    return parts;
  }

  /** A fresh webapp session: its cookies, and the CSRF token the webapps hand out with them. */
  private HttpHeaders webappSession() {
    HttpHeaders headers = new HttpHeaders();
    adoptCookies(headers, http.getForEntity("/camunda/app/cockpit/default/", String.class).getHeaders()
        .get(HttpHeaders.SET_COOKIE));
    return headers;
  }

  /** Takes over the cookies a response sets (the login renews the session), and the CSRF token among them. */
  private static void adoptCookies(HttpHeaders headers, List<String> setCookies) {
    if (setCookies == null) {
      return;
    }
    for (String cookie : setCookies) {
      String pair = cookie.split(";", 2)[0];
      String name = pair.split("=", 2)[0];
      List<String> kept = new ArrayList<>(headers.getOrEmpty(HttpHeaders.COOKIE).stream()
          .filter(c -> !c.startsWith(name + "=")).toList());
      kept.add(pair);
      headers.put(HttpHeaders.COOKIE, kept);
      if (name.equals("XSRF-TOKEN")) {
        headers.set("X-XSRF-TOKEN", pair.substring("XSRF-TOKEN=".length()));
      }
    }
  }
}
