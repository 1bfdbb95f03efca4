package uk.gov.placements.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import uk.gov.placements.audit.DecisionFixtures;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.audit.DecisionRecord;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;

/**
 * Ofsted's providers and places list, as shipped in its real layout (src/main/resources/ofsted), taken through the API:
 * homes created and rejected lines named, nothing changed the second time, and a downgrade that stops referrals at once.
 */
@IntegrationTest
@RecordApplicationEvents
class OfstedImportTest {
    static final String SAMPLE = "ofsted/providers-and-places-sample.csv";
    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired CareServiceRepository homes;
    @Autowired ProviderRepository providers;
    @Autowired ServiceMatcher matcher;
    @Autowired OfstedRegisterImport ofstedImport;
    @Autowired DecisionFixtures decisions;
    @Autowired ApplicationEvents events;
    @Autowired ScheduledOfstedImport scheduled;
    @Autowired org.springframework.scheduling.config.ScheduledTaskHolder scheduledTasks;
    final ObjectMapper json = new ObjectMapper();

    static String sample() throws Exception {
        return new String(new ClassPathResource(SAMPLE).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    ResponseEntity<String> importAs(String user, String csv) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, "demo");
        h.setContentType(MediaType.valueOf("text/csv"));
        return http.exchange("/api/providers/ofsted-import", HttpMethod.POST, new HttpEntity<>(csv, h), String.class);
    }

    List<String> search(String user, String postcode) throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, "demo");
        ResponseEntity<String> r = http.exchange("/api/providers/search?placementType=CHILDRENS_HOME&age=14&postcode=" + postcode + "&maxMiles=10",
                HttpMethod.GET, new HttpEntity<>(h), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody()).findValuesAsText("name");
    }

    boolean matchedForAReferral(CareService home) {
        return matcher.independent(new ServiceMatcher.Criteria(PlacementType.CHILDRENS_HOME, 14, 1, Set.of(), Set.of(),
                home.getLatitude(), home.getLongitude(), 5.0)).stream().anyMatch(m -> m.service().getId().equals(home.getId()));
    }

    /** A home the import created, given what a provider gives later (vacancies) and an accreditation, so searches find it. */
    CareService inTheRegister(String urn) {
        CareService home = homes.findByOfstedUrn(urn).orElseThrow();
        homes.releasePlaceAt(home.getId(), clock.instant());
        homes.releasePlaceAt(home.getId(), clock.instant());
        Provider p = home.getProvider();
        p.accredit(AccreditationStatus.ACCREDITED, LocalDate.now().plusMonths(6));
        providers.save(p);
        return homes.findById(home.getId()).orElseThrow();
    }

    @Test
    void shouldCreateHomesOnceNameBadLinesAndStopReferralsToADowngradedHome() throws Exception {
        long providersBefore = providers.count();
        ResponseEntity<String> first = importAs("cm1", sample());
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode counts = json.readTree(first.getBody());
        assertThat(counts.get("created").asInt()).isEqualTo(16);
        assertThat(counts.get("updated").asInt()).isZero();
        assertThat(counts.get("downgraded").asInt()).isZero();
        assertThat(counts.get("unchanged").asInt()).isZero();
        JsonNode rejected = counts.get("rejected");
        assertThat(rejected.findValuesAsText("line")).containsExactly("15", "16", "17", "21");
        assertThat(rejected.findValuesAsText("field")).containsExactly("URN", "Overall effectiveness", "Postcode", "Number of registered places");
        assertThat(rejected.get(3).get("reason").asText()).isEqualTo("Number of registered places must be a whole number, not 'four'");
        assertThat(providers.count()).as("one provider per owner, Meadowbank's three homes under one").isEqualTo(providersBefore + 11);

        CareService meadowbank = homes.findByOfstedUrn("SC880001").orElseThrow();
        assertThat(meadowbank.getName()).isEqualTo("Meadowbank House");
        assertThat(meadowbank.getProvider().getName()).isEqualTo("Meadowbank Care Ltd");
        assertThat(meadowbank.getProvider().getAccreditationStatus()).isEqualTo(AccreditationStatus.NOT_ACCREDITED);
        assertThat(meadowbank.getOfstedRating()).isEqualTo(OfstedRating.GOOD);
        assertThat(meadowbank.getOfstedRatingDate()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(meadowbank.getLocalAuthority()).as("Ofsted's name, kept as its ONS code").isEqualTo("E08000035");
        assertThat(homes.findByProviderId(meadowbank.getProvider().getId())).extracting(CareService::getOfstedUrn)
                .containsExactlyInAnyOrder("SC880001", "SC880002", "SC880003");
        assertThat(homes.findByOfstedUrn("SC880010").orElseThrow().registrationActive()).as("Ofsted suspended its registration").isFalse();

        JsonNode second = json.readTree(importAs("cm1", sample()).getBody());
        assertThat(second.get("unchanged").asInt()).as("the same list twice changes nothing").isEqualTo(16);
        assertThat(second.get("created").asInt() + second.get("updated").asInt() + second.get("downgraded").asInt()).isZero();
        assertThat(second.get("rejected").findValuesAsText("line")).containsExactly("15", "16", "17", "21");
        assertThat(providers.count()).isEqualTo(providersBefore + 11);
        OfstedRegisterImport.Result third = scheduled.importFrom("classpath:" + SAMPLE);
        assertThat(third.unchanged()).as("the scheduled import reads the same list from its location").isEqualTo(16);

        CareService brook = inTheRegister("SC880011");
        assertThat(search("sw1", "LS11")).contains("Brook House");
        assertThat(matchedForAReferral(brook)).isTrue();

        // Ofsted's next list: Brook House judged inadequate, Meadowbank House registered for a fifth place
        String next = sample()
                .replace("SC880011,Children's home,Brook House,Leeds,Active,Good,03/04/2025,4,",
                        "SC880011,Children's home,Brook House,Leeds,Active,Inadequate,02/06/2025,4,")
                .replace("SC880001,Children's home,Meadowbank House,Leeds,Active,Good,14/03/2025,4,",
                        "SC880001,Children's home,Meadowbank House,Leeds,Active,Good,14/03/2025,5,");
        assertThat(next).isNotEqualTo(sample());
        OfstedRegisterImport.Result changed = ofstedImport.importCsv(next);
        assertThat(changed.downgraded()).as("a downgrade counts once, not also as updated").isEqualTo(1);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(14);
        assertThat(changed.created()).isZero();
        assertThat(homes.findByOfstedUrn("SC880001").orElseThrow().getPlaces()).isEqualTo(5);
        assertThat(homes.findById(brook.getId()).orElseThrow().getOfstedRating()).isEqualTo(OfstedRating.INADEQUATE);

        assertThat(search("sw1", "LS11")).as("no new referrals at once").doesNotContain("Brook House");
        assertThat(matchedForAReferral(brook)).isFalse();
        assertThat(events.stream(HomeDowngraded.class)).containsExactly(new HomeDowngraded(brook.getId(), brook.getProvider().getId(),
                OfstedRating.INADEQUATE, OfstedRating.GOOD, LocalDate.now()));
        assertThat(events.stream(HomeDowngraded.class).allMatch(HomeDowngraded::toInadequate)).isTrue();
        assertThat(ratingDecisions(brook)).extracting(DecisionRecord::getReason)
                .containsExactly("Was Good: Ofsted's providers and places list, line 12");
    }

    @Test
    void shouldLeaveTheScheduledImportOffUnlessConfigured() {
        assertThat(scheduledTasks.getScheduledTasks()).as("no cron, no scheduled import")
                .noneMatch(t -> t.toString().contains(ScheduledOfstedImport.class.getName()));
        assertThat(scheduledTasks.getScheduledTasks()).as("the other schedules are listed, so the check can see one")
                .anyMatch(t -> t.toString().contains("uk.gov.placements.placement.PlacementCalendar"));
    }

    List<DecisionRecord> ratingDecisions(CareService home) {
        return decisions.all().stream().filter(d -> OfstedRatings.DECISION_KIND.equals(d.getKind())
                && d.getOutcome().contains(" home " + home.getId() + " ")).toList();
    }

    HttpHeaders jsonAs(String user) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, "demo");
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }

    @Test
    void shouldTakeADowngradeByHandFromTheRegistersKeepersOnlyAndRecordWhoAndWhy() throws Exception {
        importAs("cm1", "URN,Provider type,Setting name,Local authority,Registration status,Overall effectiveness,Latest full inspection date,"
                + "Number of registered places,Postcode,Organisation which owns the provider\n"
                + "SC880501,Children's home,Hand House,Leeds,Active,Good,01/02/2025,4,LS6 3AA,Hand Homes Ltd\n");
        CareService home = inTheRegister("SC880501");
        assertThat(search("sw1", "LS6")).contains("Hand House");
        String url = "/api/providers/" + home.getProvider().getId() + "/services/" + home.getId() + "/ofsted-rating";
        Map<String, Object> inadequate = Map.of("rating", "INADEQUATE", "ratingDate", LocalDate.now().toString(),
                "reason", "Ofsted's report published today judges the home inadequate");

        for (String user : List.of("sw1", "pt1", "tm1", "iro1", "prov1", "cc1")) {
            assertThat(http.exchange(url, HttpMethod.PUT, new HttpEntity<>(inadequate, jsonAs(user)), String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(search("sw1", "LS6")).contains("Hand House");
        ResponseEntity<String> noReason = http.exchange(url, HttpMethod.PUT, new HttpEntity<>(Map.of("rating", "INADEQUATE"), jsonAs("co1")), String.class);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(noReason.getBody()).get("errors").findValuesAsText("field")).containsExactly("reason");

        ResponseEntity<String> done = http.exchange(url, HttpMethod.PUT, new HttpEntity<>(inadequate, jsonAs("co1")), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(done.getBody()).get("display").get("ofstedRating").asText()).isEqualTo("Inadequate");
        assertThat(search("sw1", "LS6")).as("no new referrals at once").doesNotContain("Hand House");
        assertThat(matchedForAReferral(home)).isFalse();
        DecisionRecord decided = ratingDecisions(home).get(0);
        assertThat(decided.getDecidedBy()).isEqualTo("co1");
        assertThat(decided.getReason()).isEqualTo("Was Good: by hand: Ofsted's report published today judges the home inadequate");

        // an improvement comes from Ofsted's list, not by hand
        ResponseEntity<String> better = http.exchange(url, HttpMethod.PUT, new HttpEntity<>(Map.of("rating", "GOOD", "reason", "we think so"),
                jsonAs("cm1")), String.class);
        assertThat(better.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(better.getBody()).contains("an improved rating comes from Ofsted's list");
        // another provider's home is not found under this one
        ResponseEntity<String> elsewhere = http.exchange("/api/providers/" + home.getProvider().getId() + "/services/"
                + homes.findByOfstedUrn("SC880001").map(CareService::getId).orElse(999_999_999L) + "/ofsted-rating", HttpMethod.PUT,
                new HttpEntity<>(inadequate, jsonAs("cm1")), String.class);
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
