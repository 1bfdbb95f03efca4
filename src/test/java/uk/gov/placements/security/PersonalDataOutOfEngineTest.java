package uk.gov.placements.security;



import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.placements.child.ChildFixtures;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.BadInputs;
import uk.gov.placements.referral.PlacementReferralProcess;

/**
 * A child's personal data (name, date of birth, postcode, free-text risks, health, views) never reaches any
 * of Camunda's tables — runtime variables, history (variables, details, form fields), comments, the user
 * operation log, byte arrays — whether the referral comes through the Tasklist's start form
 * ({@code FormService.submitStartForm}, as the Tasklist's {@code /submit-form} calls it) or the engine REST
 * API, and whatever the tasks after it are given as notes. Every table whose name starts with ACT_ is read
 * whole and searched.
 */
@IntegrationTest
class PersonalDataOutOfEngineTest {
    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired Journeys journeys;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired ChildFixtures children;

    /** Text no other test writes, so a find is this test's leak. */
    static Map<String, Object> personal(String tag, LocalDate dateOfBirth) {
        Map<String, Object> form = new HashMap<>();
        form.put("childFirstName", "Zephyrine" + tag);
        form.put("childLastName", "Quaddleworth" + tag);
        form.put("childDateOfBirth", dateOfBirth.toString());
        form.put("childPostcode", "NS9 9Z" + tag);
        form.put("risksToChild", "RiskToChild-" + tag);
        form.put("risksFromChild", "RiskFromChild-" + tag);
        form.put("health", "HealthNote-" + tag);
        form.put("education", "EducationNote-" + tag);
        form.put("childViews", "ChildViews-" + tag);
        form.put("culturalNeeds", "Culture-" + tag);
        return form;
    }

    @Test
    void shouldKeepAChildsPersonalDataOutOfEveryEngineTable() throws Exception {
        LocalDate bornA = LocalDate.now().minusYears(11).minusDays(37);
        LocalDate bornB = LocalDate.now().minusYears(12).minusDays(53);

        // through the Tasklist's path: FormService.submitStartForm, as a northshire social worker
        Map<String, Object> formA = BadInputs.validStartForm(53.80, -1.55);
        formA.putAll(personal("A", bornA));
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PlacementReferralProcess.KEY).latestVersion()
                .singleResult().getId();
        ProcessInstance a = journeys.as("sw1", "social-workers", "northshire", () -> formService.submitStartForm(definition, formA));

        // through the engine REST API's submit-form, as sw1 signed in
        Map<String, Object> formB = BadInputs.validStartForm(53.80, -1.55);
        formB.putAll(personal("B", bornB));
        Map<String, Object> variables = new HashMap<>();
        formB.forEach((k, v) -> variables.put(k, asTasklistSends(v)));
        ResponseEntity<String> started = call("sw1", HttpMethod.POST, "/engine-rest/process-definition/key/placementReferral/submit-form",
                Map.of("variables", variables));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);

        // free text in the place of a date the engine keeps (a kept field): refused, and kept nowhere
        Map<String, Object> formC = BadInputs.validStartForm(53.80, -1.55);
        formC.putAll(personal("C", bornB));
        formC.put("requiredBy", LocalDate.now().plusDays(10) + " KeptFieldLeak-C");
        Map<String, Object> variablesC = new HashMap<>();
        formC.forEach((k, v) -> variablesC.put(k, asTasklistSends(v)));
        ResponseEntity<String> refused = call("sw1", HttpMethod.POST, "/engine-rest/process-definition/key/placementReferral/submit-form",
                Map.of("variables", variablesC));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("requiredBy");

        // the referrals and children are the product's records
        assertThat(children.all()).anyMatch(c -> c.getFirstName().equals("ZephyrineA"))
                .anyMatch(c -> c.getFirstName().equals("ZephyrineB"));

        // free text given to the tasks after it stays out too: triage notes through the REST form submit
        Task triage = taskService.createTaskQuery().processInstanceId(a.getId()).taskDefinitionKey(PlacementReferralProcess.TASK_TRIAGE).singleResult();
        ResponseEntity<String> triaged = call("pt1", HttpMethod.POST, "/engine-rest/task/" + triage.getId() + "/submit-form",
                Map.of("variables", Map.of("triageOutcome", Map.of("value", "MORE_INFORMATION"),
                        "triageNotes", Map.of("value", "TriageNote-A about ZephyrineA"))));
        assertThat(triaged.getStatusCode().value()).as(triaged.getBody()).isEqualTo(204);
        Task more = taskService.createTaskQuery().processInstanceId(a.getId()).taskDefinitionKey(PlacementReferralProcess.TASK_PROVIDE_MORE_INFORMATION).singleResult();
        journeys.as("sw1", "social-workers", "northshire",
                () -> formService.submitTaskForm(more.getId(), Map.of("moreInformation", "MoreInfo-A: she sees her GP weekly")));

        List<String> found = new ArrayList<>();
        List<String> needles = List.of("ZephyrineA", "QuaddleworthA", "NS9 9ZA", "RiskToChild-A", "RiskFromChild-A", "HealthNote-A",
                "EducationNote-A", "ChildViews-A", "Culture-A", "TriageNote-A", "MoreInfo-A", "KeptFieldLeak-C", "ZephyrineC", "RiskToChild-C", bornA.toString(),
                "ZephyrineB", "QuaddleworthB", "NS9 9ZB", "RiskToChild-B", "HealthNote-B", "ChildViews-B", bornB.toString());
        List<String> tables = engineTables();
        assertThat(tables).contains("act_hi_detail", "act_hi_varinst", "act_ru_variable", "act_hi_comment", "act_hi_op_log",
                "act_ge_bytearray", "act_hi_taskinst");
        int rows = 0;
        for (String table : tables) {
            List<String> hits = new ArrayList<>();
            rows += scan(table, needles, hits);
            hits.forEach(h -> found.add(table + ": " + h));
        }
        assertThat(found).as("personal data found in the engine's tables (%d rows read)", rows).isEmpty();
        // nor do the variables' names appear: the start form's child fields are not kept under any value
        for (String name : List.of("childFirstName", "childLastName", "childDateOfBirth", "childPostcode", "risksToChild", "health",
                "childViews", "triageNotes", "moreInformation", "childLatitude", "childLongitude")) {
            assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where name_ = ?", Integer.class, name)).as(name).isZero();
            assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where name_ = ?", Integer.class, name)).as(name).isZero();
            assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where name_ = ?", Integer.class, name)).as(name).isZero();
        }
        // while the decisions are kept, with who took them
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where name_ = 'triageOutcome' and proc_inst_id_ = ?",
                Integer.class, a.getId())).isEqualTo(1);
    }

    /** As the Tasklist submits a Camunda Form: plain values as they are, a checklist as Json text. */
    Map<String, Object> asTasklistSends(Object value) {
        if (value instanceof List<?> list) {
            try {
                return Map.of("value", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(list), "type", "Json");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.of("value", value);
    }

    ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    List<String> engineTables() {
        return jdbc.execute((ConnectionCallback<List<String>>) c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (name.startsWith("act_")) {
                        names.add(name);
                    }
                }
            }
            return names;
        });
    }

    /** Reads every row of the table and reports each needle found in any text or byte column. */
    int scan(String table, List<String> needles, List<String> hits) {
        int[] rows = {0};
        jdbc.query("select * from " + table, rs -> {
            rows[0]++;
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value instanceof java.sql.Blob blob) {
                    value = blob.getBytes(1, (int) blob.length());
                } else if (value instanceof java.sql.Clob clob) {
                    value = clob.getSubString(1, (int) clob.length());
                }
                String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value == null ? null : value.toString();
                if (text == null) {
                    continue;
                }
                for (String needle : needles) {
                    if (text.contains(needle)) {
                        hits.add(rs.getMetaData().getColumnName(i) + " holds " + needle);
                    }
                }
            }
        });
        return rows[0];
    }
}
