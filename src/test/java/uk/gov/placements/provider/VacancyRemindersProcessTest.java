package uk.gov.placements.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.placements.provider.VacancyRemindersProcess.*;

import jakarta.mail.internet.InternetAddress;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.notification.NotificationFixtures;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.TestMailServer;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.notification.Notification;

/** The monthly reminder: one timer for the register, and on its day an e-mail to each provider whose figures are stale, only those. */
@IntegrationTest
class VacancyRemindersProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Journeys journeys;
    @Autowired ProviderService providerService;
    @Autowired CareServiceRepository services;
    @Autowired NotificationFixtures notifications;
    @Autowired TestMailServer mail;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void clock(LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ZoneId.of("Europe/London")).toInstant()));
    }

    Job timer() {
        List<Job> timers = managementService.createJobQuery().processDefinitionKey(KEY).timers().list();
        assertThat(timers).as("one monthly timer for the whole register").hasSize(1);
        return timers.get(0);
    }

    @Test
    void shouldDeployOneTimerThatANodeStartingAgainDoesNotDuplicate() throws Exception {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
        Job before = timer();
        // what a second node (or a restart) does: the same resources deployed again under the same name, changed ones only
        Deployment deployed = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        var again = repositoryService.createDeployment().name(deployed.getName()).source(deployed.getSource()).enableDuplicateFiltering(true);
        for (String resource : repositoryService.getDeploymentResourceNames(deployed.getId())) {
            try (InputStream in = repositoryService.getResourceAsStream(deployed.getId(), resource)) {
                again.addInputStream(resource, new java.io.ByteArrayInputStream(in.readAllBytes()));
            }
        }
        again.deploy();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId())
                .isEqualTo(definition.getId());
        assertThat(timer().getId()).isEqualTo(before.getId());
        assertThat(before.getDuedate().toInstant().atZone(ZoneId.systemDefault())).satisfies(due -> {
            assertThat(due.getDayOfMonth()).isEqualTo(1);
            assertThat(due.getHour()).isEqualTo(9);
        });
    }

    @Test
    void shouldEmailOnlyTheProvidersWhoseFiguresAreOlderThanFourteenDaysAndOnlyOnceAMonth() throws Exception {
        clock(LocalDateTime.of(2027, 5, 20, 10, 0));
        Journeys.Council far = journeys.newCouncil();
        long n = System.nanoTime() % 1_000_000;
        Provider fresh = provider("Fresh Homes " + n, "rem-fresh-" + n);
        Provider stale = provider("Stale Homes " + n, "rem-stale-" + n);
        Provider never = provider("Never Confirmed Homes " + n, "rem-never-" + n);
        Provider unreachable = providerService.create(new ProviderService.NewProvider("Nobody's Homes " + n, "INDEPENDENT", "PRIVATE", null, null, "GOOD"));
        services.save(journeys.service(fresh, far.id(), PlacementType.CHILDRENS_HOME, 4000, 3, far.lat(), far.lon())
                .vacancies(2, ClockUtil.getCurrentTime().toInstant()));   // 20/05: 12 days old on 01/06
        services.save(journeys.service(stale, far.id(), PlacementType.CHILDRENS_HOME, 4000, 3, far.lat(), far.lon())
                .vacancies(1, LocalDateTime.of(2027, 5, 17, 16, 0).atZone(ZoneId.of("Europe/London")).toInstant()));   // 15 days
        journeys.service(never, far.id(), PlacementType.CHILDRENS_HOME, 4000, 3, far.lat(), far.lon());
        journeys.service(unreachable, far.id(), PlacementType.CHILDRENS_HOME, 4000, 3, far.lat(), far.lon());
        mail.reset();

        clock(LocalDateTime.of(2027, 6, 1, 9, 0));
        ProcessInstance pi = fire();
        assertThat(pi).isWaitingAt(TASK_REMIND_STALE_PROVIDERS);
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_REMIND_STALE_PROVIDERS).isEnded();

        assertThat(notifications.toProvider(fresh.getId())).as("a figure 12 days old is fresh").isEmpty();
        assertThat(notifications.toProvider(unreachable.getId())).as("nobody to e-mail: nothing said to be sent").isEmpty();
        for (Provider p : List.of(stale, never)) {
            List<Notification> told = notifications.toProvider(p.getId());
            assertThat(told).singleElement().satisfies(note -> {
                assertThat(note.getStatus()).isEqualTo(Notification.Status.SENT);
                assertThat(note.getSentAt()).isNotNull();
                assertThat(note.getAddress()).startsWith("rem-").endsWith("@provider.example.org");
                assertThat(note.getSubject()).isEqualTo("Please confirm your vacancies (June 2027)");
                assertThat(note.getPlacementId()).isNull();
            });
        }
        Set<String> to = recipients();
        assertThat(to).contains("rem-stale-" + n + "@provider.example.org", "rem-never-" + n + "@provider.example.org")
                .doesNotContain("rem-fresh-" + n + "@provider.example.org");
        String text = mail.received().stream().filter(m -> recipientsOf(m).contains("rem-stale-" + n + "@provider.example.org")).findFirst()
                .orElseThrow().getContent().toString();
        assertThat(text).contains("Stale Homes " + n + " CHILDRENS_HOME: 1 as of 17/05/2027").contains("/vacancies.html");

        // the next month's timer is waiting; the same month again (a retry, or a second run) sends nothing twice
        assertThat(timer().getDuedate()).isAfter(ClockUtil.getCurrentTime());
        int received = mail.received().size();
        ProcessInstance again = fire();
        journeys.runDueJobsOf(again.getId());
        assertThat(again).isEnded();
        assertThat(notifications.toProvider(stale.getId())).hasSize(1);
        assertThat(mail.received()).hasSize(received);
    }

    Provider provider(String name, String user) {
        Provider p = providerService.create(new ProviderService.NewProvider(name, "INDEPENDENT", "PRIVATE", null, null, "GOOD"));
        providerService.addUser(p.getId(), new ProviderService.NewProviderUser(user, "Rem", "Inder", user + "@provider.example.org",
                "reminder-test-pass"));
        return p;
    }

    /** The timer fires: the process instance it started, waiting at its async step. */
    ProcessInstance fire() {
        Set<String> before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
        managementService.executeJob(timer().getId());
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
                .filter(pi -> !before.contains(pi.getId())).findFirst().orElseThrow();
    }

    Set<String> recipients() {
        return mail.received().stream().flatMap(m -> recipientsOf(m).stream()).collect(Collectors.toSet());
    }

    static List<String> recipientsOf(jakarta.mail.internet.MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
