package uk.gov.placements.reporting;



import uk.gov.placements.placement.PlacementFixtures;
import uk.gov.placements.common.UkFormat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralNeed;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.tasklist.BrowserAccess;

/** Sufficiency figures checked against a data set computed by hand, in JSON, CSV and on the reports page. */
@IntegrationTest
class SufficiencyReportTest {
    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired Journeys journeys;
    @Autowired PlacementFixtures placements;
    @Autowired ReferralService referralService;
    @Autowired IdentityService identityService;
    @Autowired uk.gov.placements.child.ChildService childService;
    @LocalServerPort int port;
    final ObjectMapper json = new ObjectMapper();

    static final LocalDate FROM = LocalDate.of(2026, 4, 1);
    static final LocalDate TO = LocalDate.of(2027, 3, 31);
    Journeys.Council council;
    String manager;

    /**
     * By hand, for 1 April 2026 to 31 March 2027:
     * child A: foster 400 (1 Apr, 5 mi), foster 500 (1 Sep, 20.0 mi), foster 600 (31 Mar, the last day, 25 mi, out of area, second-best);
     * child B: children's home 4000 (10 Jun, 20.1 mi, independent); child C: children's home 5000 (20 Dec, 3 mi);
     * outside the period: child C's earlier placement (31 Mar 2026) and a placement on 1 Apr 2027.
     * So: 5 started; FOSTER 3, CHILDRENS_HOME 2; in-house 3, independent 2; second-best 1; more than 20 miles 2 (20.0 is not);
     * out of area 1; children with 3 or more placements 1; foster average 500.00 median 500.00; children's home 4500.00 and 4500.00.
     */
    @BeforeEach
    void handComputedDataSet() {
        council = journeys.newCouncil();
        if (identityService.createTenantQuery().tenantId(council.id()).count() == 0) {
            Tenant t = identityService.newTenant(council.id());
            t.setName(council.id());
            identityService.saveTenant(t);
        }
        manager = "cm-" + council.id();
        User u = identityService.newUser(manager);
        u.setPassword("demo");
        u.setEmail(manager + "@example.gov.uk");
        identityService.saveUser(u);
        identityService.createMembership(manager, "commissioning-managers");
        identityService.createTenantUserMembership(council.id(), manager);

        CareService foster = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 400);
        CareService home = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 4000, OfstedRating.GOOD);
        CareService ownHome = journeys.inHouse(council, council.id(), PlacementType.CHILDRENS_HOME, 5000);
        Child a = journeys.child(council, 12);
        // category of need N1 from before the first placement: every episode of child A carries it
        childService.changeStatus(a.getId(), new uk.gov.placements.child.ChildService.StatusChange("C2", "N1", LocalDate.of(2026, 3, 1)));
        Child b = journeys.child(council, 14);
        Child c = journeys.child(council, 15);
        save(a, foster, "2026-04-01", 400, 5.0, false, false);
        save(a, foster, "2026-09-01", 500, 20.0, false, false);
        save(a, foster, "2027-03-31", 600, 25.0, true, true);
        save(b, home, "2026-06-10", 4000, 20.1, false, false);
        save(c, ownHome, "2026-12-20", 5000, 3.0, false, false);
        save(c, ownHome, "2026-03-31", 5000, 3.0, false, false);
        save(b, home, "2027-04-01", 4000, 20.1, false, false);
        Referral gap = new Referral(c, Urgency.URGENT, LocalDate.now().plusDays(5), PlacementType.SECURE_CHILDRENS_HOME, 4, 20,
                List.of(new ReferralNeed(NeedCode.SELF_HARM, true), new ReferralNeed(NeedCode.MENTAL_HEALTH, false)), "sw", clock.instant());
        referralService.seedUnmet(gap, "sw");
    }

    private void save(Child child, CareService s, String start, int fee, double miles, boolean outOfArea, boolean secondBest) {
        placements.save(PlacementFixtures.of(null, child.getId(), council.id(), s.getPlacementType(), LocalDate.parse(start))
                .at(s.getId(), s.getProvider().getId(), s.getProvider().isInHouse(), BigDecimal.valueOf(fee), miles, "TE1 1ST", "TE2 2ND", "SC1")
                .area(outOfArea, false).match(secondBest, secondBest ? "type other than asked" : null, false).codes("U4", "PR1", null)
                .approval("tm1", "team-managers", Instant.now(), "ok").planDue(LocalDate.parse(start).plusDays(7)));
    }

    ResponseEntity<String> get(String user, String url, String accept) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, "demo");
        h.set("Accept", accept);
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(h), String.class);
    }

    String url() {
        return "/api/reports/sufficiency?council=" + council.id() + "&from=" + FROM + "&to=" + TO;
    }

    @Test
    void shouldCountTheHandComputedFiguresExactly() throws Exception {
        ResponseEntity<String> response = get(manager, url(), "application/json");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode r = json.readTree(response.getBody()).get(0);
        assertThat(r.get("placementsStarted").asInt()).isEqualTo(5);
        assertThat(r.get("placementsByType").get("FOSTER").asInt()).isEqualTo(3);
        assertThat(r.get("placementsByType").get("CHILDRENS_HOME").asInt()).isEqualTo(2);
        assertThat(r.get("inHouse").asInt()).isEqualTo(4);
        assertThat(r.get("independent").asInt()).isEqualTo(1);
        assertThat(r.get("secondBest").asInt()).isEqualTo(1);
        assertThat(r.get("ideal").asInt()).isEqualTo(4);
        assertThat(r.get("secondBestReasons").get(0).asText()).isEqualTo("type other than asked");
        assertThat(r.get("moreThan20Miles").asInt()).isEqualTo(2);
        assertThat(r.get("outOfArea").asInt()).isEqualTo(1);
        assertThat(r.get("childrenWithThreeOrMorePlacements").asInt()).isEqualTo(1);
        assertThat(r.get("averageWeeklyCostByType").get("FOSTER").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(r.get("medianWeeklyCostByType").get("FOSTER").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(r.get("averageWeeklyCostByType").get("CHILDRENS_HOME").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(r.get("medianWeeklyCostByType").get("CHILDRENS_HOME").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(r.get("referralsWithNoOptionByNeed").get("SELF_HARM").asInt()).isEqualTo(1);
        assertThat(r.get("referralsWithNoOptionByNeed").get("MENTAL_HEALTH").asInt()).isEqualTo(1);
        assertThat(r.get("referralsWithNoOptionByArea").get("TE1").asInt()).isEqualTo(1);
    }

    @Test
    void shouldExportTheSameFiguresAsCsvAndThe903Episodes() throws Exception {
        JsonNode r = json.readTree(get(manager, url(), "application/json").getBody()).get(0);
        ResponseEntity<String> csv = get(manager, url(), "text/csv");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv.getBody())).getRecords();
        for (CSVRecord row : rows) {
            assertThat(row.get("council")).isEqualTo(council.id());
            JsonNode value = row.get("dimension").isEmpty() ? r.get(row.get("metric")) : r.get(row.get("metric")).get(row.get("dimension"));
            assertThat(value).as(row.get("metric") + " " + row.get("dimension")).isNotNull();
            if (row.get("value").isEmpty()) {
                assertThat(value.isNull()).isTrue();
            } else {
                assertThat(new BigDecimal(row.get("value"))).as(row.get("metric")).isEqualByComparingTo(value.decimalValue());
            }
        }
        assertThat(rows).extracting(x -> x.get("metric")).contains("placementsStarted", "moreThan20Miles", "medianWeeklyCostByType");

        ResponseEntity<String> episodes = get(manager, "/api/reports/ssda903?council=" + council.id() + "&from=" + FROM + "&to=" + TO, "text/csv");
        List<CSVRecord> e = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(episodes.getBody())).getRecords();
        assertThat(e.get(0).getParser().getHeaderNames()).containsExactly("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC",
                "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN");
        assertThat(e).hasSize(6);   // the 5 started in the period, and child C's placement open at its start
        assertThat(e.stream().filter(x -> x.get("PLACE").equals("U4") && x.get("CIN").equals("N1")).count())
                .as("child A's three episodes carry the category of need").isEqualTo(3);
    }

    @Test
    void shouldShowEachCouncilOnlyItsOwnFiguresAndTheConsortiumAllSideBySide() throws Exception {
        // another council's figures are refused exactly as a council that does not exist
        var theirs = get("cm2", url(), "application/json");
        var none = get("cm2", "/api/reports/sufficiency?council=nowhere-shire&from=" + FROM + "&to=" + TO, "application/json");
        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST).isEqualTo(none.getStatusCode());
        assertThat(theirs.getBody()).isEqualTo(none.getBody());
        assertThat(get("sw1", "/api/reports/sufficiency?from=" + FROM + "&to=" + TO, "application/json").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode mine = json.readTree(get("cm2", "/api/reports/sufficiency?council=all&from=" + FROM + "&to=" + TO, "application/json").getBody());
        assertThat(mine.findValuesAsText("council")).containsExactly("eastmoor");
        JsonNode consortium = json.readTree(get("cc1", "/api/reports/sufficiency?council=all&from=" + FROM + "&to=" + TO, "application/json").getBody());
        assertThat(consortium.findValuesAsText("council")).contains("eastmoor", "northshire", council.id());
        assertThat(get("cc1", "/api/children", "application/json").getBody()).isEqualTo("[]");
        ResponseEntity<String> backwards = get(manager, "/api/reports/sufficiency?council=" + council.id() + "&from=" + TO + "&to=" + FROM, "application/json");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldDrawTheChartsWithTheSameNumbersOnTheReportsPage() throws Exception {
        // signed in to the Tasklist once: the reports page uses that session
        try (var page = BrowserAccess.signedIn("http://localhost:" + port, manager)) {
            page.driver().get("http://localhost:" + port + "/reports.html");
            page.visible(By.xpath("//*[@id='session'][contains(.,'Signed in as')]"));
            page.driver().findElement(By.id("council")).sendKeys(council.id());
            page.driver().executeScript("document.getElementById('from').value='" + FROM + "'; document.getElementById('to').value='" + TO + "';");
            page.driver().findElement(By.id("show")).click();
            page.visible(By.cssSelector("td.figure-placementsStarted"));
            page.screenshot("09-reports");
            assertThat(page.driver().findElement(By.cssSelector("td.figure-placementsStarted")).getText()).isEqualTo("5");
            assertThat(page.driver().findElement(By.cssSelector("td.figure-moreThan20Miles")).getText()).isEqualTo("2");
            assertThat(page.driver().findElement(By.cssSelector("td.figure-childrenWithThreeOrMorePlacements")).getText()).isEqualTo("1");
            Object fosterBar = page.driver().executeScript("return Chart.getChart('chart-types').data.datasets[0].data["
                    + "Chart.getChart('chart-types').data.labels.indexOf('" + UkFormat.label(PlacementType.FOSTER) + "')]");
            assertThat(((Number) fosterBar).intValue()).isEqualTo(3);
            Object avgHome = page.driver().executeScript("return Chart.getChart('chart-cost').data.datasets[0].data["
                    + "Chart.getChart('chart-cost').data.labels.indexOf(\"" + UkFormat.label(PlacementType.CHILDRENS_HOME) + "\")]");
            assertThat(((Number) avgHome).doubleValue()).isEqualTo(4500.0);
            // the bars are named in words, and a count axis counts in whole numbers
            Object codes = page.driver().executeScript("return ['chart-types','chart-cost','chart-gaps'].flatMap(id => Chart.getChart(id).data.labels)"
                    + ".filter(l => /^[A-Z_]+$/.test(l))");
            assertThat((List<?>) codes).isEmpty();
            Object precision = page.driver().executeScript("return Chart.getChart('chart-types').options.scales.y.ticks.precision");
            assertThat(((Number) precision).intValue()).isZero();
        }
    }
}
