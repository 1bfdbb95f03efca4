package uk.gov.placements.trust;



import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.placement.PlacementFixtures;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.PlacementsApplication;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * Two managers approving at once; two providers answering at once; a bad decision through /api; the prod profile's refusal of
 * weak passwords.
 */
@IntegrationTest
class ConcurrencyAndProductionTest {
    @Autowired TestRestTemplate http;
    @Autowired Journeys journeys;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired SearchService searchService;
    @Autowired PlacementFixtures placements;

    ResponseEntity<String> complete(String user, String taskId, Map<String, Object> vars) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, "demo");
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/tasks/" + taskId + "/complete", HttpMethod.POST, new HttpEntity<>(vars, h), String.class);
    }

    Task approvalTask(Journeys.Council c) {
        journeys.inHouse(c, c.id(), PlacementType.FOSTER, 450);
        Referral r = journeys.refer(journeys.child(c, 9), "PLANNED", PlacementType.FOSTER, 10, null);
        taskService.complete(taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult().getId(),
                Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobs();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey(PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).singleResult();
        taskService.complete(review.getId(), Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, true, PlacementSearchProcess.RESTRICTION_REASON, "Kinship"));
        journeys.runDueJobs();
        taskService.complete(taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult().getId(),
                Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, searchService.optionsOf(r.getId()).get(0).getId()));
        return taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).taskDefinitionKey(PlacementReferralProcess.TASK_APPROVE_PLACEMENT).singleResult();
    }

    @Test
    void shouldLetOneOfTwoManagersApproveAtOnceAndTellTheOtherClearly() throws Exception {
        // several rounds: the second manager can lose at different moments (before, during or after the first commit)
        List<List<Integer>> rounds = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            rounds.add(approveTwiceAtOnce());
        }
        ReliabilityFigures.record("Two managers approving one task at once", "%d rounds, statuses %s, 1 placement each", rounds.size(), rounds);
    }

    @Test
    void shouldRecordBothAnswersWhenTwoProvidersAnswerOneReferralAtOnce() throws Exception {
        // each provider answers in a scope of its own; the multi-instance's counters, shared by all of them, move in the
        // job after each answer, so neither provider's answer is refused for the other's
        int rounds = 8;
        int recorded = 0;
        List<String> refused = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Journeys.Council c = journeys.newCouncil();
            for (int fee : new int[] {900, 950, 990}) {
                journeys.independent(c, c.id(), PlacementType.FOSTER, fee, uk.gov.placements.common.OfstedRating.GOOD,
                        uk.gov.placements.common.NeedCode.AUTISM);
            }
            Referral r = journeys.refer(journeys.child(c, 9), "PLANNED", PlacementType.FOSTER, 8, null, uk.gov.placements.common.NeedCode.AUTISM);
            taskService.complete(taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult().getId(),
                    Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
            journeys.runDueJobsOfTree(r.getProcessInstanceId());
            taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(r.getReference())
                    .taskDefinitionKey(PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).singleResult().getId(), Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false));
            journeys.runDueJobsOfTree(r.getProcessInstanceId());
            List<Task> asked = taskService.createTaskQuery().processInstanceBusinessKey(r.getReference())
                    .taskDefinitionKey(PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL).list();
            assertThat(asked).hasSize(3);

            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> answers = new ArrayList<>();
            for (Task t : asked.subList(0, 2)) {
                answers.add(pool.submit(() -> {
                    together.await();
                    taskService.complete(t.getId(), Map.of(PlacementSearchProcess.RESPONSE, "OFFER", PlacementSearchProcess.WEEKLY_FEE, 900.0, PlacementSearchProcess.START_DATE,
                            java.time.LocalDate.now().toString(), PlacementSearchProcess.NAMED_CARER_OR_HOME, "Rose Cottage", PlacementSearchProcess.HOW_NEEDS_MET, "Quiet home"));
                    return null;
                }));
            }
            for (Future<?> answer : answers) {
                try {
                    answer.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause().getClass().getSimpleName());
                }
            }
            pool.shutdown();
            journeys.runDueJobsOfTree(r.getProcessInstanceId());
            recorded += (int) searchService.providerReferralsOf(r.getId()).stream().filter(p -> p.getStatus() == uk.gov.placements.referral.search.ProviderReferral.Status.OFFERED).count();
            // the third provider can still answer
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey(PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL)
                    .list()).extracting(Task::getId).containsExactly(asked.get(2).getId());
        }
        ReliabilityFigures.record("Two providers answering one referral at once", "%d rounds, %d of %d answers recorded, %d refused",
                rounds, recorded, 2 * rounds, refused.size());
        assertThat(refused).isEmpty();
        assertThat(recorded).isEqualTo(2 * rounds);
    }

    List<Integer> approveTwiceAtOnce() throws Exception {
        Journeys.Council c = journeys.newCouncil();
        Task approval = approvalTask(c);
        List<String> managers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = "tm-" + c.id() + "-" + i;
            User u = identityService.newUser(id);
            u.setPassword("demo");
            identityService.saveUser(u);
            identityService.createMembership(id, "team-managers");
            identityService.createTenantUserMembership("northshire", id);
            managers.add(id);
        }
        // the fresh council is a tenant the managers belong to
        if (identityService.createTenantQuery().tenantId(c.id()).count() == 0) {
            identityService.saveTenant(identityService.newTenant(c.id()));
        }
        managers.forEach(m -> identityService.createTenantUserMembership(c.id(), m));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        for (String m : managers) {
            answers.add(pool.submit(() -> {
                start.await();
                return complete(m, approval.getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE", PlacementReferralProcess.APPROVAL_REASON, "Good match"));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<ResponseEntity<String>> a : answers) {
            ResponseEntity<String> r = a.get();
            statuses.add(r.getStatusCode().value());
            if (r.getStatusCode().value() == 409) {
                assertThat(r.getBody()).contains("completed");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        journeys.runDueJobs();
        String processInstanceId = approval.getProcessInstanceId();
        Long referralId = ((Number) runtimeService.getVariable(processInstanceId, PlacementReferralProcess.REFERRAL_ID)).longValue();
        assertThat(placements.all().stream().filter(p -> referralId.equals(p.getReferralId())).count())
                .as("the placement exists once").isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(PlacementReferralProcess.TASK_WRITE_PLACEMENT_PLAN).count())
                .as("exactly one placement started").isEqualTo(1);
        return statuses;
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenADecisionIsMissingAndKeepTheTaskOpen() {
        Journeys.Council c = journeys.newCouncil();
        Task approval = approvalTask(c);
        ResponseEntity<String> r = complete("admin", approval.getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "MAYBE"));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody()).contains("approvalDecision");
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);

        // free text longer than its column is refused naming the field, not failed in the database
        ResponseEntity<String> tooLong = complete("admin", approval.getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE", PlacementReferralProcess.APPROVAL_REASON, "x".repeat(2001)));
        assertThat(tooLong.getStatusCode().value()).as(tooLong.getBody()).isEqualTo(400);
        assertThat(tooLong.getBody()).contains("approvalReason").contains("at most 2,000 characters");
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);
        assertThat(placements.all()).as("nothing written").noneMatch(p -> p.getApprovalReason() != null && p.getApprovalReason().length() > 2000);
    }

    @Test
    void shouldRefuseToStartTheProdProfileWithADefaultOrMissingAdminPassword() {
        for (String password : new String[] {"", "demo", "short"}) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(PlacementsApplication.class).profiles("prod")
                    .properties("camunda.bpm.admin-user.password=" + password, "server.port=0",
                            "spring.datasource.url=jdbc:h2:mem:prod-refusal;DB_CLOSE_DELAY=-1", "camunda.bpm.process-engine-name=prodcheck")
                    .run().close())
                    .hasStackTraceContaining("Refusing to start: set PLACEMENTS_ADMIN_PASSWORD");
        }
    }
}
