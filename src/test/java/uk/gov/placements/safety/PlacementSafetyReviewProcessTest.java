package uk.gov.placements.safety;

import uk.gov.placements.audit.Decisions;
import uk.gov.placements.placement.PlacementFixtures;
import uk.gov.placements.common.UkTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.placements.safety.PlacementSafetyReviewProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.TestMailServer;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.iro.IroReview;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.iro.IroReviewFixtures;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.HomeDowngraded;
import uk.gov.placements.provider.OfstedRatings;

/**
 * A home judged inadequate: a review of each child's placement there by the child's allocated social worker, and the
 * child's next IRO review brought forward; children elsewhere are not touched, and a second downgrade starts no second
 * review. On the real delegates and listeners, with the engine clock set.
 */
@IntegrationTest
class PlacementSafetyReviewProcessTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    @Autowired ProcessEngine engine;
    @Autowired Clock clock;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired Journeys journeys;
    @Autowired ChildService childService;
    @Autowired PlacementFixtures placements;
    @Autowired PlacementService placementService;
    @Autowired IroReviewFixtures iroReviews;
    @Autowired IroReviewService iroReviewService;
    @Autowired OfstedRatings ofstedRatings;
    @Autowired PlacementSafetyReviewRepository reviews;
    @Autowired Decisions decisions;
    @Autowired WorkingDays workingDays;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired TestMailServer mail;
    @Autowired TestRestTemplate http;
    @Autowired ProviderService providerService;
    @Autowired ProviderFixtures providerFixtures;
    @Autowired SearchService searchService;

    Journeys.Council council;
    LocalDate today;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        council = journeys.newCouncil();
        // a Wednesday: the review is due the next working day, and the IRO's within 20 working days
        today = LocalDate.of(2026, 11, 4);
        ClockUtil.setCurrentTime(Date.from(today.atTime(10, 0).atZone(LONDON).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /**
     * A child placed in the home, allocated to its own social worker and IRO, whose reviews run with the next one due in
     * about two months (a first review held a month ago: the second is due three months after it).
     */
    Child placedIn(CareService home, String socialWorker) {
        Child child = journeys.child(council, 12);
        childService.becameLookedAfter(child.getId(), today.minusMonths(2));
        childService.allocate(child.getId(), worker(socialWorker, "social-workers"), worker("iro-" + socialWorker, "iros"));
        iroReviewService.recordHeld(new IroReview(child.getId(), council.id(), 1, today.minusMonths(1), null), today.minusMonths(1),
                "iro-" + socialWorker, "Placement to continue", "ENDORSED", "PN1");
        placements.save(PlacementFixtures.of(null, child.getId(), council.id(), PlacementType.CHILDRENS_HOME, today.minusMonths(2))
                .at(home.getId(), home.getProvider().getId(), false, BigDecimal.valueOf(4000), 2.0, "TE1 1ST", "TE2 2ND", null)
                .codes("K2", "PR4", null).approval("tm-" + socialWorker, "team-managers", today.minusMonths(2).atStartOfDay(LONDON).toInstant(),
                        "Test placement").planDue(today.minusMonths(2)));
        ProcessInstance reviewCycle = runtimeService.startProcessInstanceByKey(IroReviewProcess.KEY, IroReviewProcess.businessKey(child.getId()),
                Map.of(IroReviewProcess.CHILD_ID, child.getId(), IroReviewProcess.COUNCIL, council.id()));
        journeys.runDueJobsOf(reviewCycle.getId());
        return child;
    }

    /** A member of staff of the test's council (allocation takes only the council's own social workers and IROs). */
    String worker(String id, String group) {
        if (identityService.createTenantQuery().tenantId(council.id()).count() == 0) {
            identityService.saveTenant(identityService.newTenant(council.id()));
        }
        identityService.saveUser(identityService.newUser(id));
        identityService.createMembership(id, group);
        identityService.createTenantUserMembership(council.id(), id);
        return id;
    }

    IroReview nextReview(Child child) {
        return iroReviews.scheduled(child.getId()).orElseThrow();
    }

    Placement placementOf(Child child) {
        return placementService.placementsOf(child.getId()).get(0);
    }

    List<Task> safetyTasks(Child child) {
        return taskService.createTaskQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(ContractMonitoringProcess.businessKey(placementOf(child).getId())).list();
    }

    void downgradeByHand(CareService home) {
        ofstedRatings.rateByHand(home.getProvider().getId(), home.getId(),
                new OfstedRatings.HandRating("INADEQUATE", today, "Ofsted's report published today: children not safe at night"));
    }

    @Test
    void shouldGiveTheSocialWorkerOfEachChildPlacedThereAReviewAndBringTheIroReviewForward() {
        CareService home = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 4000, OfstedRating.GOOD);
        CareService elsewhere = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 4100, OfstedRating.GOOD);
        Child amy = placedIn(home, "sw-amy-" + council.id());
        Child ben = placedIn(home, "sw-ben-" + council.id());
        Child cal = placedIn(elsewhere, "sw-cal-" + council.id());
        LocalDate timetabled = nextReview(amy).getDueDate();
        assertThat(timetabled).isAfter(workingDays.plus(today, 20));

        downgradeByHand(home);

        for (Child child : List.of(amy, ben)) {
            Task task = safetyTasks(child).stream().findFirst().orElseThrow();
            assertThat(task.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_PLACEMENT_SAFETY);
            assertThat(task.getAssignee()).isEqualTo(childService.find(child.getId()).orElseThrow().getAllocatedSocialWorker());
            assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("social-workers");
            assertThat(task.getTenantId()).isEqualTo(council.id());
            assertThat(task.getName()).startsWith("Review placement safety — " + childService.find(child.getId()).orElseThrow().initials())
                    .doesNotContain("Tess").doesNotContain("Ting");
            assertThat(task.getDueDate()).isEqualTo(Date.from(workingDays.plus(today, 1).atTime(17, 0).atZone(LONDON).toInstant()));
            // the child's name is in no variable of the review
            assertThat(runtimeService.getVariables(task.getProcessInstanceId()).values()).noneMatch(v -> String.valueOf(v).contains("Ting"));
            IroReview next = nextReview(child);
            assertThat(next.getDueDate()).isEqualTo(workingDays.plus(today, 20));
            assertThat(next.isBroughtForward()).isTrue();
        }
        assertThat(safetyTasks(cal)).isEmpty();
        assertThat(nextReview(cal).getDueDate()).isEqualTo(timetabled);

        // the import learns the same judgement afterwards: the reviews already open are not started again
        tx.executeWithoutResult(s -> events.publishEvent(new HomeDowngraded(home.getId(), home.getProvider().getId(), OfstedRating.INADEQUATE,
                OfstedRating.GOOD, today)));
        assertThat(safetyTasks(amy)).hasSize(1);
        assertThat(safetyTasks(ben)).hasSize(1);
        assertThat(reviews.findByChildIdOrderByIdAsc(amy.getId())).hasSize(1);
    }

    @Test
    void shouldRecordTheDecisionWithWhoWhenAndWhyAndTellTeamManagersWhenTheChildMustMove() {
        CareService home = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 4000, OfstedRating.GOOD);
        Child stays = placedIn(home, "sw-stays-" + council.id());
        Child moves = placedIn(home, "sw-moves-" + council.id());
        downgradeByHand(home);

        Task staying = safetyTasks(stays).get(0);
        String staysWorker = staying.getAssignee();
        // no decision, or no reason: refused with the field named, and the task stays open
        assertThatThrownBy(() -> journeys.as(staysWorker, "social-workers", council.id(), () -> taskService.complete(staying.getId(),
                Map.of(SAFETY_DECISION, "CONTINUE")))).hasMessageContaining(SAFETY_REASONS + " is required");
        assertThat(safetyTasks(stays)).hasSize(1);

        journeys.as(staysWorker, "social-workers", council.id(), () -> taskService.complete(staying.getId(),
                Map.of(SAFETY_DECISION, CONTINUE, SAFETY_REASONS, "Seen alone today; the night staffing Ofsted found has been replaced")));
        ProcessInstance stayed = runtimeService.createProcessInstanceQuery().processInstanceId(staying.getProcessInstanceId()).singleResult();
        assertThat(stayed).isNull();
        PlacementSafetyReview stayReview = reviews.findByChildIdOrderByIdAsc(stays.getId()).get(0);
        assertThat(stayReview.getDecision()).isEqualTo(CONTINUE);
        assertThat(stayReview.getDecidedBy()).isEqualTo(staysWorker);
        assertThat(stayReview.getDecidedAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
        assertThat(stayReview.getReasons()).startsWith("Seen alone today");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(staying.getProcessInstanceId())
                .activityId(END_PLACEMENT_CONTINUES).count()).isEqualTo(1);
        // the free text is the product's record, not the engine's
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(staying.getProcessInstanceId())
                .variableName(SAFETY_REASONS).count()).isZero();

        Task moving = safetyTasks(moves).get(0);
        // typed with spaces round it, as a client might send it: recorded MOVE, and routed as MOVE
        journeys.as(moving.getAssignee(), "social-workers", council.id(), () -> taskService.complete(moving.getId(),
                Map.of(SAFETY_DECISION, " " + MOVE + " ", SAFETY_REASONS, "Went missing twice this week; the home cannot keep him safe")));
        ProcessInstance move = runtimeService.createProcessInstanceQuery().processInstanceId(moving.getProcessInstanceId()).singleResult();
        assertThat(move).isWaitingAt(TASK_TELL_TEAM_MANAGERS);
        journeys.runDueJobsOf(move.getId());
        assertThat(move).isEnded().hasPassed(END_CHILD_TO_MOVE);
        // the child's record in the order it was made (a table read without an order comes back in any order on PostgreSQL)
        assertThat(decisions.ofChild(moves.getId())).filteredOn(d -> "PLACEMENT_SAFETY_REVIEW".equals(d.getKind()))
                .extracting(d -> d.getOutcome().split(" ")[0]).containsExactly("STARTED", MOVE, "TEAM_MANAGERS_TOLD");
    }

    /**
     * The mail server down while a home is downgraded, by hand and by Ofsted's list: the rating, the children's safety
     * reviews, the IRO reviews brought forward and the options withdrawn all stand, both answer 200, and each search's
     * record says its placements team could not be e-mailed.
     */
    @Test
    void shouldKeepTheDowngradeAndEverythingItStartsWhenTheMailServerFailsAndRecordThatTheTeamWasNotEmailed() throws Exception {
        ClockUtil.reset();
        today = UkTime.today(clock);
        CareService byHand = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 4000, OfstedRating.GOOD);
        CareService byList = providerFixtures.registered(
                journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 4100, OfstedRating.GOOD),
                "SC9" + String.format("%05d", Integer.parseInt(council.id().replaceAll("\\D", ""))));
        Child amy = placedIn(byHand, "sw-amy-" + council.id());
        Child ben = placedIn(byList, "sw-ben-" + council.id());
        String team = worker("pt-" + council.id(), "placements-team");
        var member = identityService.createUserQuery().userId(team).singleResult();
        member.setEmail(team + "@" + council.id() + ".example.gov.uk");
        identityService.saveUser(member);
        Referral r = journeys.refer(journeys.child(council, 12), "URGENT", PlacementType.CHILDRENS_HOME, 8, null);
        ProcessInstance search = journeys.toExternalSearch(r);
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        journeys.offerAll(search);
        assertThat(searchService.optionsOf(r.getId())).extracting(o -> o.getService().getId())
                .contains(byHand.getId(), byList.getId());

        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("co1", "demo");
        h.setContentType(MediaType.APPLICATION_JSON);
        List<ResponseEntity<String>> answers = new java.util.ArrayList<>();
        mail.outage(() -> answers.add(http.exchange("/api/providers/" + byHand.getProvider().getId() + "/services/" + byHand.getId()
                + "/ofsted-rating", HttpMethod.PUT, new HttpEntity<>(Map.of("rating", "INADEQUATE", "ratingDate", today.toString(),
                "reason", "Ofsted's report published today"), h), String.class)));
        HttpHeaders csv = new HttpHeaders();
        csv.setBasicAuth("cm1", "demo");
        csv.setContentType(MediaType.valueOf("text/csv"));
        String date = today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        mail.outage(() -> answers.add(http.exchange("/api/providers/ofsted-import", HttpMethod.POST, new HttpEntity<>(
                "URN,Provider type,Setting name,Local authority,Registration status,Overall effectiveness,Latest full inspection date,"
                        + "Number of registered places,Postcode,Organisation which owns the provider\n"
                        + byList.getOfstedUrn() + ",Children's home," + byList.getName() + ",Leeds,Active,Inadequate," + date + ",3,TE2 2ND,"
                        + byList.getProvider().getName() + "\n", csv), String.class)));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).as(a.getBody()).isEqualTo(200));
        assertThat(new ObjectMapper().readTree(answers.get(1).getBody()).get("downgraded").asInt()).as(answers.get(1).getBody()).isEqualTo(1);
        for (CareService home : List.of(byHand, byList)) {
            assertThat(providerService.home(home.getId()).getOfstedRating()).isEqualTo(OfstedRating.INADEQUATE);
        }
        for (Child child : List.of(amy, ben)) {
            assertThat(safetyTasks(child)).hasSize(1);
            assertThat(nextReview(child).isBroughtForward()).isTrue();
        }
        assertThat(searchService.optionsOf(r.getId())).filteredOn(o -> o.getService().getId().equals(byHand.getId())
                || o.getService().getId().equals(byList.getId())).hasSize(2).noneMatch(PlacementOption::isSuitable);
        assertThat(decisions.ofReferral(r.getId())).filteredOn(d -> d.getKind().equals("HOME_RATED_INADEQUATE"))
                .extracting(d -> d.getOutcome()).containsExactly("NOT TO BE CHOSEN service " + byHand.getId(), "PLACEMENTS TEAM NOT E-MAILED",
                        "NOT TO BE CHOSEN service " + byList.getId(), "PLACEMENTS TEAM NOT E-MAILED");
    }
}
