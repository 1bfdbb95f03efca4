package uk.gov.placements.tasklist;



import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.iro.IroDispute;
import uk.gov.placements.iro.IroDisputes;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.notification.Notification;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralFixtures;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.referral.search.PlacementSearchProcess;

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
    @Autowired ReferralService referralService;
    @Autowired ReferralFixtures referralFixtures;
    @Autowired SearchService searchService;
    @Autowired PlacementService placements;
    @Autowired Notifications notifications;
    @Autowired IroDisputes disputes;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;

    @Test
    void shouldReferTriageAndApproveThroughTheTasklistAndHideItFromTheOtherCouncil() throws Exception {
        Child child = children.register(new ChildService.NewChild("Bea", "Browser", LocalDate.now().minusYears(12), "FEMALE", "northshire",
                "NS1 5BB", 53.80, -1.55, "C2"), "northshire");
        String base = "http://localhost:" + port;
        long before = referralFixtures.count();
        children.allocate(child.getId(), "sw1", "iro1");

        try (Browser sw1 = new Browser(base).login("sw1")) {
            sw1.clickText("Start process");
            sw1.clickText("Placement referral");
            // the child is chosen by name among sw1's allocated children, never typed as an id
            sw1.field("Field_existingChildId").click();
            sw1.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.),'Bea Browser, 12')]"));
            // the date picker reads as people in the UK write dates
            assertThat(sw1.field("Field_requiredBy-date").getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
            sw1.field("Field_requiredBy-date").sendKeys(LocalDate.now().plusDays(20).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            sw1.field("Field_completedBy").click();
            sw1.field("Field_placementType-0").click();   // Foster
            sw1.field("Field_essentialNeeds-3").click();  // Emotional behavioural
            sw1.field("Field_completedBy").sendKeys("Sam Worker, social worker");
            sw1.field("Field_knowsChild").click();
            sw1.screenshot("01-sw1-referral-form");
            sw1.click(By.cssSelector(".modal-footer button.btn-primary"));
            // the confirmation gives the new referral's reference and what it now waits on
            String confirmation = sw1.visible(By.id("placements-confirmation")).getText();
            Referral submitted = referralService.referralsOf(child.getId()).stream().findFirst().orElseThrow();
            assertThat(confirmation).contains("referral " + submitted.getReference() + " has started");
            sw1.visible(By.xpath("//*[@id='placements-confirmation']//li[contains(.,'Placements team')]"));
            sw1.screenshot("02-sw1-referral-submitted");
        }
        assertThat(referralFixtures.count()).isEqualTo(before + 1);
        Referral referral = referralService.referralsOf(child.getId()).stream().findFirst().orElseThrow();
        assertThat(referral.getCreatedBy()).isEqualTo("sw1");

        try (Browser pt1 = new Browser(base).login("pt1")) {
            pt1.openFilter("Referrals to triage");
            pt1.openTask("Triage referral — " + referral.getReference());
            pt1.screenshot("03-pt1-triage-task");
            pt1.clickText("Claim");
            pt1.field("Field_triageOutcome-0").click();   // Accept and search
            pt1.screenshot("04-pt1-triage-form");
            pt1.click(By.xpath("//button[normalize-space(.)='Complete']"));
            pt1.visible(By.xpath("//*[@id='placements-confirmation'][contains(.,'Done')]"));
        }
        journeys.runDueJobs();
        // the in-house review and the social worker's choice, through the engine as those users would
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(referral.getReference())
                .taskDefinitionKey(PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).singleResult();
        assertThat(review).as("triage accepted in the browser").isNotNull();
        journeys.as("pt1", "placements-team", "northshire", () -> taskService.complete(review.getId(),
                Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, true, PlacementSearchProcess.RESTRICTION_REASON, "Sister already placed with these carers")));
        journeys.runDueJobs();
        List<PlacementOption> ranked = searchService.optionsOf(referral.getId());
        Task select = taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey(PlacementReferralProcess.TASK_SELECT_PLACEMENT).singleResult();
        journeys.as("sw1", "social-workers", "northshire", () -> taskService.complete(select.getId(),
                Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, ranked.stream().filter(o -> o.getRankPosition() == 1).findFirst().orElseThrow().getId())));

        try (Browser tm1 = new Browser(base).login("tm1")) {
            tm1.openFilter("Placements awaiting my approval");
            tm1.openTask("Approve placement — " + referral.getReference());
            tm1.clickText("Claim");
            tm1.visible(By.xpath("//p[contains(normalize-space(.),'commitment')]"));
            // the options table fits the form at 1,366 px: nothing scrolls sideways
            Object overflow = tm1.driver().executeScript("return [...document.querySelectorAll('.fjs-table-container, .fjs-container')]"
                    + ".some(e => e.scrollWidth > e.clientWidth + 1)");
            assertThat(overflow).as("a table or form wider than its box").isEqualTo(false);
            tm1.assertNoEngineText();
            tm1.screenshot("05-tm1-approval-form");
            tm1.field("Field_approvalDecision-0").click();   // Approve
            tm1.field("Field_approvalReason").sendKeys("Good match; keeps her with her sister");
            tm1.click(By.xpath("//button[normalize-space(.)='Complete']"));
            tm1.visible(By.xpath("//*[@id='placements-confirmation'][contains(.,'Done')]"));
            tm1.assertNoEngineText();
            tm1.screenshot("06-tm1-approved");
            // the placement decision record, as it prints: the record without the page's navigation or buttons
            journeys.runDueJobs();   // the placement is made by the engine's job after the approval
            tm1.open("/case.html?referral=" + referral.getId());
            tm1.visible(By.id("decision-record"));
            assertThat(tm1.pageText()).contains("Approved, by tm1").contains("Good match; keeps her with her sister").contains("£");
            tm1.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(tm1.driver().findElement(By.id("session")).isDisplayed()).isFalse();
            assertThat(tm1.driver().findElement(By.id("print")).isDisplayed()).isFalse();
            assertThat(tm1.driver().findElement(By.id("decision-record")).isDisplayed()).isTrue();
            tm1.screenshot("06b-tm1-decision-record-printed");
            tm1.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        journeys.runDueJobs();
        List<Placement> placed = placements.placementsOf(child.getId());
        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).getApprovedBy()).isEqualTo("tm1");

        // the allocated social worker confirms the letters posted: each becomes SENT, by sw1, only then
        assertThat(notifications.of(placed.get(0).getId())).filteredOn(n -> n.getChannel() == Notification.Channel.LETTER)
                .isNotEmpty().allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notification.Status.PENDING));
        try (Browser sw1 = new Browser(base).login("sw1")) {
            sw1.openFilter("My tasks");
            sw1.openTask("Send notification letters — " + referral.getReference());
            sw1.field("Field_lettersSent-0");   // the task is sw1's already (allocated); the form has drawn its boxes
            List<org.openqa.selenium.WebElement> letters = sw1.driver().findElements(By.cssSelector("input[id*='-Field_lettersSent-']"));
            assertThat(letters).as("a box for each letter").isNotEmpty();
            letters.forEach(org.openqa.selenium.WebElement::click);
            sw1.screenshot("07-sw1-letters-posted");
            sw1.click(By.xpath("//button[normalize-space(.)='Complete']"));
            sw1.visible(By.xpath("//*[@id='placements-confirmation'][contains(.,'Done')]"));
        }
        assertThat(notifications.of(placed.get(0).getId())).filteredOn(n -> n.getChannel() == Notification.Channel.LETTER)
                .allSatisfy(n -> {
                    assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
                    assertThat(n.getSentBy()).isEqualTo("sw1");
                });

        // the IRO's concerns at the first review: the team manager answers, the IRO alone decides, in the Tasklist
        ProcessInstance reviews = runtimeService.createProcessInstanceQuery().processDefinitionKey(IroReviewProcess.KEY)
                .processInstanceBusinessKey("CHILD-" + child.getId()).singleResult();
        journeys.runDueJobsOf(reviews.getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(reviews.getId())
                .activityId(IroReviewProcess.TIMER_CONSULTATION_OPENS).singleResult().getId());
        journeys.as("iro1", "iros", "northshire", () -> {
            for (Task consult : taskService.createTaskQuery().processInstanceId(reviews.getId()).taskDefinitionKeyIn(IroReviewProcess.TASK_CONSULT_CHILD,
                    IroReviewProcess.TASK_CONSULT_PARENTS, IroReviewProcess.TASK_CONSULT_CARERS).list()) {
                taskService.complete(consult.getId(), Map.of("consultedOn", LocalDate.now().toString(), "views", "Happy to stay"));
            }
            Task hold = taskService.createTaskQuery().processInstanceId(reviews.getId()).taskDefinitionKey(IroReviewProcess.TASK_HOLD_REVIEW).singleResult();
            taskService.complete(hold.getId(), Map.of("reviewDecisions", "Placement to continue", IroReviewProcess.REVIEW_OUTCOME, "CONCERNS",
                    IroReviewProcess.CONCERNS, "No school place has been found"));
        });
        try (Browser tm1 = new Browser(base).login("tm1")) {
            tm1.openFilter("My group tasks");
            tm1.openTask("Answer the IRO's concern: team manager (informal) — B.B., 12");
            tm1.clickText("Claim");
            tm1.gone(By.xpath("(//a|//button)[normalize-space(.)='Claim']"));   // the form is drawn again once the task is claimed
            tm1.visible(By.xpath("//*[contains(normalize-space(.),'No school place has been found')]"));
            // the Case tab beside the form leads to the child's whole case, in this same session: no second sign-in
            tm1.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Case']"));
            tm1.followToNewTab(By.xpath("//a[contains(@class,'placements-case-link')][contains(.,'Open the case page')]"));
            tm1.visible(By.id("waiting-on"));
            assertThat(tm1.pageText()).contains("Signed in as").contains("Answer the IRO's concern").contains("Placements")
                    .doesNotContain("CHILDRENS_HOME").doesNotContain("FOSTER");
            assertThat(tm1.pageText()).containsPattern("\\d{2}/\\d{2}/\\d{4}");
            tm1.screenshot("08-tm1-child-case-page");
            tm1.driver().close();
            tm1.driver().switchTo().window(tm1.driver().getWindowHandles().iterator().next());
            tm1.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Form']"));
            tm1.field("Field_disputeAnswer").sendKeys("A place at Northshire Academy from Monday");
            tm1.screenshot("09-tm1-answers-the-iro");
            tm1.click(By.xpath("//button[normalize-space(.)='Complete']"));
            tm1.visible(By.xpath("//*[@id='placements-confirmation'][contains(.,'Done')]"));
        }
        try (Browser iro1 = new Browser(base).login("iro1")) {
            iro1.openFilter("My tasks");
            iro1.openTask("Decide on the team manager's answer — B.B., 12");
            iro1.visible(By.xpath("//*[contains(normalize-space(.),'Northshire Academy')]"));
            iro1.field("Field_disputeDecision-0").click();   // the answer resolves my concern
            iro1.field("Field_disputeDecisionReason").sendKeys("School place confirmed");
            iro1.screenshot("10-iro1-decides");
            iro1.click(By.xpath("//button[normalize-space(.)='Complete']"));
            iro1.visible(By.xpath("//*[@id='placements-confirmation'][contains(.,'Done')]"));
        }
        assertThat(disputes.ofChild(child.getId())).singleElement().satisfies(d -> {
            assertThat(d.getStatus()).isEqualTo(IroDispute.Status.RESOLVED);
            assertThat(d.getSteps().get(0).getAnsweredBy()).isEqualTo("tm1");
            assertThat(d.getClosedBy()).isEqualTo("iro1");
        });

        try (Browser sw2 = new Browser(base).login("sw2")) {
            sw2.openFilter("My group tasks");
            // the filter's list has loaded: its tasks (other tests' tasks of sw2's groups may be there) or the notice that there are none
            sw2.visible(By.xpath("//ol[contains(@class,'tasks-list')] | //*[contains(@class,'well')][contains(normalize-space(.),'No task matching filters found')]"));
            sw2.screenshot("11-sw2-sees-nothing");
            // no end-of-life notice over the Tasklist (hidden by the deployment's user-styles.css)
            assertThat(sw2.pageText()).doesNotContain("migrate to Camunda 8");
            assertThat(sw2.pageText()).doesNotContain(referral.getReference()).doesNotContain("B.B.");
        }
    }

    @Test
    void shouldOpenTheRegisterAndTheCasePageInTheTasklistSessionAndClearThemOnSignOut() throws Exception {
        Child child = children.register(new ChildService.NewChild("Cal", "Casepage", LocalDate.now().minusYears(9), "MALE", "northshire",
                "NS1 5BC", 53.80, -1.55, "C2"), "northshire");
        Referral referral = journeys.refer(child, "URGENT", uk.gov.placements.common.PlacementType.FOSTER, 12, null);
        try (Browser pt1 = new Browser("http://localhost:" + port).login("pt1")) {
            // the referral's page shows what it waits on and its story, without a second sign-in
            pt1.open("/case.html?referral=" + referral.getId());
            pt1.visible(By.id("waiting-on"));
            assertThat(pt1.pageText()).contains("Referral " + referral.getReference()).contains("Triage referral").contains("Placements team")
                    .contains("Urgent").doesNotContain("URGENT").doesNotContain("placements-team");
            pt1.assertNoEngineText();
            pt1.screenshot("12-pt1-referral-case-page");

            pt1.open("/register.html");
            pt1.visible(By.xpath("//*[@id='session'][contains(.,'Signed in as')]"));
            assertThat(pt1.driver().findElements(By.id("password"))).as("no second sign-in").isEmpty();
            new org.openqa.selenium.support.ui.Select(pt1.driver().findElement(By.id("placementType"))).selectByValue("CHILDRENS_HOME");
            pt1.driver().findElement(By.id("need-SEXUAL_EXPLOITATION_RISK")).click();
            pt1.driver().findElement(By.id("need-GOING_MISSING")).click();
            pt1.driver().findElement(By.id("find")).click();
            pt1.visible(By.cssSelector("#results tr.home"));
            pt1.screenshot("13-pt1-register-search");
            // every fact in words and UK formats: no code, no ISO date
            String results = pt1.driver().findElement(By.id("results")).getText();
            assertThat(results).contains("£").doesNotContain("ACCREDITED").doesNotContain("OUTSTANDING").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                    .doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b");
            assertThat(pt1.driver().findElement(By.cssSelector("label:has(#need-SEXUAL_EXPLOITATION_RISK)")).getText()).contains("Risk of sexual exploitation");
            List<String> homes = pt1.driver().findElements(By.cssSelector("#results tr.home td:first-child")).stream()
                    .map(org.openqa.selenium.WebElement::getText).toList();
            assertThat(homes).contains("Oakfield Grange").doesNotContain("Brightwater House", "Greyfield House");
            assertThat(pt1.driver().findElement(By.id("message")).getText())
                    .isEqualTo(homes.size() + (homes.size() == 1 ? " home matches." : " homes match."));

            // signing out clears what the page showed: the next person at the desk sees none of it
            pt1.click(By.id("sign-out"));
            pt1.visible(By.xpath("//*[@id='session'][contains(.,'You are not signed in')]"));
            assertThat(pt1.pageText()).doesNotContain("Oakfield Grange");
            pt1.open("/case.html?referral=" + referral.getId());
            pt1.visible(By.xpath("//*[@id='session'][contains(.,'You are not signed in')]"));
            assertThat(pt1.pageText()).doesNotContain(referral.getReference());
        }

        // a provider's day: the referral to answer, with its deadline as people read it and nothing that names the child
        Child teen = children.register(new ChildService.NewChild("Pia", "Providerwalk", LocalDate.now().minusYears(14), "FEMALE", "northshire",
                "NS1 5BD", 53.80, -1.55, "C2"), "northshire");
        Referral asked = journeys.refer(teen, "PLANNED", uk.gov.placements.common.PlacementType.CHILDRENS_HOME, 12, null,
                uk.gov.placements.common.NeedCode.EMOTIONAL_BEHAVIOURAL);
        Task triage = journeys.only(asked.getProcessInstanceId(), uk.gov.placements.referral.PlacementReferralProcess.TASK_TRIAGE);
        journeys.as("pt1", "placements-team", "northshire", () -> taskService.complete(triage.getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT")));
        journeys.runDueJobs();
        for (Task inHouse : taskService.createTaskQuery().processInstanceBusinessKey(asked.getReference()).taskDefinitionKey(PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).list()) {
            journeys.as("pt1", "placements-team", "northshire", () -> taskService.complete(inHouse.getId(), Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false)));
        }
        journeys.runDueJobs();
        try (Browser prov1 = new Browser("http://localhost:" + port).login("prov1")) {
            prov1.openFilter("Provider: referrals to answer");
            prov1.openTask("Respond to referral — " + asked.getReference());
            prov1.visible(By.xpath("//*[contains(normalize-space(.),'Please answer by')]"));
            assertThat(prov1.pageText()).containsPattern("Please answer by \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContain("Providerwalk").doesNotContain("CHILDRENS_HOME");
            prov1.assertNoEngineText();
            prov1.screenshot("14-prov1-referral-to-answer");
            // the provider's Case tab shows their own part of the referral: asked, and awaited until the deadline
            prov1.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Case']"));
            prov1.visible(By.xpath("//*[contains(@class,'placements-case-tab')]//li[contains(.,'Your answer to the referral')]"));
            assertThat(prov1.pageText()).doesNotContain("Providerwalk");
        }
    }
}
