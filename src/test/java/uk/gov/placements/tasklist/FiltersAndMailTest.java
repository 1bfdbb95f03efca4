package uk.gov.placements.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.TestMailServer;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.PlacementOptionRepository;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/** The role queues return exactly their tasks to their groups; escalations e-mail every member; a mail outage never loses a process. */
@IntegrationTest
class FiltersAndMailTest {
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Journeys journeys;
    @Autowired PlacementOptionRepository options;
    @Autowired TestMailServer mail;

    List<Task> list(String filterName, String user, List<String> groups, String council) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        identityService.setAuthentication(user, groups, List.of(council));
        try {
            return filterService.list(filter.getId());
        } finally {
            identityService.clearAuthentication();
        }
    }

    boolean canRead(String filterName, String user, List<String> groups) {
        identityService.setAuthentication(user, groups, List.of());
        try {
            return filterService.createFilterQuery().filterName(filterName).count() == 1;
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A referral of a fresh council waiting for approval, with its emergency flag. */
    Referral awaitingApproval(Journeys.Council c, String urgency) {
        journeys.inHouse(c, c.id(), PlacementType.FOSTER, 450);
        Referral r = journeys.refer(journeys.child(c, 9), urgency, PlacementType.FOSTER, 10, null);
        Task triage = taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        taskService.complete(triage.getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobs();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey(PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).singleResult();
        taskService.complete(review.getId(), Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, true, PlacementSearchProcess.RESTRICTION_REASON, "Kinship link"));
        journeys.runDueJobs();
        PlacementOption top = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId()).get(0);
        Task select = taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        taskService.complete(select.getId(), Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, top.getId()));
        return r;
    }

    @Test
    void shouldShowEachRoleItsOwnQueueAndNobodyElses() {
        Journeys.Council c = journeys.newCouncil();
        Referral toTriage = journeys.refer(journeys.child(c, 9), "PLANNED", PlacementType.FOSTER, 10, null);
        Referral toApprove = awaitingApproval(c, "EMERGENCY");

        assertThat(list("Referrals to triage", "pt1", List.of("placements-team"), c.id())).extracting(Task::getProcessInstanceId)
                .contains(toTriage.getProcessInstanceId()).doesNotContain(toApprove.getProcessInstanceId());
        assertThat(list("Placements awaiting my approval", "tm1", List.of("team-managers"), c.id())).extracting(Task::getProcessInstanceId)
                .contains(toApprove.getProcessInstanceId()).doesNotContain(toTriage.getProcessInstanceId());
        assertThat(list("Placements awaiting my approval", "ad1", List.of("assistant-directors"), c.id())).extracting(Task::getProcessInstanceId)
                .doesNotContain(toApprove.getProcessInstanceId());
        assertThat(list("Emergency referrals", "tm1", List.of("team-managers"), c.id())).extracting(Task::getProcessInstanceId)
                .contains(toApprove.getProcessInstanceId()).doesNotContain(toTriage.getProcessInstanceId());
        // another council's team manager sees none of it (tenant check)
        assertThat(list("Placements awaiting my approval", "tm2", List.of("team-managers"), "eastmoor")).extracting(Task::getProcessInstanceId)
                .doesNotContain(toApprove.getProcessInstanceId());
        // the queues are shared with the groups that work them only
        assertThat(canRead("Referrals to triage", "pt1", List.of("placements-team"))).isTrue();
        assertThat(canRead("Referrals to triage", "sw1", List.of("social-workers"))).isFalse();
        assertThat(canRead("Placements awaiting my approval", "dcs1", List.of("directors"))).isTrue();
        assertThat(canRead("Contracts queue", "co1", List.of("contracts-officers"))).isTrue();
        assertThat(canRead("Provider: referrals to answer", "prov1", List.of("providers", "provider-1"))).isTrue();
        assertThat(canRead("Provider: referrals to answer", "sw1", List.of("social-workers"))).isFalse();
    }

    User headOfService(String email, String council) {
        User u = identityService.newUser("hos-" + System.nanoTime());
        u.setEmail(email);
        u.setPassword("a-long-password");
        identityService.saveUser(u);
        identityService.createMembership(u.getId(), "heads-of-service");
        identityService.createTenantUserMembership(council, u.getId());
        return u;
    }

    @Test
    void shouldEmailEveryMemberOfTheNextTierInTheCouncilWhenAnEmergencyApprovalEscalates() throws Exception {
        Journeys.Council c = journeys.newCouncil();
        identityService.saveTenant(identityService.newTenant(c.id()));
        User first = headOfService("first-hos@" + c.id() + ".example.gov.uk", c.id());
        User second = headOfService("second-hos@" + c.id() + ".example.gov.uk", c.id());
        User elsewhere = headOfService("hos@eastmoor.example.gov.uk", "eastmoor");
        mail.reset();
        Referral r = awaitingApproval(c, "EMERGENCY");
        Job timer = managementService.createJobQuery().processInstanceId(r.getProcessInstanceId()).timers()
                .activityId(PlacementReferralProcess.TIMER_APPROVAL_ESCALATION).singleResult();
        managementService.executeJob(timer.getId());
        journeys.runDueJobs();
        List<String> to = mail.received().stream().map(FiltersAndMailTest::recipient).toList();
        assertThat(to).as("one e-mail to each head of service of the child's council, none elsewhere")
                .containsExactlyInAnyOrder(first.getEmail(), second.getEmail());
        assertThat(mail.received().get(0).getSubject()).contains("approval overdue").contains(r.getReference());
        List.of(first, second, elsewhere).forEach(u -> identityService.deleteUser(u.getId()));
    }

    @Test
    void shouldRetryThenRaiseAnIncidentWhenMailIsDownAndFinishOnceItIsBack() {
        Journeys.Council c = journeys.newCouncil();
        identityService.saveTenant(identityService.newTenant(c.id()));
        User head = headOfService("hos@" + c.id() + ".example.gov.uk", c.id());
        Referral r = awaitingApproval(c, "EMERGENCY");
        Job timer = managementService.createJobQuery().processInstanceId(r.getProcessInstanceId()).timers()
                .activityId(PlacementReferralProcess.TIMER_APPROVAL_ESCALATION).singleResult();
        managementService.executeJob(timer.getId());
        mail.outage(() -> {
            Job escalate = managementService.createJobQuery().processInstanceId(r.getProcessInstanceId()).activityId(PlacementReferralProcess.TASK_ESCALATE_APPROVAL).singleResult();
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> managementService.executeJob(escalate.getId())).isNotNull();
            }
            Job failed = managementService.createJobQuery().jobId(escalate.getId()).singleResult();
            assertThat(failed.getRetries()).isZero();
            assertThat(failed.getExceptionMessage()).isNotBlank();
        });
        List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(r.getProcessInstanceId()).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getActivityId()).isEqualTo(PlacementReferralProcess.TASK_ESCALATE_APPROVAL);
        // the approval itself is untouched and still waiting
        assertThat(taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).taskDefinitionKey(PlacementReferralProcess.TASK_APPROVE_PLACEMENT).count()).isEqualTo(1);
        Job failed = managementService.createJobQuery().processInstanceId(r.getProcessInstanceId()).activityId(PlacementReferralProcess.TASK_ESCALATE_APPROVAL).singleResult();
        managementService.setJobRetries(failed.getId(), 1);
        managementService.executeJob(failed.getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(r.getProcessInstanceId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(r.getProcessInstanceId()).activityId(PlacementReferralProcess.TASK_ESCALATE_APPROVAL).count()).isZero();
        identityService.deleteUser(head.getId());
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
