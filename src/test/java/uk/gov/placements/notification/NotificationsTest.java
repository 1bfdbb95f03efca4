package uk.gov.placements.notification;



import uk.gov.placements.common.UkTime;

import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
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
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.TestMailServer;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * Notifications that are true: staff are e-mailed and recorded SENT only once the mail server (GreenMail here) has
 * accepted the message, FAILED while it is down, and sent on the retry; people outside the system get letters as
 * PDFs, recorded sent only when the social worker confirms each one.
 */
@IntegrationTest
class NotificationsTest {
    static final Journeys.Council NORTHSHIRE = new Journeys.Council("northshire", 53.80, -1.55);
    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired Journeys journeys;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired ChildService childService;
    @Autowired PlacementService placements;
    @Autowired SearchService searchService;
    @Autowired NotificationRepository notifications;
    @Autowired TestMailServer mail;
    final ObjectMapper json = new ObjectMapper();

    Task only(String processInstanceId, String key) {
        return journeys.only(processInstanceId, key);
    }

    /** An allocated Northshire child of school age, placed in-house from today, up to the notifications step (not yet run). */
    Placement approvedUpToNotifications(Referral r, CareService home) {
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_TRIAGE).getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        ProcessInstance search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(r.getProcessInstanceId()).singleResult();
        taskService.complete(only(search.getId(), PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).getId(), Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, true,
                PlacementSearchProcess.RESTRICTION_REASON, "Brothers already with these carers", PlacementSearchProcess.PROPOSED_START_DATE, UkTime.today(clock).toString()));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        Long option = searchService.optionsOf(r.getId()).stream()
                .filter(o -> o.getService().getId().equals(home.getId())).findFirst().orElseThrow().getId();
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_SELECT_PLACEMENT).getId(),
                Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, option, PlacementReferralProcess.SELECTION_REASON, "With her brothers"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_APPROVE_PLACEMENT).getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE"));
        // the placement is recorded; the notifications step waits in its job
        Job start = managementService.createJobQuery().processInstanceId(r.getProcessInstanceId()).activityId(PlacementReferralProcess.TASK_START_PLACEMENT).singleResult();
        managementService.executeJob(start.getId());
        return placements.placementsOf(r.getChild().getId()).get(0);
    }

    Job notificationsJob(Referral r) {
        return managementService.createJobQuery().processInstanceId(r.getProcessInstanceId()).activityId(PlacementReferralProcess.TASK_EMAIL_NOTIFICATIONS).singleResult();
    }

    String virtualSchool() {
        String id = "vs1";
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword("demo");
            user.setEmail("vs1@northshire.example.gov.uk");
            identityService.saveUser(user);
            identityService.createMembership(id, uk.gov.placements.security.Roles.VIRTUAL_SCHOOL);
            identityService.createTenantUserMembership("northshire", id);
        }
        return id;
    }

    @Test
    void shouldRecordAnEmailSentOnlyWhenTheMailServerTookItAndFailedWhileItIsDown() throws Exception {
        virtualSchool();
        CareService home = journeys.inHouse(NORTHSHIRE, "northshire", PlacementType.FOSTER, 410, NeedCode.SIBLING_GROUP);
        Child child = journeys.child(NORTHSHIRE, 10);
        childService.allocate(child.getId(), "sw1", "iro1");
        Referral r = journeys.refer(child, "URGENT", PlacementType.FOSTER, 8, null, NeedCode.SIBLING_GROUP);
        Placement p = approvedUpToNotifications(r, home);
        mail.reset();

        // the mail server is down: the e-mails are FAILED with the reason, nothing is SENT, the step will retry
        Job job = notificationsJob(r);
        mail.outage(() -> assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull());
        List<Notification> down = notifications.findByPlacementIdOrderByIdAsc(p.getId());
        assertThat(down).filteredOn(n -> n.getChannel() == Notification.Channel.EMAIL).hasSize(2)
                .allSatisfy(n -> {
                    assertThat(n.getStatus()).isEqualTo(Notification.Status.FAILED);
                    assertThat(n.getSentAt()).isNull();
                    assertThat(n.getFailure()).contains("mail server");
                });
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isLessThan(3);

        // back up: the retry sends them, and only now are they SENT
        managementService.executeJob(job.getId());
        List<String> to = mail.received().stream().flatMap(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(to).contains("iro1@northshire.example.gov.uk", "vs1@northshire.example.gov.uk");
        List<Notification> up = notifications.findByPlacementIdOrderByIdAsc(p.getId());
        assertThat(up).filteredOn(n -> n.getChannel() == Notification.Channel.EMAIL).extracting(Notification::getRecipient)
                .containsExactly("Independent reviewing officer (iro1)", "Virtual school (vs1)");
        assertThat(up).filteredOn(n -> n.getChannel() == Notification.Channel.EMAIL).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
            assertThat(n.getSentAt()).isNotNull();
        });
        // the letters wait for the social worker
        assertThat(up).filteredOn(n -> n.getChannel() == Notification.Channel.LETTER).extracting(Notification::getRecipient)
                .containsExactly("The child", "Parents", "Health", "GP", "School");
        assertThat(up).filteredOn(n -> n.getChannel() == Notification.Channel.LETTER)
                .allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notification.Status.PENDING));
    }

    @Test
    void shouldGiveTheSocialWorkerEachLetterAsAPdfAndRecordItSentOnlyWhenConfirmed() throws Exception {
        CareService home = journeys.inHouse(NORTHSHIRE, "northshire", PlacementType.FOSTER, 415, NeedCode.SIBLING_GROUP);
        Child child = journeys.child(NORTHSHIRE, 11);
        childService.allocate(child.getId(), "sw1", "iro1");
        Referral r = journeys.refer(child, "URGENT", PlacementType.FOSTER, 8, null, NeedCode.SIBLING_GROUP);
        Placement p = approvedUpToNotifications(r, home);
        journeys.runDueJobs();

        JsonNode listed = json.readTree(get("sw1", "/api/placements/" + p.getId() + "/notifications").getBody());
        assertThat(listed.findValuesAsText("channel")).contains("EMAIL", "LETTER");
        assertThat(listed.findValuesAsText("status")).doesNotContain("FAILED");
        JsonNode letter = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(n -> n.get("channel").asText().equals("LETTER")).findFirst().orElseThrow();
        ResponseEntity<byte[]> pdf = http.exchange(letter.get("letter").asText(), HttpMethod.GET, new HttpEntity<>(headers("sw1")), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(get("sw2", letter.get("letter").asText()).getStatusCode().value()).as("another council").isEqualTo(404);
        assertThat(get("pt1", letter.get("letter").asText()).getStatusCode().value()).isEqualTo(403);

        // the social worker's task: every letter must be confirmed; then each is SENT, by them
        Task send = only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_SEND_NOTIFICATIONS);
        assertThat(send.getAssignee()).isEqualTo("sw1");
        List<Notification> letters = notifications.findByPlacementIdOrderByIdAsc(p.getId()).stream()
                .filter(n -> n.getChannel() == Notification.Channel.LETTER).toList();
        ResponseEntity<String> some = post("sw1", "/engine-rest/task/" + send.getId() + "/submit-form", Map.of("variables", Map.of("lettersSent",
                Map.of("value", "[\"" + letters.get(0).getId() + "\"]", "type", "Json"))));
        assertThat(some.getStatusCode().value()).isEqualTo(400);
        assertThat(some.getBody()).contains("lettersSent").contains("Parents");
        String all = letters.stream().map(n -> "\"" + n.getId() + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
        ResponseEntity<String> done = post("sw1", "/engine-rest/task/" + send.getId() + "/submit-form",
                Map.of("variables", Map.of("lettersSent", Map.of("value", all, "type", "Json"))));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(notifications.findByPlacementIdOrderByIdAsc(p.getId())).filteredOn(n -> n.getChannel() == Notification.Channel.LETTER)
                .allSatisfy(n -> {
                    assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
                    assertThat(n.getSentBy()).isEqualTo("sw1");
                });
    }

    HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return headers;
    }

    ResponseEntity<String> get(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), String.class);
    }

    ResponseEntity<String> post(String user, String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(user)), String.class);
    }
}
