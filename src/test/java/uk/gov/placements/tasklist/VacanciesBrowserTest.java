package uk.gov.placements.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.provider.ProviderService;

/**
 * Live vacancies in a real browser: the placements team sees in the register how fresh each figure is, a stale one
 * marked; the provider's staff (prov1) correct theirs on "Our homes and vacancies", the page refusing a figure beyond
 * the home's places next to the field; and the register then shows the figure as of today.
 */
@IntegrationTest
class VacanciesBrowserTest {
    static final String COTTAGE = "Brightwater Cottage";
    @LocalServerPort int port;
    @Autowired ProviderService providerService;
    @Autowired Clock clock;
    @Autowired ProviderFixtures providerFixtures;

    CareService cottage() {
        return providerService.allHomes().stream().filter(s -> s.getName().equals(COTTAGE)).findFirst().orElseThrow();
    }

    @Test
    void shouldShowHowFreshEachFigureIsAndLetTheProviderCorrectIts() throws Exception {
        // the demo's stale home: its figure last given three weeks ago
        CareService stale = cottage();
        int places = stale.getPlaces();
        providerFixtures.vacancies(stale, 1, clock.instant().minus(21, ChronoUnit.DAYS));
        String threeWeeksAgo = UkFormat.date(UkTime.today(clock).minusDays(21));
        String today = UkFormat.date(UkTime.today(clock));
        String base = "http://localhost:" + port;

        try (Browser sw1 = new Browser(base).login("sw1")) {
            // a social worker keeps no homes' vacancies: no link (the page itself would refuse them)
            new org.openqa.selenium.support.ui.WebDriverWait(sw1.driver(), java.time.Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.xpath("//*[@data-placements-vacancies='none']")).size() == 1);
            assertThat(sw1.driver().findElements(By.id("placements-vacancies-link"))).isEmpty();
        }
        try (Browser pt1 = new Browser(base).login("pt1")) {
            pt1.visible(By.id("placements-vacancies-link"));
            assertThat(cottageInTheRegister(pt1)).contains("1 as of " + threeWeeksAgo).contains("Not confirmed in the last 14 days");
            pt1.screenshot("15-pt1-register-stale-vacancies");
        }

        try (Browser prov1 = new Browser(base).login("prov1")) {
            // found from the Tasklist, beside Start process, in the same session
            prov1.followToNewTab(By.id("placements-vacancies-link"));
            prov1.visible(By.cssSelector("#homes tr.home"));
            List<String> homes = prov1.driver().findElements(By.cssSelector("#homes tr.home td:first-child")).stream().map(WebElement::getText).toList();
            assertThat(homes).as("Brightwater's homes only").containsExactlyInAnyOrder("Brightwater House", COTTAGE);
            WebElement row = row(prov1);
            assertThat(row.getText()).contains(threeWeeksAgo).contains("Not confirmed in the last 14 days").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
            // the figure has a label a screen reader reads, and a refusal stands next to it
            WebElement input = prov1.driver().findElement(By.cssSelector("label[for='vacancies-" + stale.getId() + "']"));
            assertThat(input.getAttribute("textContent")).isEqualTo("Vacancies at " + COTTAGE);
            WebElement figure = prov1.driver().findElement(By.id("vacancies-" + stale.getId()));
            figure.clear();
            figure.sendKeys(String.valueOf(places + 5));
            row.findElement(By.xpath(".//button[normalize-space(.)='Save']")).click();
            WebElement error = prov1.visible(By.id("vacancies-" + stale.getId() + "-error"));
            assertThat(error.getText()).isEqualTo("Vacancies must be between 0 and " + places);
            assertThat(figure.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(cottage().getVacancies()).as("nothing written").isEqualTo(1);
            prov1.screenshot("16-prov1-vacancies-refused");

            figure.clear();
            figure.sendKeys("0");
            row.findElement(By.xpath(".//button[normalize-space(.)='Save']")).click();
            prov1.visible(By.xpath("//*[@id='message'][contains(.,'Saved')]"));
            WebElement saved = row(prov1);
            assertThat(saved.getText()).contains(today).doesNotContain("Not confirmed");
            assertThat(prov1.driver().findElement(By.id("message")).getText()).isEqualTo("Saved: " + COTTAGE + " has 0 vacancies as of " + today + ".");
            prov1.assertNoEngineText();
            prov1.screenshot("17-prov1-vacancies-saved");
        }
        CareService now = cottage();
        assertThat(now.getVacancies()).isZero();
        assertThat(now.vacanciesAsOf()).isEqualTo(UkTime.today(clock));

        // given back as it was, as of today: the register finds it again, fresh
        try (Browser prov1 = new Browser(base).login("prov1")) {
            prov1.open("/vacancies.html");
            WebElement figure = prov1.visible(By.id("vacancies-" + stale.getId()));
            figure.clear();
            figure.sendKeys("1");
            row(prov1).findElement(By.xpath(".//button[normalize-space(.)='Save']")).click();
            prov1.visible(By.xpath("//*[@id='message'][contains(.,'Saved')]"));
        }
        try (Browser pt1 = new Browser(base).login("pt1")) {
            assertThat(cottageInTheRegister(pt1)).contains("1 as of " + today).doesNotContain("Not confirmed");
        }
    }

    WebElement row(Browser b) {
        return b.visible(By.xpath("//table[@id='homes']//tr[td[1][normalize-space(.)='" + COTTAGE + "']]"));
    }

    /** The register's vacancies cell of the cottage, found by a search for a child with autism near Leeds. */
    String cottageInTheRegister(Browser pt1) {
        pt1.open("/register.html");
        pt1.visible(By.xpath("//*[@id='session'][contains(.,'Signed in as')]"));
        new Select(pt1.driver().findElement(By.id("placementType"))).selectByValue("CHILDRENS_HOME");
        pt1.driver().findElement(By.id("need-AUTISM")).click();
        pt1.driver().findElement(By.id("find")).click();
        return pt1.visible(By.xpath("//table[@id='results']//tr[td[1][normalize-space(.)='" + COTTAGE + "']]/td[contains(@class,'vacancies')]")).getText();
    }
}
