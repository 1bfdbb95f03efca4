package uk.gov.placements.child;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;

/**
 * Each child has an allocated social worker and an IRO: team managers of the child's council allocate them, the
 * child's tasks go to them (their group keeps the task for cover), and a reallocation moves the open tasks.
 */
@IntegrationTest
class AllocationTest {
    static final Journeys.Council NORTHSHIRE = new Journeys.Council("northshire", 53.80, -1.55);
    @Autowired TestRestTemplate http;
    @Autowired Journeys journeys;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired ChildRepository children;
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldLetTheChildsTeamManagerAllocateNamedMembersOfTheRightGroupsOnly() throws Exception {
        Child child = journeys.child(NORTHSHIRE, 9);
        String url = "/api/children/" + child.getId() + "/allocation";
        assertThat(call("tm1", HttpMethod.PUT, url, Map.of("socialWorker", "sw1", "iro", "iro1")).getStatusCode().value()).isEqualTo(200);
        JsonNode seen = json.readTree(call("sw1", HttpMethod.GET, "/api/children/" + child.getId(), null).getBody());
        assertThat(seen.get("allocatedSocialWorker").asText()).isEqualTo("sw1");
        assertThat(seen.get("iro").asText()).isEqualTo("iro1");

        // the wrong people: each field named
        assertBadField(call("tm1", HttpMethod.PUT, url, Map.of("socialWorker", "pt1", "iro", "iro1")), "socialWorker");
        assertBadField(call("tm1", HttpMethod.PUT, url, Map.of("socialWorker", "sw2", "iro", "iro1")), "socialWorker");
        assertBadField(call("tm1", HttpMethod.PUT, url, Map.of("socialWorker", "sw1", "iro", "nobody-here")), "iro");
        assertBadField(call("tm1", HttpMethod.PUT, url, Map.of("socialWorker", "sw1")), "iro");
        // not a team manager: 403; another council's team manager: exactly as a child that does not exist
        assertThat(call("sw1", HttpMethod.PUT, url, Map.of("socialWorker", "sw1", "iro", "iro1")).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> theirs = call("tm2", HttpMethod.PUT, url, Map.of("socialWorker", "sw1", "iro", "iro1"));
        ResponseEntity<String> none = call("tm2", HttpMethod.PUT, "/api/children/999999999/allocation", Map.of("socialWorker", "sw1", "iro", "iro1"));
        assertThat(theirs.getStatusCode().value()).isEqualTo(404).isEqualTo(none.getStatusCode().value());
        assertThat(uk.gov.placements.common.BadInputs.idAsWord(theirs.getBody(), child.getId())).isEqualTo(none.getBody().replace("999999999", "ID"));
        assertThat(children.findById(child.getId()).orElseThrow().getAllocatedSocialWorker()).isEqualTo("sw1");
    }

    @Test
    void shouldGiveTheChildsTasksToTheAllocatedWorkersAndMoveThemOnReallocation() throws Exception {
        String cover = colleague("sw1-cover", "social-workers");
        String otherIro = colleague("iro1-cover", "iros");
        Child child = journeys.child(NORTHSHIRE, 12);
        assertThat(call("tm1", HttpMethod.PUT, "/api/children/" + child.getId() + "/allocation",
                Map.of("socialWorker", "sw1", "iro", "iro1")).getStatusCode().value()).isEqualTo(200);

        // a referral's social-worker task goes to sw1, and stays in the social workers' queue for cover
        Referral r = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        Task triage = taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        assertThat(triage.getAssignee()).as("the placements team's triage is the team's").isNull();
        taskService.complete(triage.getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "MORE_INFORMATION", PlacementReferralProcess.TRIAGE_NOTES, "Which school?"));
        Task more = taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        assertThat(more.getTaskDefinitionKey()).isEqualTo(PlacementReferralProcess.TASK_PROVIDE_MORE_INFORMATION);
        assertThat(more.getAssignee()).isEqualTo("sw1");
        assertThat(taskService.getIdentityLinksForTask(more.getId())).extracting(IdentityLink::getGroupId).contains("social-workers");

        // the child's reviews go to the IRO
        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(LocalDate.now().atTime(10, 0)));
        Child allocated = children.findById(child.getId()).orElseThrow();
        allocated.becameLookedAfter(LocalDate.now());
        children.save(allocated);
        ProcessInstance reviews = runtimeService.startProcessInstanceByKey(IroReviewProcess.KEY, IroReviewProcess.businessKey(child.getId()),
                Map.of(IroReviewProcess.CHILD_ID, child.getId(), IroReviewProcess.COUNCIL, child.getCouncil()));
        journeys.runDueJobsOf(reviews.getId());
        Job window = managementService.createJobQuery().processInstanceId(reviews.getId()).activityId(IroReviewProcess.TIMER_CONSULTATION_OPENS).singleResult();
        managementService.executeJob(window.getId());
        List<Task> consultations = taskService.createTaskQuery().processInstanceId(reviews.getId()).list();
        assertThat(consultations).isNotEmpty().allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("iro1"));

        // reallocation: the open tasks move to the new workers
        assertThat(call("tm1", HttpMethod.PUT, "/api/children/" + child.getId() + "/allocation",
                Map.of("socialWorker", cover, "iro", otherIro)).getStatusCode().value()).isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(more.getId()).singleResult().getAssignee()).isEqualTo(cover);
        assertThat(taskService.createTaskQuery().processInstanceId(reviews.getId()).list())
                .allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo(otherIro));
        // and the new social worker works it through the engine's API as the Tasklist does
        ResponseEntity<String> done = call(cover, HttpMethod.POST, "/engine-rest/task/" + more.getId() + "/complete",
                Map.of("variables", Map.of("moreInformation", Map.of("value", "St Anne's primary"))));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    }

    @Test
    void shouldShowTeamManagersTheirCouncilsCaseloadOnly() throws Exception {
        Child child = journeys.child(NORTHSHIRE, 7);
        Child allocated = children.findById(child.getId()).orElseThrow();
        allocated.becameLookedAfter(LocalDate.now());
        children.save(allocated);
        String worker = colleague("sw1-caseload", "social-workers");
        assertThat(call("tm1", HttpMethod.PUT, "/api/children/" + child.getId() + "/allocation",
                Map.of("socialWorker", worker, "iro", "iro1")).getStatusCode().value()).isEqualTo(200);
        JsonNode caseload = json.readTree(call("tm1", HttpMethod.GET, "/api/children/caseload", null).getBody());
        JsonNode row = java.util.stream.StreamSupport.stream(caseload.spliterator(), false)
                .filter(r -> r.get("worker").asText().equals(worker)).findFirst().orElseThrow();
        assertThat(row.get("role").asText()).isEqualTo("social worker");
        assertThat(row.get("children").asLong()).isEqualTo(1);
        assertThat(call("sw1", HttpMethod.GET, "/api/children/caseload", null).getStatusCode().value()).isEqualTo(403);
        JsonNode eastmoor = json.readTree(call("tm2", HttpMethod.GET, "/api/children/caseload", null).getBody());
        assertThat(eastmoor.findValuesAsText("worker")).doesNotContain(worker);
    }

    String colleague(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership(id, group);
            identityService.createTenantUserMembership("northshire", id);
        }
        return id;
    }

    void assertBadField(ResponseEntity<String> answer, String field) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(json.readTree(answer.getBody()).get("errors").findValuesAsText("field")).contains(field);
    }

    ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
