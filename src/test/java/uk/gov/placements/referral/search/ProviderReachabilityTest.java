package uk.gov.placements.referral.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.placements.referral.search.PlacementSearchProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.referral.ReferralTimeline;
import uk.gov.placements.Journeys;
import uk.gov.placements.TestMailServer;
import uk.gov.placements.audit.DecisionRecord;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderKind;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.tasks.TaskDisplay;

/**
 * A referral goes only where someone can answer it: a provider with no member of staff and no referral e-mail address
 * gets none (and the search goes on without waiting for it); one with only a referral address is e-mailed, recorded as
 * e-mailed only once the mail server took it, and the placements team enters its answer on its behalf, recorded so.
 */
@IntegrationTest
class ProviderReachabilityTest {
    static final String REFERRAL_ADDRESS = "referrals@harbour-lights.example.org";
    @Autowired ProcessEngine engine;
    @Autowired Clock clock;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Journeys journeys;
    @Autowired ProviderFixtures providerFixtures;
    @Autowired ProviderReferralRepository providerReferrals;
    @Autowired Decisions decisionRecords;
    @Autowired TaskDisplay taskDisplay;
    @Autowired TestMailServer mail;
    @Autowired TestRestTemplate http;
    @Autowired uk.gov.placements.referral.ReferralTimeline timeline;
    final ObjectMapper json = new ObjectMapper();

    Journeys.Council council;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        council = journeys.newCouncil();
    }

    /** An accredited independent provider near the council with no member of staff, and the referral address given. */
    CareService noStaff(String name, String referralEmail) {
        Provider p = new Provider(name + " " + council.id(), ProviderKind.INDEPENDENT, Provider.Sector.PRIVATE, null, null, OfstedRating.GOOD, clock.instant());
        Provider accredited = providerFixtures.accredited(p, AccreditationStatus.ACCREDITED, LocalDate.now().plusMonths(6));
        return journeys.service(providerFixtures.referralEmail(accredited, referralEmail), council.id(), PlacementType.FOSTER, 900, 3, council.lat() - 0.02, council.lon());
    }

    List<String> externalSearchRecords(Referral r) {
        return decisionRecords.ofReferral(r.getId()).stream().filter(d -> d.getKind().equals("EXTERNAL_SEARCH"))
                .map(d -> d.getOutcome() + ": " + d.getReason()).toList();
    }

    List<Job> emailJobs(ProcessInstance search) {
        return managementService.createJobQuery().processInstanceId(search.getId()).activityId(TASK_EMAIL_REFERRAL).list();
    }

    Long providerReferralOf(Job job) {
        return ((Number) engine.getRuntimeService().getVariable(job.getExecutionId(), PROVIDER_REFERRAL_ID)).longValue();
    }

    List<MimeMessage> receivedAt(String address) {
        return mail.received().stream().filter(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    ResponseEntity<String> get(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void shouldSendNoReferralToAProviderNobodyCanAnswerAndGoOnWithoutWaitingForIt() throws Exception {
        CareService unreachable = noStaff("Silent Homes", null);
        Referral r = journeys.refer(journeys.child(council, 9), "URGENT", PlacementType.FOSTER, 8, null);
        ProcessInstance search = journeys.toExternalSearch(r);
        journeys.runDueJobsOfTree(search.getRootProcessInstanceId());

        assertThat(providerReferrals.findByReferralIdOrderByIdAsc(r.getId())).isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey(TASK_RESPOND_TO_REFERRAL).count()).isZero();
        // no day's wait for an answer nobody could give: the options are ranked at once
        assertThat(search).isEnded().hasPassed(TASK_RANK_OPTIONS);
        assertThat(externalSearchRecords(r)).singleElement().asString().startsWith("SENT TO 0 PROVIDERS")
                .contains("Not sent, as nobody can receive it").contains(unreachable.getProvider().getName());

        // the register's keepers see it, with why; others may not ask
        JsonNode listed = json.readTree(get("cm1", "/api/providers/unreachable").getBody());
        JsonNode row = null;
        for (JsonNode p : listed) {
            if (p.get("providerId").asLong() == unreachable.getProvider().getId()) {
                row = p;
            }
        }
        assertThat(row).as("the provider is listed as unreachable").isNotNull();
        assertThat(row.get("why").asText()).contains("no referral e-mail address");
        assertThat(get("co1", "/api/providers/unreachable").getStatusCode().value()).isEqualTo(200);
        assertThat(get("sw1", "/api/providers/unreachable").getStatusCode().value()).isEqualTo(403);

        // its referral address given: it can be reached (by e-mail) and is no longer listed; a bad address is refused by name
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("cm1", "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        String url = "/api/providers/" + unreachable.getProvider().getId() + "/referral-email";
        ResponseEntity<String> bad = http.exchange(url, HttpMethod.PUT, new HttpEntity<>(Map.of("referralEmail", "referrals at silent"), headers), String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field")).containsExactly("referralEmail");
        ResponseEntity<String> set = http.exchange(url, HttpMethod.PUT, new HttpEntity<>(Map.of("referralEmail", REFERRAL_ADDRESS), headers), String.class);
        assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
        assertThat(json.readTree(set.getBody()).get("reachable").asBoolean()).isTrue();
        assertThat(json.readTree(get("cm1", "/api/providers/unreachable").getBody()).findValuesAsText("providerId"))
                .doesNotContain(unreachable.getProvider().getId().toString());
    }

    @Test
    void shouldEmailAProviderWithOnlyAReferralAddressAndLetThePlacementsTeamAnswerOnItsBehalf() throws Exception {
        CareService emailOnly = noStaff("Harbour Lights Fostering", REFERRAL_ADDRESS);
        Child child = journeys.child(council, 9);
        Referral r = journeys.refer(child, "URGENT", PlacementType.FOSTER, 8, null);
        ProcessInstance search = journeys.toExternalSearch(r);
        Job send = managementService.createJobQuery().processInstanceId(search.getId()).activityId(TASK_SEND_TO_PROVIDERS).singleResult();
        mail.reset();

        // the referral is recorded first, not yet e-mailed; its e-mail is a step of its own
        managementService.executeJob(send.getId());
        assertThat(providerReferrals.findByReferralIdOrderByIdAsc(r.getId())).singleElement()
                .satisfies(recorded -> assertThat(recorded.getEmailedAt()).isNull());
        Job email = emailJobs(search).get(0);

        // the mail server down: nothing is recorded as e-mailed, and only this step will be tried again
        mail.outage(() -> assertThatThrownBy(() -> managementService.executeJob(email.getId())).isNotNull());
        assertThat(providerReferrals.findByReferralIdOrderByIdAsc(r.getId()).get(0).getEmailedAt()).isNull();
        assertThat(taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey(TASK_RESPOND_TO_REFERRAL).count()).isZero();

        managementService.executeJob(email.getId());
        assertThat(emailJobs(search)).isEmpty();
        ProviderReferral pr = providerReferrals.findByReferralIdOrderByIdAsc(r.getId()).get(0);
        assertThat(pr.getChannel()).isEqualTo(ProviderReferral.Channel.EMAIL);
        assertThat(pr.getEmailedTo()).isEqualTo(REFERRAL_ADDRESS);
        assertThat(pr.getEmailedAt()).isNotNull();
        List<MimeMessage> toProvider = mail.received().stream().filter(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(REFERRAL_ADDRESS);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(toProvider).hasSize(1);
        String body = toProvider.get(0).getContent().toString();
        assertThat(toProvider.get(0).getSubject()).contains(r.getReference());
        assertThat(body).contains(r.getReference()).contains("Please answer by " + UkFormat.dateTime(pr.getDeadline()))
                .contains("reply to the placements team")
                .doesNotContain(child.getFirstName()).doesNotContain(child.getLastName()).doesNotContain(child.getPostcode())
                .doesNotContain(UkFormat.date(child.getDateOfBirth()));
        assertThat(externalSearchRecords(r)).singleElement().asString().startsWith("SENT TO 1 PROVIDERS")
                .contains("To be e-mailed (each provider referral records when the mail server took it), answered through the placements team: "
                        + emailOnly.getProvider().getName());

        // the referring council's placements team answers for the provider, as the provider answered by e-mail
        Task answer = taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey(TASK_RESPOND_TO_REFERRAL).singleResult();
        assertThat(taskService.getIdentityLinksForTask(answer.getId())).extracting(IdentityLink::getGroupId).containsExactly("placements-team");
        assertThat(answer.getTenantId()).isEqualTo(council.id());
        assertThat(taskDisplay.text(answer.getId(), "referralSummary")).startsWith("**Answering on behalf of " + emailOnly.getProvider().getName()
                + ", by e-mail.**");
        String teamMember = "pt-" + council.id();
        journeys.as(teamMember, "placements-team", council.id(), () -> taskService.complete(answer.getId(), Map.of(RESPONSE, "OFFER",
                WEEKLY_FEE, 880.0, START_DATE, LocalDate.now().plusDays(2).toString(), NAMED_CARER_OR_HOME, "Carers Mr and Mrs Lee",
                HOW_NEEDS_MET, "As the provider wrote in its e-mail of today")));
        ProviderReferral answered = providerReferrals.findById(pr.getId()).orElseThrow();
        assertThat(answered.getStatus()).isEqualTo(ProviderReferral.Status.OFFERED);
        assertThat(answered.getRespondedBy()).isEqualTo(teamMember);
        assertThat(answered.getRespondedAt()).isNotNull();
        DecisionRecord recorded = decisionRecords.ofReferral(r.getId()).stream()
                .filter(d -> d.getKind().equals("PROVIDER_RESPONSE")).findFirst().orElseThrow();
        assertThat(recorded.getDecidedBy()).isEqualTo(teamMember);
        assertThat(recorded.getReason()).contains("answered by e-mail; entered on the provider's behalf by " + teamMember);
    }

    @Test
    void shouldRecordAnAddressTheMailServerRefusesAgainstThatProviderAloneAndSendTheRestOnceThroughAnOutage() throws Exception {
        String gone = "old-referrals@closed-mailbox.example.org";
        String good = "referrals@lighthouse.example.org";
        CareService refused = noStaff("Gone Away Fostering", gone);
        CareService emailed = noStaff("Lighthouse Fostering", good);
        CareService withStaff = journeys.independent(council, council.id(), PlacementType.FOSTER, 910, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 9), "URGENT", PlacementType.FOSTER, 8, null);
        ProcessInstance search = journeys.toExternalSearch(r);
        mail.reset();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(search.getId())
                .activityId(TASK_SEND_TO_PROVIDERS).singleResult().getId());

        // every referral is recorded, and the provider with staff has its task, before any e-mail goes
        List<ProviderReferral> all = providerReferrals.findByReferralIdOrderByIdAsc(r.getId());
        assertThat(all).extracting(ProviderReferral::getProviderId).containsExactlyInAnyOrder(refused.getProvider().getId(),
                emailed.getProvider().getId(), withStaff.getProvider().getId());
        Task staffTask = taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey(TASK_RESPOND_TO_REFERRAL).singleResult();
        assertThat(taskService.getIdentityLinksForTask(staffTask.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly(withStaff.getProvider().candidateGroup());
        List<Job> emails = emailJobs(search);
        assertThat(emails).hasSize(2);
        Job toGone = emails.stream().filter(j -> providerReferralOf(j).equals(byProvider(all, refused).getId())).findFirst().orElseThrow();
        Job toGood = emails.stream().filter(j -> !j.getId().equals(toGone.getId())).findFirst().orElseThrow();

        // the mail server down while the good address's e-mail goes: that step alone fails, to be retried
        mail.outage(() -> assertThatThrownBy(() -> managementService.executeJob(toGood.getId())).isNotNull());
        assertThat(byProvider(providerReferrals.findByReferralIdOrderByIdAsc(r.getId()), emailed).getEmailedAt()).isNull();
        // the refused address: recorded against that one provider referral, and the search goes on
        mail.refusing(gone, () -> managementService.executeJob(toGone.getId()));
        // the mail server back: the retry sends the e-mail not yet sent
        managementService.executeJob(toGood.getId());
        journeys.runDueJobsOfTree(search.getRootProcessInstanceId());
        assertThat(emailJobs(search)).isEmpty();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(search.getId()).count()).isZero();

        List<ProviderReferral> after = providerReferrals.findByReferralIdOrderByIdAsc(r.getId());
        ProviderReferral notDelivered = byProvider(after, refused);
        assertThat(notDelivered.getEmailedAt()).isNull();
        assertThat(notDelivered.getEmailFailure()).startsWith("Not delivered to " + gone + ": 550 5.1.1");
        assertThat(notDelivered.getStatus()).isEqualTo(ProviderReferral.Status.SENT);
        assertThat(byProvider(after, emailed).getEmailedAt()).isNotNull();
        assertThat(byProvider(after, emailed).getEmailFailure()).isNull();
        assertThat(receivedAt(good)).as("sent once, through the outage and its retry").hasSize(1);
        assertThat(receivedAt(gone)).isEmpty();
        assertThat(decisionRecords.ofReferral(r.getId())).filteredOn(d -> d.getKind().equals("PROVIDER_REFERRAL"))
                .singleElement().satisfies(d -> assertThat(d.getOutcome()).isEqualTo("NOT DELIVERED to provider " + refused.getProvider().getId()));

        // three answering tasks: the provider's own, and the placements team's for each e-mailed one, the refused one saying so
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey(TASK_RESPOND_TO_REFERRAL).list();
        assertThat(tasks).hasSize(3);
        List<String> summaries = tasks.stream().map(t -> taskDisplay.text(t.getId(), "referralSummary")).toList();
        assertThat(summaries).filteredOn(t -> t.contains(refused.getProvider().getName())).singleElement().asString()
                .contains("**The referral was not delivered:** Not delivered to " + gone).contains("The provider has not been told of it");
        assertThat(summaries).filteredOn(t -> t.contains(emailed.getProvider().getName())).singleElement().asString()
                .contains("The referral was e-mailed to " + good);

        // its deadline passes unanswered: the case reads that the referral never reached it, not that it kept silent
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(notDelivered.getDeadline().plusSeconds(60)));
            journeys.runDueJobsOfTree(search.getRootProcessInstanceId());
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(providerReferrals.findById(notDelivered.getId()).orElseThrow().getStatus()).isEqualTo(ProviderReferral.Status.NO_RESPONSE);
        assertThat(timeline.of(r).events()).filteredOn(e -> e.kind().equals("NO_RESPONSE")).extracting(ReferralTimeline.Event::what)
                .filteredOn(what -> what.startsWith(refused.getProvider().getName() + " ("))
                .singleElement().asString().endsWith(" was never reached: " + notDelivered.getEmailFailure());
    }

    static ProviderReferral byProvider(List<ProviderReferral> all, CareService service) {
        return all.stream().filter(pr -> pr.getProviderId().equals(service.getProvider().getId())).findFirst().orElseThrow();
    }
}
