package uk.gov.placements.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.placement.PlacementService;

/**
 * England's local authorities and their neighbours are reference data of every installation (V23), not of the
 * demo: a home's local authority is one of their codes, and "out of area" and "at a distance" are read by code.
 */
@IntegrationTest
class LocalAuthorityTest {
    static final String LEEDS = "E08000035";
    static final String BRADFORD = "E08000032";
    static final String CORNWALL = "E06000052";
    static final double SHETLAND_LAT = 60.4;
    static final double SHETLAND_LON = 1.9;   // east of every test council's place (Journeys)
    @Autowired LocalAuthorityRepository localAuthorities;
    @Autowired Clock clock;
    @Autowired CouncilNeighbourRepository neighbours;
    @Autowired PlacementService placementService;
    @Autowired ProviderRepository providers;
    @Autowired Journeys journeys;
    @Autowired TestRestTemplate http;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldHoldEveryEnglishAuthorityWithChildrensServicesAndTheirNeighboursBothWays() {
        List<LocalAuthority> english = localAuthorities.findAll().stream().filter(la -> la.getCode().matches("E(06|08|09|10)\\d{6}")).toList();
        assertThat(english).hasSize(153);
        assertThat(localAuthorities.findById("E06000065").orElseThrow().getName()).isEqualTo("North Yorkshire");
        assertThat(localAuthorities.neighboursOf(LEEDS)).extracting(LocalAuthority::getName)
                .containsExactly("Bradford", "Kirklees", "North Yorkshire", "Wakefield");
        assertThat(localAuthorities.neighboursOf("E06000063")).extracting(LocalAuthority::getName)
                .containsExactly("Northumberland", "Westmorland and Furness");
        Set<String> pairs = neighbours.findAll().stream().map(n -> n.getCouncil() + ">" + n.getNeighbour()).collect(Collectors.toSet());
        assertThat(pairs).allSatisfy(p -> assertThat(pairs).contains(p.split(">")[1] + ">" + p.split(">")[0]));
        // every authority on the mainland borders another; only the islands stand alone
        Set<String> bordering = pairs.stream().map(p -> p.split(">")[0]).collect(Collectors.toSet());
        assertThat(english).extracting(LocalAuthority::getCode).filteredOn(code -> !bordering.contains(code))
                .containsExactlyInAnyOrder("E06000046", "E06000053");
    }

    @Test
    void shouldTellOutOfAreaAndAtADistanceByTheAuthoritysCode() {
        Provider p = providers.save(new Provider("Code Homes", ProviderKind.INDEPENDENT, Provider.Sector.PRIVATE, null, "SC880001",
                uk.gov.placements.common.OfstedRating.GOOD, clock.instant()));
        // out of area and at a distance are read from the codes alone; the homes stand off Shetland, out of every other
        // test's search (the register is shared by the whole test run)
        CareService inLeeds = journeys.service(p, LEEDS, PlacementType.CHILDRENS_HOME, 4000, 2, SHETLAND_LAT, SHETLAND_LON);
        CareService inBradford = journeys.service(p, BRADFORD, PlacementType.CHILDRENS_HOME, 4000, 2, SHETLAND_LAT, SHETLAND_LON);
        CareService inCornwall = journeys.service(p, CORNWALL, PlacementType.CHILDRENS_HOME, 4000, 2, SHETLAND_LAT, SHETLAND_LON);
        assertThat(placementService.area(LEEDS, inLeeds)).isEqualTo(new PlacementService.Area(false, false));
        assertThat(placementService.area(LEEDS, inBradford)).isEqualTo(new PlacementService.Area(true, false));
        assertThat(placementService.area(LEEDS, inCornwall)).isEqualTo(new PlacementService.Area(true, true));
    }

    @Test
    void shouldTakeAHomesLocalAuthorityAsACodeAndNameTheFieldOtherwise() throws Exception {
        JsonNode leeds = json.readTree(call("co1", HttpMethod.GET, "/api/local-authorities/" + LEEDS, null).getBody());
        assertThat(leeds.get("name").asText()).isEqualTo("Leeds");
        assertThat(leeds.get("neighbours").findValuesAsText("code")).contains(BRADFORD);
        assertThat(json.readTree(call("sw1", HttpMethod.GET, "/api/local-authorities", null).getBody()).findValuesAsText("code"))
                .contains(LEEDS, CORNWALL, "northshire");
        assertThat(call("sw1", HttpMethod.GET, "/api/local-authorities/Leeds", null).getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> provider = call("co1", HttpMethod.POST, "/api/providers", Map.of("name", "Coded Homes", "kind", "INDEPENDENT",
                "ofstedUrn", "SC880002", "ofstedRating", "GOOD"));
        long id = json.readTree(provider.getBody()).get("id").asLong();
        Map<String, Object> home = new HashMap<>(Map.of("name", "Coded House", "placementType", "CHILDRENS_HOME", "minAge", 10, "maxAge", 17,
                "places", 4, "vacancies", 2, "localAuthority", "Leeds", "postcode", "LS1 1AA", "latitude", SHETLAND_LAT, "longitude", SHETLAND_LON));
        home.put("weeklyFee", 4100);
        ResponseEntity<String> named = call("co1", HttpMethod.POST, "/api/providers/" + id + "/services", home);
        assertThat(named.getStatusCode().value()).as(named.getBody()).isEqualTo(400);
        assertThat(json.readTree(named.getBody()).get("errors").findValuesAsText("field")).containsExactly("localAuthority");
        home.put("localAuthority", LEEDS);
        ResponseEntity<String> coded = call("co1", HttpMethod.POST, "/api/providers/" + id + "/services", home);
        assertThat(coded.getStatusCode().value()).as(coded.getBody()).isBetween(200, 201);
    }

    ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
