package org.openchallenge.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.cases.CaseService;
import org.openchallenge.intake.Solution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every OCDS package the application serves, for every path of the lifecycle, validates against the OCDS 1.1.5
 * schemas (a local copy: the canonical URL is mapped to the classpath), and none carries a private field.
 */
@ProcessTest
class OcdsTest {

  static final String CANONICAL = "https://standard.open-contracting.org/schema/1__1__5/";
  static JsonSchema releasePackageSchema;
  static JsonSchema recordPackageSchema;
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;
  @Autowired CaseService cases;

  @BeforeAll
  static void loadSchemas() {
    JsonMetaSchema ocdsMeta = JsonMetaSchema.builder(JsonMetaSchema.getV4())
        .keywords(Stream.of("codelist", "openCodelist", "omitWhenMerged", "wholeListMerge", "deprecated")
            .map(AnnotationKeyword::new).map(k -> (com.networknt.schema.Keyword) k).toList())
        .build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
        .metaSchema(ocdsMeta)
        .schemaMappers(mappers -> mappers.mapPrefix(CANONICAL, "classpath:ocds/1.1.5/")));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    releasePackageSchema = factory.getSchema(SchemaLocation.of(CANONICAL + "release-package-schema.json"), config);
    recordPackageSchema = factory.getSchema(SchemaLocation.of(CANONICAL + "record-package-schema.json"), config);
  }

  /** The case's release and record packages, validated; the release tags in order. */
  List<String> publishedTags(String key) throws Exception {
    String releases = get("/api/public/ocds/releases/" + key);
    String records = get("/api/public/ocds/records/" + key);
    assertValid(releasePackageSchema, releases);
    assertValid(recordPackageSchema, records);
    for (String output : List.of(releases, records)) {
      assertThat(output).doesNotContain("Unit price", "brother-in-law", "Include the school routes",
          "\"sam\"", "budget line is not cleared");
    }
    JsonNode record = JSON.readTree(records).get("records").get(0);
    assertThat(record.get("ocid").asText()).isEqualTo("ocds-0pench-" + key);
    assertThat(record.get("compiledRelease").get("tag").get(0).asText()).isEqualTo("compiled");
    return JSON.readTree(releases).get("releases").findValues("tag").stream().map(t -> t.get(0).asText()).toList();
  }

  String get(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  static void assertValid(JsonSchema schema, String json) throws Exception {
    Set<ValidationMessage> errors = schema.validate(JSON.readTree(json));
    assertThat(errors).as(json).isEmpty();
  }

  @Test
  void aCaseFromPublicationToClosure() throws Exception {
    String key = driver.publishedChallenge("OCDS closed case");
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideAward(key, eligible.get(0).id());
    driver.confirmAndContract(key, List.of(java.util.Map.of("milestoneName", "First crossing rebuilt",
        "dueDate", "2027-06-30")));
    driver.monitorToClosure(key);

    assertThat(publishedTags(key)).containsExactly("planning", "planningUpdate", "tender", "tenderUpdate",
        "tenderUpdate", "award", "contract", "implementation", "contractTermination");
    JsonNode compiled = JSON.readTree(get("/api/public/ocds/records/" + key)).get("records").get(0)
        .get("compiledRelease");
    assertThat(compiled.get("bids").get("details")).hasSize(2);
    // The jury's criteria, fixed with the challenge, are in the tender from the planning release on.
    assertThat(compiled.get("tender").get("awardCriteria").asText()).isEqualTo("ratedCriteria");
    assertThat(compiled.get("tender").get("awardCriteriaDetails").asText()).isEqualTo("Jurors score each eligible "
        + "solution from 0 to 10 on: Impact on the outcome indicators (50%); Feasibility and maturity (30%); Value for "
        + "money (20%). The jury's consensus follows the weighted mean of the scores.");
    assertThat(compiled.get("contracts").get(0).get("status").asText()).isEqualTo("terminated");
    assertThat(compiled.get("contracts").get(0).get("milestones").get(0).toString()).contains(
        "\"title\":\"First crossing rebuilt\"", "\"type\":\"delivery\"", "\"dueDate\":\"2027-06-30T23:59:59Z\"",
        "\"status\":\"scheduled\"");
    assertThat(compiled.get("awards").get(0).get("suppliers").get(0).get("name").asText())
        .isEqualTo(eligible.get(0).organisationName());
  }

  @Test
  void aJuryThatDoesNotAward() throws Exception {
    String key = driver.publishedChallenge("OCDS no award");
    driver.caseAwaitingJuryDecision(key);
    driver.decideNoAward(key, "No solution is mature enough.");
    assertThat(publishedTags(key)).containsExactly("planning", "planningUpdate", "tender", "tenderUpdate",
        "tenderUpdate", "tenderUpdate");
  }

  @Test
  void aChallengeCancelledForLackOfEligibleSolutions() throws Exception {
    String key = driver.publishedChallenge("OCDS cancelled challenge");
    driver.recordFinding(key, "FINISH", null);
    driver.submit(key, "Task_WriteResearchBrief", CaseDriver.form("landscape", "Nothing found."));
    Solution s = driver.submitSolution(key, "paula", "Unrelated gadget");
    driver.screen(key, s.id(), false);
    driver.fireTimer(key, "Event_IntakeDeadlinePassed");
    driver.recordFinding(key, "FINISH", null);
    driver.submit(key, "Task_WriteResearchBrief", CaseDriver.form("landscape", "Still nothing."));
    driver.fireTimer(key, "Event_IntakeDeadlinePassed");
    driver.submit(key, "Task_ExplainChallengeCancellation", CaseDriver.form("reason", "No provider met the outcomes."));
    assertThat(publishedTags(key)).containsExactly("planning", "planningUpdate", "tender", "tenderUpdate",
        "planningUpdate", "tender", "tenderCancellation");
  }

  @Test
  void aCaseCancelledDuringIntakeAndOneNeverPublished() throws Exception {
    String key = driver.publishedChallenge("OCDS cancelled in intake");
    driver.researchWithFinding(key);
    cases.cancel(key, "The council moved the budget.", "olivia");
    assertThat(publishedTags(key)).containsExactly("planning", "planningUpdate", "tender", "tenderCancellation");

    String unpublished = driver.openNeed("OCDS unpublished").getBusinessKey();
    assertThat(http.getForEntity("/api/public/ocds/releases/" + unpublished, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    String bulk = get("/api/public/ocds/releases?size=1000");
    assertValid(releasePackageSchema, bulk);
    assertThat(bulk).contains("ocds-0pench-" + key).doesNotContain("ocds-0pench-" + unpublished, "Unit price");
  }

  @Test
  void theValidatorRejectsAnInvalidPackage() throws Exception {
    Map<String, Object> broken = Map.of("uri", "x", "version", "1.1", "publishedDate", "yesterday",
        "publisher", Map.of("name", "x"), "releases", List.of(Map.of("ocid", "x", "tag", List.of("nonsense"))));
    assertThat(releasePackageSchema.validate(JSON.valueToTree(broken))).isNotEmpty();
  }
}
