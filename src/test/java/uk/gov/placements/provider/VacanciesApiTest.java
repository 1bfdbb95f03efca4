package uk.gov.placements.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.audit.DecisionFixtures;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.audit.DecisionRecord;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;

/**
 * Live vacancies: a provider's own staff (or, for a council's own homes, its placements team and commissioning managers)
 * set a home's figure through the API; everybody else is refused, another provider's or council's home answered exactly
 * as a missing one; the figure carries its date, and the register flags it stale after 14 days.
 */
@IntegrationTest
class VacanciesApiTest {
    static final String PASSWORD = "vacancies-test-pass";
    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired Journeys journeys;
    @Autowired ProviderService providerService;
    @Autowired ProviderRepository providers;
    @Autowired CareServiceRepository services;
    @Autowired DecisionFixtures decisions;
    @Autowired PlatformTransactionManager transactions;
    final ObjectMapper json = new ObjectMapper();

    Journeys.Council far;
    Provider own;
    Provider other;
    CareService home;
    CareService othersHome;
    CareService northshireHome;
    String ownUser;
    String otherUser;

    @BeforeEach
    void setUp() {
        clock(LocalDateTime.of(2027, 3, 10, 11, 0));
        far = journeys.newCouncil();
        long n = System.nanoTime() % 1_000_000;
        own = providerService.create(new ProviderService.NewProvider("Vacancy Homes " + n, "INDEPENDENT", "PRIVATE", null, null, "GOOD"));
        other = providerService.create(new ProviderService.NewProvider("Other Homes " + n, "INDEPENDENT", "PRIVATE", null, null, "GOOD"));
        ownUser = "vac-own-" + n;
        otherUser = "vac-other-" + n;
        providerService.addUser(own.getId(), new ProviderService.NewProviderUser(ownUser, "Val", "Vacant", ownUser + "@provider.example.org", PASSWORD));
        providerService.addUser(other.getId(), new ProviderService.NewProviderUser(otherUser, "Oz", "Other", otherUser + "@provider.example.org", PASSWORD));
        // far from every other test's search, so a changed figure moves nobody else's options
        home = journeys.service(own, far.id(), PlacementType.CHILDRENS_HOME, 4000, 3, far.lat(), far.lon(), NeedCode.SELF_HARM);
        othersHome = journeys.service(other, far.id(), PlacementType.CHILDRENS_HOME, 4100, 2, far.lat(), far.lon());
        Provider northshire = providers.save(new Provider("Northshire test homes " + n, ProviderKind.IN_HOUSE, Provider.Sector.PUBLIC, "northshire",
                null, OfstedRating.GOOD, clock.instant()));
        northshireHome = journeys.service(northshire, "northshire", PlacementType.FOSTER, 450, 2, far.lat(), far.lon());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void clock(LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ZoneId.of("Europe/London")).toInstant()));
    }

    ResponseEntity<String> put(String user, String password, CareService s, Object body) {
        return call(user, password, HttpMethod.PUT, "/api/providers/" + s.getProvider().getId() + "/services/" + s.getId() + "/vacancies", body);
    }

    ResponseEntity<String> call(String user, String password, HttpMethod method, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, password);
        return http.exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void shouldNotPutBackARatingThatChangedWhileTheFigureWasBeingKept() {
        // the provider's update loads the home; the register's downgrade commits in between; the update then commits
        new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            CareService loaded = services.findById(home.getId()).orElseThrow();
            TransactionTemplate apart = new TransactionTemplate(transactions);
            apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            apart.executeWithoutResult(inner -> services.findById(home.getId()).orElseThrow()
                    .rated(OfstedRating.INADEQUATE, LocalDate.of(2027, 3, 9)));
            loaded.vacancies(1, Instant.now());
        });
        CareService after = services.findById(home.getId()).orElseThrow();
        assertThat(after.getVacancies()).isEqualTo(1);
        assertThat(after.registeredRating()).as("the downgrade stands: the figure's update wrote the figure only").isEqualTo(OfstedRating.INADEQUATE);
    }

    @Test
    void shouldLetTheProvidersOwnStaffSetTheFigureWithTodaysDateAndRecordWhoAndWhen() throws Exception {
        assertThat(home.getVacanciesUpdatedAt()).as("a home nobody has confirmed has no date").isNull();
        ResponseEntity<String> answer = put(ownUser, PASSWORD, home, Map.of("vacancies", 1));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode body = json.readTree(answer.getBody());
        assertThat(body.get("vacancies").asInt()).isEqualTo(1);
        assertThat(body.get("vacanciesStale").asBoolean()).isFalse();
        assertThat(body.get("display").get("vacanciesAsOf").asText()).isEqualTo("10/03/2027");
        CareService saved = services.findById(home.getId()).orElseThrow();
        assertThat(saved.getVacancies()).isEqualTo(1);
        assertThat(saved.getVacanciesUpdatedAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
        DecisionRecord record = decisions.all().stream().filter(d -> Vacancies.DECISION_KIND.equals(d.getKind())
                && d.getOutcome().equals("1 home " + home.getId() + " provider " + own.getId())).findFirst().orElseThrow();
        assertThat(record.getDecidedBy()).isEqualTo(ownUser);
        assertThat(record.getDecidedAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
        assertThat(record.getReason()).isEqualTo("Was 3, never confirmed");

        // the page's list: the provider's own homes only
        JsonNode mine = json.readTree(call(ownUser, PASSWORD, HttpMethod.GET, "/api/providers/vacancies", null).getBody());
        assertThat(mine.findValuesAsText("name")).containsExactly(home.getName());
        assertThat(mine.get(0).get("places").asInt()).isEqualTo(3);
    }

    @Test
    void shouldAnswerAnotherProvidersHomeExactlyAsAMissingOne() {
        ResponseEntity<String> others = put(otherUser, PASSWORD, home, Map.of("vacancies", 0));
        ResponseEntity<String> none = call(otherUser, PASSWORD, HttpMethod.PUT,
                "/api/providers/" + own.getId() + "/services/999999999/vacancies", Map.of("vacancies", 0));
        assertThat(others.getStatusCode().value()).isEqualTo(404);
        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(uk.gov.placements.common.BadInputs.idAsWord(others.getBody(), home.getId())).isEqualTo(none.getBody().replace("999999999", "ID"));
        // a home named under the wrong provider is not there either, even for its own staff
        assertThat(call(ownUser, PASSWORD, HttpMethod.PUT, "/api/providers/" + other.getId() + "/services/" + home.getId() + "/vacancies",
                Map.of("vacancies", 0)).getStatusCode().value()).isEqualTo(404);
        assertThat(services.findById(home.getId()).orElseThrow().getVacancies()).isEqualTo(3);
        assertThat(services.findById(home.getId()).orElseThrow().getVacanciesUpdatedAt()).isNull();
    }

    @Test
    void shouldRefuseSocialWorkersAndCouncilStaffForAnIndependentHome() {
        ResponseEntity<String> sw = put("sw1", "demo", home, Map.of("vacancies", 0));
        assertThat(sw.getStatusCode().value()).isEqualTo(403);
        assertThat(put("pt1", "demo", home, Map.of("vacancies", 0)).getStatusCode().value()).as("an independent home is its provider's").isEqualTo(403);
        assertThat(put("sw1", "demo", northshireHome, Map.of("vacancies", 0)).getStatusCode().value()).isEqualTo(403);
        assertThat(call("sw1", "demo", HttpMethod.GET, "/api/providers/vacancies", null).getStatusCode().value()).isEqualTo(403);
        assertThat(services.findById(home.getId()).orElseThrow().getVacancies()).isEqualTo(3);
    }

    @Test
    void shouldLetTheCouncilKeepItsOwnHomesAndAnswerAnotherCouncilAsForNone() throws Exception {
        assertThat(put("pt1", "demo", northshireHome, Map.of("vacancies", 1)).getStatusCode().value()).isEqualTo(200);
        assertThat(put("cm1", "demo", northshireHome, Map.of("vacancies", 2)).getStatusCode().value()).isEqualTo(200);
        assertThat(services.findById(northshireHome.getId()).orElseThrow().getVacancies()).isEqualTo(2);
        assertThat(put("pt2", "demo", northshireHome, Map.of("vacancies", 0)).getStatusCode().value()).as("eastmoor's placements team").isEqualTo(404);
        assertThat(put("cm2", "demo", northshireHome, Map.of("vacancies", 0)).getStatusCode().value()).isEqualTo(404);
        assertThat(put(otherUser, PASSWORD, northshireHome, Map.of("vacancies", 0)).getStatusCode().value()).isEqualTo(404);
        assertThat(services.findById(northshireHome.getId()).orElseThrow().getVacancies()).isEqualTo(2);
        // the council's page lists its own homes, not another council's
        List<String> northshire = json.readTree(call("pt1", "demo", HttpMethod.GET, "/api/providers/vacancies", null).getBody()).findValuesAsText("name");
        List<String> eastmoor = json.readTree(call("pt2", "demo", HttpMethod.GET, "/api/providers/vacancies", null).getBody()).findValuesAsText("name");
        assertThat(northshire).contains(northshireHome.getName(), "Ashgrove House").doesNotContain("Moorview", home.getName());
        assertThat(eastmoor).contains("Moorview").doesNotContain(northshireHome.getName());
    }

    @Test
    void shouldRefuseAFigureThatIsNotAWholeNumberWithinTheHomesPlacesNamingTheField() throws Exception {
        for (Object bad : new Object[] {Map.of("vacancies", 4), Map.of("vacancies", -1), Map.of("vacancies", 1.5), Map.of("vacancies", "two"),
                Map.of(), Map.of("places", 2)}) {
            ResponseEntity<String> answer = put(ownUser, PASSWORD, home, bad);
            assertThat(answer.getStatusCode().value()).as(bad + ": " + answer.getBody()).isEqualTo(400);
            assertThat(answer.getBody()).as(bad.toString()).contains(bad.equals(Map.of("places", 2)) ? "places" : "vacancies");
        }
        assertThat(put(ownUser, PASSWORD, home, Map.of("vacancies", 4)).getBody()).contains("between 0 and 3");
        CareService unchanged = services.findById(home.getId()).orElseThrow();
        assertThat(unchanged.getVacancies()).isEqualTo(3);
        assertThat(unchanged.getVacanciesUpdatedAt()).as("nothing written").isNull();
        assertThat(decisions.all()).noneMatch(d -> Vacancies.DECISION_KIND.equals(d.getKind()) && d.getOutcome().contains("home " + home.getId() + " "));
    }

    @Test
    void shouldShowTheFiguresDateInTheRegisterAndFlagItStaleAfterFourteenDays() throws Exception {
        CareService registered = accredited();
        assertThat(put(ownUser, PASSWORD, registered, Map.of("vacancies", 2)).getStatusCode().value()).isEqualTo(200);
        JsonNode fresh = found(registered);
        assertThat(fresh.get("vacanciesStale").asBoolean()).isFalse();
        assertThat(Instant.parse(fresh.get("vacanciesUpdatedAt").asText())).isEqualTo(ClockUtil.getCurrentTime().toInstant());
        assertThat(fresh.get("display").get("vacancies").asText()).isEqualTo("2 as of 10/03/2027");
        assertThat(fresh.get("display").get("vacanciesStale").asText()).isEmpty();

        clock(LocalDateTime.of(2027, 3, 24, 18, 0));   // 14 days on: still fresh
        assertThat(found(registered).get("vacanciesStale").asBoolean()).isFalse();
        clock(LocalDateTime.of(2027, 3, 25, 8, 0));    // 15 days on: stale
        JsonNode stale = found(registered);
        assertThat(stale.get("vacanciesStale").asBoolean()).isTrue();
        assertThat(stale.get("display").get("vacancies").asText()).isEqualTo("2 as of 10/03/2027");
        assertThat(stale.get("display").get("vacanciesStale").asText()).isEqualTo("Not confirmed in the last 14 days");
    }

    @Test
    void shouldMoveTheFigureAndItsDateWhenAPlacementTakesOrGivesBackAPlace() {
        services.takePlacesAt(home.getId(), 1, clock.instant());
        CareService taken = services.findById(home.getId()).orElseThrow();
        assertThat(taken.getVacancies()).isEqualTo(2);
        assertThat(taken.vacanciesAsOf()).isEqualTo(LocalDate.of(2027, 3, 10));
        clock(LocalDateTime.of(2027, 4, 2, 9, 0));
        services.releasePlaceAt(home.getId(), clock.instant());
        CareService back = services.findById(home.getId()).orElseThrow();
        assertThat(back.getVacancies()).isEqualTo(3);
        assertThat(back.vacanciesAsOf()).isEqualTo(LocalDate.of(2027, 4, 2));
    }

    /** The test's home, accredited and found by the register near its own place on the map. */
    CareService accredited() {
        own.accredit(AccreditationStatus.ACCREDITED, LocalDate.of(2027, 12, 31));
        providers.save(own);
        return services.findById(home.getId()).orElseThrow();
    }

    JsonNode found(CareService s) throws Exception {
        ResponseEntity<String> answer = call("pt1", "demo", HttpMethod.GET, "/api/providers/search?placementType=CHILDRENS_HOME&age=14&latitude="
                + far.lat() + "&longitude=" + far.lon() + "&maxMiles=5", null);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        for (JsonNode h : json.readTree(answer.getBody())) {
            if (h.get("serviceId").asLong() == s.getId()) {
                return h;
            }
        }
        throw new AssertionError("the register did not find " + s.getName() + ": " + answer.getBody());
    }
}
