package uk.gov.placements.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementRepository;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralRepository;
import uk.gov.placements.search.PlacementOption;
import uk.gov.placements.search.PlacementOptionRepository;

/**
 * The referral journey in a real browser through the Camunda Tasklist and its rendered Camunda
 * Forms, as the demo users: sw1 refers, pt1 triages, tm1 approves from "Placements awaiting my
 * approval", and sw2 of the other council sees nothing. Screenshots go to target/screenshots.
 */
@IntegrationTest
class TasklistBrowserTest {
    @LocalServerPort int port;
    @Autowired ChildService children;
    @Autowired Journeys journeys;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ReferralRepository referrals;
    @Autowired PlacementOptionRepository options;
    @Autowired PlacementRepository placements;

    @Test
    void shouldReferTriageAndApproveThroughTheTasklistAndHideItFromTheOtherCouncil() throws Exception {
        Child child = children.register(new ChildService.NewChild("Bea", "Browser", LocalDate.now().minusYears(12), "FEMALE", "northshire",
                "NS1 5BB", 53.80, -1.55, "C2"), "northshire");
        String base = "http://localhost:" + port;
        long before = referrals.count();

        try (Browser sw1 = new Browser(base).login("sw1")) {
            sw1.clickText("Start process");
            sw1.clickText("Placement referral");
            sw1.field("Field_existingChildId").sendKeys(child.getId().toString());
            sw1.field("Field_requiredBy-date").sendKeys(LocalDate.now().plusDays(20).format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            sw1.field("Field_completedBy").click();
            sw1.field("Field_placementType-0").click();   // Foster
            sw1.field("Field_essentialNeeds-3").click();  // Emotional behavioural
            sw1.field("Field_completedBy").sendKeys("Sam Worker, social worker");
            sw1.field("Field_knowsChild").click();
            sw1.screenshot("01-sw1-referral-form");
            sw1.click(By.cssSelector(".modal-footer button.btn-primary"));
            sw1.pause(2000);
            sw1.screenshot("02-sw1-referral-submitted");
        }
        assertThat(referrals.count()).isEqualTo(before + 1);
        Referral referral = referrals.findAll().stream().filter(r -> r.getChild().getId().equals(child.getId())).findFirst().orElseThrow();
        assertThat(referral.getCreatedBy()).isEqualTo("sw1");

        try (Browser pt1 = new Browser(base).login("pt1")) {
            pt1.openFilter("Referrals to triage");
            pt1.openTask("Triage referral — " + referral.getReference());
            pt1.screenshot("03-pt1-triage-task");
            pt1.clickText("Claim");
            pt1.field("Field_triageOutcome-0").click();   // Accept and search
            pt1.screenshot("04-pt1-triage-form");
            pt1.click(By.xpath("//button[normalize-space(.)='Complete']"));
            pt1.pause(2000);
        }
        journeys.runDueJobs();
        // the in-house review and the social worker's choice, through the engine as those users would
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(referral.getReference())
                .taskDefinitionKey("Task_ReviewInHouseOptions").singleResult();
        assertThat(review).as("triage accepted in the browser").isNotNull();
        journeys.as("pt1", "placements-team", "northshire", () -> taskService.complete(review.getId(),
                Map.of("restrictToInHouse", true, "restrictionReason", "Sister already placed with these carers")));
        journeys.runDueJobs();
        List<PlacementOption> ranked = options.findByReferralIdOrderByRankPositionAscIdAsc(referral.getId());
        Task select = taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_SelectPlacement").singleResult();
        journeys.as("sw1", "social-workers", "northshire", () -> taskService.complete(select.getId(),
                Map.of("selectedOptionId", ranked.stream().filter(o -> o.getRankPosition() == 1).findFirst().orElseThrow().getId())));

        try (Browser tm1 = new Browser(base).login("tm1")) {
            tm1.openFilter("Placements awaiting my approval");
            tm1.openTask("Approve placement — " + referral.getReference());
            tm1.clickText("Claim");
            tm1.visible(By.xpath("//p[contains(normalize-space(.),'commitment')]"));
            tm1.screenshot("05-tm1-approval-form");
            tm1.field("Field_approvalDecision-0").click();   // Approve
            tm1.field("Field_approvalReason").sendKeys("Good match; keeps her with her sister");
            tm1.click(By.xpath("//button[normalize-space(.)='Complete']"));
            tm1.pause(2000);
            tm1.screenshot("06-tm1-approved");
        }
        journeys.runDueJobs();
        List<Placement> placed = placements.findByChildIdOrderByStartDateAscIdAsc(child.getId());
        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).getApprovedBy()).isEqualTo("tm1");

        try (Browser sw2 = new Browser(base).login("sw2")) {
            sw2.openFilter("My group tasks");
            sw2.pause(1500);
            sw2.screenshot("07-sw2-sees-nothing");
            assertThat(sw2.pageText()).doesNotContain(referral.getReference()).doesNotContain("B.B.");
        }
    }

    @Test
    void shouldTickNeedsOnTheRegisterPageAndSeeTheMatchingHomes() throws Exception {
        try (Browser page = new Browser("http://localhost:" + port)) {
            page.driver().get("http://localhost:" + port + "/register.html");
            page.visible(By.id("user")).sendKeys("sw1");
            page.driver().findElement(By.id("password")).sendKeys("demo");
            new org.openqa.selenium.support.ui.Select(page.driver().findElement(By.id("placementType"))).selectByValue("CHILDRENS_HOME");
            page.driver().findElement(By.id("need-SEXUAL_EXPLOITATION_RISK")).click();
            page.driver().findElement(By.id("need-GOING_MISSING")).click();
            page.driver().findElement(By.id("find")).click();
            page.visible(By.cssSelector("#results tr.home"));
            page.screenshot("08-register-search");
            List<String> homes = page.driver().findElements(By.cssSelector("#results tr.home td:first-child")).stream()
                    .map(org.openqa.selenium.WebElement::getText).toList();
            assertThat(homes).contains("Oakfield Grange").doesNotContain("Brightwater House", "Greyfield House");
            assertThat(page.driver().findElement(By.id("message")).getText())
                    .isEqualTo(homes.size() + (homes.size() == 1 ? " home matches." : " homes match."));
        }
    }
}
