package uk.gov.placements.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.placement.PlacementFixtures;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.iro.IroReview;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;

/**
 * The SSDA903 return, table by table, built from the records of a child's care and checked against the DfE's
 * validation rules the product's data can break ({@link Ssda903Rules}); and each demo council's return obeys them all.
 */
@IntegrationTest
class Ssda903ReturnTest {
    static final int YEAR = 2025;   // 1 April 2025 to 31 March 2026
    @Autowired Ssda903Return ssda903;
    @Autowired Clock clock;
    @Autowired Journeys journeys;
    @Autowired ChildService childService;
    @Autowired PlacementFixtures placements;
    @Autowired PlacementService placementService;
    @Autowired IroReviewService reviews;
    @Autowired TestRestTemplate http;

    static LocalDate d(String ddmmyyyy) {
        return LocalDate.parse(ddmmyyyy, Ssda903Rules.STRICT);
    }

    /** A child of a new council with the header the 903 needs (ethnicity). */
    Child child(Journeys.Council council, int age) {
        Child c = journeys.child(council, age);
        return childService.recordSsda903(c.getId(), new ChildService.Ssda903Details("WBRI", null, false, null, null, null));
    }

    Placement placement(Child child, String place, String provider, String postcode, String urn, LocalDate start, String reasonPlaceChange) {
        return placements.save(PlacementFixtures.of(null, child.getId(), child.getCouncil(), PlacementType.FOSTER, start)
                .at(null, null, false, BigDecimal.valueOf(900), 3.0, child.getPostcode(), postcode, urn)
                .codes(place, provider, reasonPlaceChange)
                .approval("tm1", "team-managers", Instant.now(), "test").planDue(start.plusDays(5)));
    }

    void end(Placement p, String on, String rec, String reasonPlaceChange) {
        placements.ended(p, d(on), rec, reasonPlaceChange);
    }

    Ssda903Rules.Tables tables(String council, int year) throws Exception {
        return new Ssda903Rules.Tables(rows("header", council, year), rows("episodes", council, year), rows("reviews", council, year),
                rows("uasc", council, year), rows("missing", council, year));
    }

    List<CSVRecord> rows(String table, String council, int year) throws Exception {
        Ssda903Return.Table t = ssda903.table(table, council, year);
        StringBuilder csv = new StringBuilder(String.join(",", t.columns())).append('\n');
        t.rows().forEach(r -> csv.append(String.join(",", r.stream().map(v -> v.contains(",") ? "\"" + v + "\"" : v).toList())).append('\n'));
        return Ssda903Rules.parse(csv.toString());
    }

    @Test
    void shouldWriteAnEpisodePerChangeTheReturnCountsWithTheValuesOfItsOwnDay() throws Exception {
        Journeys.Council council = journeys.newCouncil();
        Child child = child(council, 12);
        // legal status C2 from the first day; C1 from 1 June; E1 from 1 October
        childService.changeStatus(child.getId(), new ChildService.StatusChange("C2", "N1", d("10/04/2025")));
        childService.changeStatus(child.getId(), new ChildService.StatusChange("C1", "N1", d("01/06/2025")));
        childService.changeStatus(child.getId(), new ChildService.StatusChange("E1", "N2", d("01/10/2025")));
        Placement first = placement(child, "U4", "PR1", "NS1 1AA", "SC000001", d("10/04/2025"), null);
        end(first, "01/08/2025", "X1", "CARPL");
        Placement second = placement(child, "U1", "PR1", "NS1 2BB", "SC000002", d("01/08/2025"), null);
        // a new record of the same place the 903 cannot tell apart (the same carers, postcode and URN): no new episode
        end(second, "01/09/2025", "X1", "OTHER");
        Placement same = placement(child, "U1", "PR1", "NS1 2BB", "SC000002", d("01/09/2025"), null);
        end(same, "01/10/2025", "X1", "CHILD");
        Placement third = placement(child, "R1", "PR4", "NS2 3CC", "SC000003", d("01/10/2025"), null);
        end(third, "01/02/2026", "E13", null);

        List<Ssda903Return.Episode> episodes = ssda903.episodes(council.id(), Ssda903Return.yearStart(YEAR), Ssda903Return.yearEnd(YEAR));
        assertThat(episodes).extracting(e -> String.join(" ", Ssda903Return.date(e.start()), e.reasonNewEpisode(), e.legalStatus(),
                e.categoryOfNeed(), e.place(), Ssda903Return.date(e.end()), String.valueOf(e.reasonEpisodeCeased()),
                String.valueOf(e.reasonPlaceChange()))).containsExactly(
                "10/04/2025 S C2 N1 U4 01/06/2025 X1 null",      // legal status changed: ended X1, no place change
                "01/06/2025 L C1 N1 U4 01/08/2025 X1 CARPL",     // the move's reason on the episode that ended with it
                "01/08/2025 P C1 N1 U1 01/10/2025 X1 CHILD",     // 1 September changed nothing the 903 counts
                "01/10/2025 T E1 N2 R1 01/02/2026 E13 null");    // moved and legal status changed the same day; left care
        assertThat(Ssda903Rules.allBroken(Ssda903Rules.check(tables(council.id(), YEAR)))).isEmpty();
    }

    @Test
    void shouldLeaveAnEpisodeOpenThatEndsAfterTheYearAndStartANewPeriodOnComingBack() throws Exception {
        Journeys.Council council = journeys.newCouncil();
        Child child = child(council, 10);
        childService.changeStatus(child.getId(), new ChildService.StatusChange("C2", "N4", d("01/03/2025")));
        Placement before = placement(child, "U4", "PR1", "NS1 1AA", "SC000011", d("01/03/2025"), null);
        end(before, "01/05/2025", "E4A", null);   // began before the year, left care in it
        Placement back = placement(child, "U4", "PR1", "NS1 1AA", "SC000011", d("01/09/2025"), null);
        end(back, "15/04/2026", "E13", null);     // still looked after on 31 March
        List<CSVRecord> episodes = rows("episodes", council.id(), YEAR);
        assertThat(episodes).extracting(r -> r.get("DECOM") + " " + r.get("RNE") + " " + r.get("DEC") + " " + r.get("REC"))
                .containsExactly("01/03/2025 S 01/05/2025 E4A", "01/09/2025 S  ");
        assertThat(Ssda903Rules.allBroken(Ssda903Rules.check(tables(council.id(), YEAR)))).isEmpty();
    }

    @Test
    void shouldReportHeaderReviewsMissingAndUascAsRecorded() throws Exception {
        Journeys.Council council = journeys.newCouncil();
        Child child = child(council, 15);
        childService.changeStatus(child.getId(), new ChildService.StatusChange("C2", "N1", d("01/05/2025")));
        childService.recordSsda903(child.getId(), new ChildService.Ssda903Details("BAFR", "UN2", true, d("01/12/2025"), false, null));
        Placement p = placement(child, "R1", "PR4", "NS2 3CC", "SC000021", d("01/05/2025"), null);
        reviews.recordHeld(new IroReview(child.getId(), council.id(), 1, d("30/05/2025"), null), d("29/05/2025"), "iro1", "Plan endorsed",
                "ENDORSED", "PN1");
        journeys.as("sw1", "social-workers", council.id(), () -> placementService.reportMissing(p.getId(),
                new PlacementService.MissingReport("MISSING", d("03/06/2025"), d("04/06/2025"))));
        placementService.reportMissing(p.getId(), new PlacementService.MissingReport("AWAY", d("10/07/2025"), null));

        Ssda903Rules.Tables t = tables(council.id(), YEAR);
        assertThat(t.header()).singleElement().satisfies(h -> {
            assertThat(h.get("SEX")).isEqualTo("2");
            assertThat(h.get("DOB")).isEqualTo(Ssda903Return.date(child.getDateOfBirth()));
            assertThat(h.get("ETHNIC")).isEqualTo("BAFR");
            assertThat(h.get("UPN")).isEqualTo("UN2");
            assertThat(h.get("MOTHER")).isEqualTo("0");
        });
        assertThat(t.reviews()).extracting(r -> r.get("REVIEW") + " " + r.get("REVIEW_CODE")).containsExactly("29/05/2025 PN1");
        assertThat(t.missing()).extracting(r -> r.get("MISSING") + " " + r.get("MIS_START") + " " + r.get("MIS_END"))
                .containsExactly("M 03/06/2025 04/06/2025", "A 10/07/2025 ");
        assertThat(t.uasc()).extracting(r -> r.get("DUC")).containsExactly("01/12/2025");
        assertThat(Ssda903Rules.allBroken(Ssda903Rules.check(t))).isEmpty();
    }

    @Test
    void shouldCatchABrokenReturnSoTheRulesCanFail() throws Exception {
        // the rules themselves: a return written the first release's way breaks them
        String episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                + "1,2025-04-10,S,C2,,U4,PR1,2025-08-01,X1,,NS1,NS1 1AA,SC1\n"
                + "1,01/08/2025,P,C2,N1,U4,PR1,,,CARPL,NS1,NS1 1AA,SC1\n";
        var broken = Ssda903Rules.check(new Ssda903Rules.Tables(Ssda903Rules.parse("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,F,2010-01-01,,,,\n"),
                Ssda903Rules.parse(episodes), List.of(), List.of(), List.of()));
        assertThat(broken.get("141")).hasSize(1);
        assertThat(broken.get("147")).hasSize(1);
        assertThat(broken.get("504")).hasSize(1);
        assertThat(broken.get("101")).hasSize(1);
        assertThat(broken.get("102")).hasSize(1);
        assertThat(broken.get("103")).hasSize(1);
        assertThat(broken.get("225")).isNotEmpty();
    }

    @Test
    void shouldGiveEachDemoCouncilAReturnThatObeysEveryCoveredRule() throws Exception {
        int year = uk.gov.placements.common.UkTime.today(clock).minusMonths(3).getYear();
        for (String council : List.of("northshire", "eastmoor")) {
            Ssda903Rules.Tables t = tables(council, year);
            assertThat(t.header()).as(council + " header").isNotEmpty();
            assertThat(t.episodes()).as(council + " episodes").isNotEmpty();
            assertThat(t.reviews()).as(council + " reviews").isNotEmpty();
            assertThat(t.missing()).as(council + " missing").isNotEmpty();
            assertThat(t.uasc()).as(council + " uasc").isNotEmpty();
            assertThat(Ssda903Rules.allBroken(Ssda903Rules.check(t))).as(council).isEmpty();
        }
    }

    @Test
    void shouldServeEachTableToTheCouncilsCommissioningManagersOnly() throws Exception {
        ResponseEntity<String> header = get("cm1", "/api/reports/ssda903/header?council=northshire&year=2026");
        assertThat(header.getStatusCode().value()).as(header.getBody()).isEqualTo(200);
        assertThat(header.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(header.getBody()).startsWith("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB");
        for (String table : Ssda903Return.TABLES) {
            assertThat(get("cm1", "/api/reports/ssda903/" + table + "?council=northshire&year=2026").getStatusCode().value()).as(table).isEqualTo(200);
        }
        assertThat(get("sw1", "/api/reports/ssda903/header?council=northshire&year=2026").getStatusCode().value()).isEqualTo(403);
        assertThat(get("cc1", "/api/reports/ssda903/header?council=northshire&year=2026").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> theirs = get("cm2", "/api/reports/ssda903/header?council=northshire&year=2026");
        ResponseEntity<String> none = get("cm2", "/api/reports/ssda903/header?council=nowhere-shire&year=2026");
        assertThat(theirs.getStatusCode().value()).isEqualTo(400).isEqualTo(none.getStatusCode().value());
        assertThat(theirs.getBody()).isEqualTo(none.getBody());
        assertThat(get("cm1", "/api/reports/ssda903/placements?council=northshire&year=2026").getStatusCode().value()).isEqualTo(404);
        assertThat(get("cm1", "/api/reports/ssda903/header?council=northshire&year=1066").getStatusCode().value()).isEqualTo(400);
    }

    ResponseEntity<String> get(String user, String url) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.set("Accept", "text/csv, application/json");
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
