package uk.gov.placements.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;

/**
 * The engine REST API as someone would use it to steer a process around the product's rules: every write
 * the engine offers (Camunda's REST reference, endpoint by endpoint) and each technique seen on the running
 * application, tried by every non-administrator group of both councils, the consortium commissioner and a
 * provider's staff. Each must be refused (4xx, never 5xx) and leave every engine and product table as it
 * was. A task the caller cannot see is answered exactly as a task that does not exist.
 */
@IntegrationTest
class EngineAbuseTest {
    static final List<String> USERS = List.of("sw1", "pt1", "tm1", "hos1", "ad1", "dcs1", "iro1", "co1", "cm1", "sw2", "pt2", "tm2",
            "cm2", "prov1", "cc1");
    /** The tables a technique could change: the engine's runtime and history, and the product's records. */
    static final List<String> WATCHED = List.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_EXECUTION", "ACT_RU_IDENTITYLINK",
            "ACT_RU_JOB", "ACT_RU_AUTHORIZATION", "ACT_RU_FILTER", "ACT_RE_PROCDEF", "ACT_RE_DEPLOYMENT", "ACT_HI_DETAIL",
            "ACT_HI_VARINST", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_HI_PROCINST", "ACT_ID_USER", "ACT_ID_MEMBERSHIP",
            "REFERRAL", "PLACEMENT", "CHILD", "DECISION_RECORD", "PROVIDER", "CARE_SERVICE");

    @Autowired TestRestTemplate http;
    @Autowired Journeys journeys;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    final ObjectMapper json = new ObjectMapper();

    record Technique(String name, HttpMethod method, String path, Object body) {
    }

    @Test
    void shouldRefuseEveryWayAroundTheRulesAndChangeNothing() throws Exception {
        Journeys.Council northshire = new Journeys.Council("northshire", 53.80, -1.55);
        Referral r = journeys.refer(journeys.child(northshire, 13), "URGENT", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        String pi = r.getProcessInstanceId();
        Task triage = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(PlacementReferralProcess.TASK_TRIAGE).singleResult();
        String task = triage.getId();
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PlacementReferralProcess.KEY).latestVersion()
                .singleResult().getId();
        Job anyJob = managementService.createJobQuery().processInstanceId(pi).list().stream().findFirst().orElse(null);
        String job = anyJob == null ? "no-such-job" : anyJob.getId();

        Map<String, Object> objectVariable = Map.of("value", "{}", "type", "Object",
                "valueInfo", Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json"));
        Map<String, Object> steer = Map.of("referralId", Map.of("value", r.getId(), "type", "Long"),
                "approverGroup", Map.of("value", "provider-5", "type", "String"));
        List<Technique> techniques = List.of(
                new Technique("start with start instructions", HttpMethod.POST, "/engine-rest/process-definition/key/placementReferral/start",
                        Map.of("variables", steer, "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", PlacementReferralProcess.TASK_APPROVE_PLACEMENT)))),
                new Technique("start naming a business key", HttpMethod.POST, "/engine-rest/process-definition/key/placementReferral/start",
                        Map.of("businessKey", r.getReference(), "variables", Map.of())),
                new Technique("start skipping listeners", HttpMethod.POST, "/engine-rest/process-definition/" + definition + "/start",
                        Map.of("skipCustomListeners", true, "skipIoMappings", true)),
                new Technique("start with variables outside the form", HttpMethod.POST,
                        "/engine-rest/process-definition/key/placementReferral/submit-form", Map.of("variables", steer)),
                new Technique("start naming another council", HttpMethod.POST,
                        "/engine-rest/process-definition/key/placementReferral/submit-form",
                        Map.of("variables", Map.of(PlacementReferralProcess.COUNCIL, Map.of("value", "eastmoor")))),
                new Technique("start in another council's tenant", HttpMethod.POST,
                        "/engine-rest/process-definition/key/placementReferral/tenant-id/eastmoor/submit-form", Map.of("variables", Map.of())),
                new Technique("start with an Object variable", HttpMethod.POST,
                        "/engine-rest/process-definition/key/placementReferral/submit-form",
                        Map.of("variables", Map.of("childFirstName", objectVariable))),
                new Technique("modify a process instance", HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/modification",
                        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", PlacementReferralProcess.TASK_APPROVE_PLACEMENT)))),
                new Technique("modify instances in a batch", HttpMethod.POST, "/engine-rest/modification/execute",
                        Map.of("processDefinitionId", definition, "processInstanceIds", List.of(pi),
                                "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", PlacementReferralProcess.TASK_APPROVE_PLACEMENT)))),
                new Technique("migrate instances", HttpMethod.POST, "/engine-rest/migration/execute",
                        Map.of("migrationPlan", Map.of("sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition,
                                "instructions", List.of()), "processInstanceIds", List.of(pi))),
                new Technique("write an instance's variables", HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/variables",
                        Map.of("modifications", steer)),
                new Technique("put an instance variable", HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/variables/approverGroup",
                        Map.of("value", "provider-5", "type", "String")),
                new Technique("delete an instance", HttpMethod.DELETE, "/engine-rest/process-instance/" + pi, null),
                new Technique("suspend an instance", HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/suspended",
                        Map.of("suspended", true)),
                new Technique("delete instances in a batch", HttpMethod.POST, "/engine-rest/process-instance/delete",
                        Map.of("processInstanceIds", List.of(pi))),
                new Technique("write a task variable", HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/referralId",
                        Map.of("value", 1, "type", "Long")),
                new Technique("write task variables", HttpMethod.POST, "/engine-rest/task/" + task + "/variables", Map.of("modifications", steer)),
                new Technique("write a task-local variable", HttpMethod.PUT, "/engine-rest/task/" + task + "/localVariables/approverGroup",
                        Map.of("value", "provider-5", "type", "String")),
                new Technique("delete a task variable", HttpMethod.DELETE, "/engine-rest/task/" + task + "/variables/referralId", null),
                new Technique("add a candidate group", HttpMethod.POST, "/engine-rest/task/" + task + "/identity-links",
                        Map.of("groupId", "provider-5", "type", "candidate")),
                new Technique("remove a candidate group", HttpMethod.POST, "/engine-rest/task/" + task + "/identity-links/delete",
                        Map.of("groupId", "placements-team", "type", "candidate")),
                new Technique("assign to someone else", HttpMethod.POST, "/engine-rest/task/" + task + "/assignee", Map.of("userId", "prov1")),
                new Technique("claim for someone else", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "prov1")),
                new Technique("delegate", HttpMethod.POST, "/engine-rest/task/" + task + "/delegate", Map.of("userId", "prov1")),
                new Technique("update a task", HttpMethod.PUT, "/engine-rest/task/" + task, Map.of("name", "Approve placement", "priority", 1)),
                new Technique("complete with a variable outside the form", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                        Map.of("variables", Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, Map.of("value", "ACCEPT"), PlacementReferralProcess.APPROVER_GROUP, Map.of("value", "provider-5")))),
                new Technique("complete with an Object variable", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                        Map.of("variables", Map.of(PlacementReferralProcess.TRIAGE_NOTES, objectVariable))),
                new Technique("submit the form with a variable outside it", HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form",
                        Map.of("variables", Map.of(PlacementReferralProcess.REFERRAL_ID, Map.of("value", 1, "type", "Long")))),
                new Technique("complete with an untyped object value", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                        Map.of("variables", Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, Map.of("value", Map.of("class", "java.io.File"))))),
                new Technique("complete with an empty type", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                        Map.of("variables", Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, Map.of("value", "ACCEPT", "type", "")))),
                new Technique("complete with a bare null variable", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                        Map.of("variables", java.util.Collections.singletonMap(PlacementReferralProcess.TRIAGE_OUTCOME, null))),
                new Technique("give back a task nobody holds", HttpMethod.POST, "/engine-rest/task/" + task + "/unclaim", null),
                new Technique("read an execution's variables", HttpMethod.GET, "/engine-rest/execution/" + pi + "/localVariables", null),
                new Technique("rename another user through one's own profile", HttpMethod.PUT, "/engine-rest/user/sw1/profile",
                        Map.of("id", "admin", "firstName", "Mallory")),
                new Technique("comment on a task", HttpMethod.POST, "/engine-rest/task/" + task + "/comment/create", Map.of("message", "Tess Ting")),
                new Technique("create a task", HttpMethod.POST, "/engine-rest/task/create", Map.of("id", "made-up", "name", "Approve")),
                new Technique("delete a task", HttpMethod.DELETE, "/engine-rest/task/" + task, null),
                new Technique("correlate a message", HttpMethod.POST, "/engine-rest/message",
                        Map.of("messageName", IroReviewProcess.MESSAGE_CHILD_LEFT_CARE, "businessKey", r.getReference())),
                new Technique("throw a signal", HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything")),
                new Technique("evaluate a condition", HttpMethod.POST, "/engine-rest/condition", Map.of("variables", Map.of())),
                new Technique("execute a job", HttpMethod.POST, "/engine-rest/job/" + job + "/execute", null),
                new Technique("set a job's retries", HttpMethod.PUT, "/engine-rest/job/" + job + "/retries", Map.of("retries", 0)),
                new Technique("move a job's due date", HttpMethod.PUT, "/engine-rest/job/" + job + "/duedate", Map.of("duedate", "2000-01-01T00:00:00.000+0000")),
                new Technique("read jobs", HttpMethod.GET, "/engine-rest/job", null),
                new Technique("suspend a definition", HttpMethod.PUT, "/engine-rest/process-definition/" + definition + "/suspended",
                        Map.of("suspended", true, "includeProcessInstances", true)),
                new Technique("delete a definition", HttpMethod.DELETE, "/engine-rest/process-definition/" + definition, null),
                new Technique("set a definition's history time to live", HttpMethod.PUT,
                        "/engine-rest/process-definition/" + definition + "/history-time-to-live", Map.of("historyTimeToLive", 0)),
                new Technique("restart instances", HttpMethod.POST, "/engine-rest/process-definition/" + definition + "/restart",
                        Map.of("processInstanceIds", List.of(pi), "instructions", List.of(Map.of("type", "startAfterActivity",
                                "activityId", PlacementReferralProcess.TASK_APPROVE_PLACEMENT)))),
                new Technique("deploy", HttpMethod.POST, "/engine-rest/deployment/create", Map.of("deployment-name", "x")),
                new Technique("fetch external tasks", HttpMethod.POST, "/engine-rest/external-task/fetchAndLock",
                        Map.of("workerId", "w", "maxTasks", 1, "topics", List.of())),
                new Technique("evaluate a decision", HttpMethod.POST, "/engine-rest/decision-definition/key/approvalLevel/evaluate",
                        Map.of("variables", Map.of())),
                new Technique("create a filter", HttpMethod.POST, "/engine-rest/filter/create",
                        Map.of("resourceType", "Task", "name", "mine", "query", Map.of())),
                new Technique("grant an authorization", HttpMethod.POST, "/engine-rest/authorization/create",
                        Map.of("type", 1, "permissions", List.of("ALL"), "userId", "*", "resourceType", 0, "resourceId", "*")),
                new Technique("join a group", HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/sw1", null),
                new Technique("join a council", HttpMethod.PUT, "/engine-rest/tenant/eastmoor/user-members/sw1", null),
                new Technique("create a user", HttpMethod.POST, "/engine-rest/user/create",
                        Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "intruder-password"))),
                new Technique("change another's password", HttpMethod.PUT, "/engine-rest/user/admin/credentials",
                        Map.of("password", "changed-by-someone", "authenticatedUserPassword", "demo")),
                new Technique("unlock a user", HttpMethod.POST, "/engine-rest/user/admin/unlock", null),
                new Technique("read the metrics", HttpMethod.GET, "/engine-rest/metrics/activity-instance-start/sum", null),
                new Technique("read history details", HttpMethod.GET, "/engine-rest/history/detail?processInstanceId=" + pi, null),
                new Technique("clean up history", HttpMethod.POST, "/engine-rest/history/cleanup", null),
                new Technique("delete history", HttpMethod.DELETE, "/engine-rest/history/process-instance/" + pi, null),
                new Technique("set removal times", HttpMethod.POST, "/engine-rest/history/process-instance/set-removal-time",
                        Map.of("absoluteRemovalTime", "2000-01-01T00:00:00.000+0000", "historicProcessInstanceIds", List.of(pi))),
                new Technique("through the webapp's engine API", HttpMethod.POST,
                        "/camunda/api/engine/engine/default/task/" + task + "/identity-links", Map.of("groupId", "provider-5", "type", "candidate")));

        Map<String, String> before = snapshot();
        int requests = 0;
        int refused = 0;
        int serverErrors = 0;
        List<String> wrong = new ArrayList<>();
        for (Technique t : techniques) {
            for (String user : USERS) {
                ResponseEntity<String> answer = call(user, t.method(), t.path(), t.body());
                requests++;
                int status = answer.getStatusCode().value();
                if (status >= 500) {
                    serverErrors++;
                }
                if (status >= 400 && status < 500) {
                    refused++;
                } else {
                    wrong.add(t.name() + " by " + user + " answered " + status + ": " + answer.getBody());
                }
            }
        }
        Map<String, String> after = snapshot();
        List<String> changed = WATCHED.stream().filter(table -> !before.get(table).equals(after.get(table))).toList();
        ReliabilityFigures.record("Engine abuse", "%d techniques × %d users: %d requests, %d refused, %d 5xx, %d tables changed",
                techniques.size(), USERS.size(), requests, refused, serverErrors, changed.size());
        assertThat(wrong).as("every technique refused").isEmpty();
        assertThat(serverErrors).isZero();
        assertThat(changed).as("tables changed").isEmpty();
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    @Test
    void shouldAnswerAnotherCouncilsTaskExactlyAsAMissingOne() throws Exception {
        Journeys.Council northshire = new Journeys.Council("northshire", 53.80, -1.55);
        Referral r = journeys.refer(journeys.child(northshire, 11), "PLANNED", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        String task = taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult().getId();
        String missing = "00000000-0000-0000-0000-000000000000";
        for (String user : List.of("pt2", "sw2", "prov1")) {
            for (String action : List.of("", "/form-variables", "/variables", "/identity-links", "/complete", "/claim", "/unclaim",
                    "/submit-form")) {
                HttpMethod method = action.isEmpty() || action.equals("/form-variables") || action.equals("/variables")
                        || action.equals("/identity-links") ? HttpMethod.GET : HttpMethod.POST;
                Object body = method == HttpMethod.POST ? Map.of("userId", user) : null;
                ResponseEntity<String> theirs = call(user, method, "/engine-rest/task/" + task + action, body);
                ResponseEntity<String> none = call(user, method, "/engine-rest/task/" + missing + action, body);
                assertThat(theirs.getStatusCode().value()).as(user + " " + action).isEqualTo(404).isEqualTo(none.getStatusCode().value());
                assertThat(theirs.getBody().replace(task, "ID")).as(user + " " + action).isEqualTo(none.getBody().replace(missing, "ID"));
            }
        }
        // the council's own placements team still works the task as usual
        assertThat(call("pt1", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "pt1")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(call("pt1", HttpMethod.POST, "/engine-rest/task/" + task + "/unclaim", null).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void shouldLetTheRightPersonWorkATaskOnlyThroughItsForm() throws Exception {
        Journeys.Council northshire = new Journeys.Council("northshire", 53.80, -1.55);
        Referral r = journeys.refer(journeys.child(northshire, 12), "PLANNED", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        String task = taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult().getId();
        // held by pt1: a colleague may neither complete it nor give it back on pt1's behalf
        assertThat(call("pt1", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "pt1")).getStatusCode().value())
                .isEqualTo(204);
        if (identityService.createUserQuery().userId("pt1b").count() == 0) {
            org.camunda.bpm.engine.identity.User colleague = identityService.newUser("pt1b");
            colleague.setPassword("demo");
            identityService.saveUser(colleague);
            identityService.createMembership("pt1b", "placements-team");
            identityService.createTenantUserMembership("northshire", "pt1b");
        }
        assertThat(call("pt1b", HttpMethod.GET, "/engine-rest/task/" + task, null).getStatusCode().value()).isEqualTo(200);
        assertThat(call("pt1b", HttpMethod.POST, "/engine-rest/task/" + task + "/unclaim", null).getStatusCode().value()).isEqualTo(403);
        assertThat(call("pt1b", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("triageOutcome", Map.of("value", "ACCEPT")))).getStatusCode().value()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("pt1");
        // a task held by someone else cannot be claimed from them: a plain conflict
        ResponseEntity<String> taken = call("pt1b", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "pt1b"));
        assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(409);
        ResponseEntity<String> outside = call("pt1", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("triageOutcome", Map.of("value", "ACCEPT"), "council", Map.of("value", "eastmoor"))));
        assertThat(outside.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(outside.getBody()).get("message").asText()).contains("council").contains("not a field");
        ResponseEntity<String> done = call("pt1", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("triageOutcome", Map.of("value", "ACCEPT"), "triageNotes", Map.of("value", "Discussed with SW"))));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        // the notes are the product's record; the engine keeps only the decision
        assertThat(runtimeService.getVariables(r.getProcessInstanceId())).containsEntry(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT").doesNotContainKey(PlacementReferralProcess.TRIAGE_NOTES);
    }

    ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** Each watched table's rows, sorted and digested: any insert, update or delete changes it. */
    Map<String, String> snapshot() throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : WATCHED) {
            List<String> rows = new ArrayList<>();
            jdbc.query("select * from " + table, rs -> {
                int columns = rs.getMetaData().getColumnCount();
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof java.sql.Blob blob) {
                        value = blob.getBytes(1, (int) blob.length());
                    } else if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    }
                    row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)).append('|');
                }
                rows.add(row.toString());
            });
            rows.sort(null);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            rows.forEach(row -> digest.update(row.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            digests.put(table, rows.size() + ":" + HexFormat.of().formatHex(digest.digest()));
        }
        return digests;
    }
}
