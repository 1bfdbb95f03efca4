package uk.gov.placements.common;



import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.child.ChildFixtures;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.child.Child;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;

/**
 * The shipped postcode districts (V25) and what reads them: the service on real districts, GET /api/postcodes, the
 * register's search by postcode, and a referral for a new child started through the engine's API with a postcode and
 * no coordinates.
 */
@IntegrationTest
class PostcodesTest {
    @Autowired Postcodes postcodes;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired ChildFixtures children;
    @Autowired ReferralService referralService;
    @Autowired ChildService childService;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldShipGreatBritainsDistrictsWithTheirCentres() {
        assertThat(jdbc.queryForObject("select count(*) from postcode_district", Integer.class)).isBetween(2800, 3000);
        // Leeds city centre (the Corn Exchange, 53.7962 -1.5428), Westminster (Parliament, 51.4995 -0.1248),
        // Manchester Piccadilly (53.4774 -2.2309), Aberdeen (57.1497 -2.0943), Truro (50.2632 -5.0510)
        assertCentre("LS1", 53.7962, -1.5428);
        assertCentre("SW1A", 51.4995, -0.1248);
        assertCentre("M1", 53.4774, -2.2309);
        assertCentre("AB11", 57.1497, -2.0943);
        assertCentre("TR1", 50.2632, -5.0510);
    }

    private void assertCentre(String district, double latitude, double longitude) {
        Postcodes.Centroid c = postcodes.centroid(district).orElseThrow(() -> new AssertionError(district + " is not shipped"));
        assertThat(c.district()).isEqualTo(district);
        assertThat(c.latitude()).as(district + " latitude").isCloseTo(latitude, within(0.1));
        assertThat(c.longitude()).as(district + " longitude").isCloseTo(longitude, within(0.1));
    }

    @Test
    void shouldReadAPostcodeAsPeopleWriteIt() {
        assertThat(Postcodes.normalise("ls1 4ap")).contains(new Postcodes.Normalised("LS1 4AP", "LS1"));
        assertThat(Postcodes.normalise(" sw1a1aa ")).contains(new Postcodes.Normalised("SW1A 1AA", "SW1A"));
        assertThat(Postcodes.normalise("M1  1AE")).contains(new Postcodes.Normalised("M1 1AE", "M1"));
        assertThat(Postcodes.normalise("ec1a")).contains(new Postcodes.Normalised("EC1A", "EC1A"));
        assertThat(Postcodes.district("B33 8TH")).contains("B33");
        assertThat(postcodes.centroid("ls1 4ap")).isEqualTo(postcodes.centroid("LS1"));
        for (String notAPostcode : new String[] {"", "banana", "LS", "1LS 4AP", "LS1 4A", "LS1 4APX", "LS1-4AP", "<script>"}) {
            assertThat(Postcodes.normalise(notAPostcode)).as(notAPostcode).isEmpty();
            assertThat(postcodes.centroid(notAPostcode)).as(notAPostcode).isEmpty();
        }
        assertThat(Postcodes.normalise(null)).isEmpty();
        // well formed, but no such district; and Northern Ireland's, which are not shipped
        assertThat(postcodes.centroid("ZZ9 9ZZ")).isEmpty();
        assertThat(postcodes.centroid("BT1 1AA")).isEmpty();
    }

    @Test
    void shouldAnswerWhereAPostcodesDistrictIs() throws Exception {
        ResponseEntity<String> leeds = get("sw1", "/api/postcodes/{p}", "ls1 4ap");
        assertThat(leeds.getStatusCode().value()).as(leeds.getBody()).isEqualTo(200);
        JsonNode body = json.readTree(leeds.getBody());
        assertThat(body.get("postcode").asText()).isEqualTo("LS1 4AP");
        assertThat(body.get("district").asText()).isEqualTo("LS1");
        assertThat(body.get("latitude").asDouble()).isCloseTo(53.7962, within(0.1));
        assertThat(body.get("longitude").asDouble()).isCloseTo(-1.5428, within(0.1));
        // a district alone, for any signed-in user (a provider's staff too)
        assertThat(json.readTree(get("prov1", "/api/postcodes/{p}", "SW1A").getBody()).get("district").asText()).isEqualTo("SW1A");

        ResponseEntity<String> malformed = get("sw1", "/api/postcodes/{p}", "not-a-postcode");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(malformed.getBody()).get("errors").findValuesAsText("field")).containsExactly("postcode");

        ResponseEntity<String> unknown = get("sw1", "/api/postcodes/{p}", "ZZ9 9ZZ");
        assertThat(unknown.getStatusCode().value()).as(unknown.getBody()).isEqualTo(404);

        assertThat(http.getForEntity("/api/postcodes/LS1", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void shouldSearchTheRegisterNearAPostcodeAndShowEachHomesPostcode() throws Exception {
        String search = "/api/providers/search?placementType=CHILDRENS_HOME&age=14&needs=SEXUAL_EXPLOITATION_RISK,GOING_MISSING&maxMiles=30&postcode={p}";
        ResponseEntity<String> found = get("sw1", search, "ls1 4ap");
        assertThat(found.getStatusCode().value()).as(found.getBody()).isEqualTo(200);
        JsonNode homes = json.readTree(found.getBody());
        assertThat(homes.findValuesAsText("name")).contains("Oakfield Grange");
        for (JsonNode home : homes) {
            assertThat(home.has("latitude") || home.has("longitude")).as("coordinates stay inside").isFalse();
            assertThat(home.get("postcode").asText()).isNotBlank();
        }
        // the same search from the district's centre by coordinates finds the same homes at the same distances
        Postcodes.Centroid ls1 = postcodes.centroid("LS1").orElseThrow();
        JsonNode byCoordinates = json.readTree(get("sw1", search.replace("&postcode={p}", "&latitude=" + ls1.latitude()
                + "&longitude=" + ls1.longitude()), "").getBody());
        assertThat(byCoordinates.findValuesAsText("distanceMiles")).isEqualTo(homes.findValuesAsText("distanceMiles"));

        for (String bad : List.of("banana", "ZZ9 9ZZ")) {
            ResponseEntity<String> refused = get("sw1", search, bad);
            assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(json.readTree(refused.getBody()).get("errors").findValuesAsText("field")).as(bad).containsExactly("postcode");
        }
        ResponseEntity<String> nowhere = get("sw1", "/api/providers/search?placementType=CHILDRENS_HOME&age=14", "");
        assertThat(nowhere.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(nowhere.getBody()).get("errors").findValuesAsText("field")).containsExactly("postcode");
    }

    @Test
    void shouldPlaceANewChildReferredWithAPostcodeAndNoCoordinatesAtItsDistrictsCentre() throws Exception {
        Map<String, Object> form = BadInputs.validStartForm(0, 0);
        form.remove("childLatitude");
        form.remove("childLongitude");
        form.put("childFirstName", "Pollyanna");
        form.put("childLastName", "Postcode");
        form.put("childPostcode", "ls6 2ab");
        ResponseEntity<String> started = submitStartForm("sw1", form);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        Child child = children.all().stream().filter(c -> c.getLastName().equals("Postcode")).findFirst().orElseThrow();
        Postcodes.Centroid ls6 = postcodes.centroid("LS6").orElseThrow();
        assertThat(child.getPostcode()).isEqualTo("LS6 2AB");
        assertThat(child.getLatitude()).isEqualTo(ls6.latitude());
        assertThat(child.getLongitude()).isEqualTo(ls6.longitude());
        Referral referral = referralService.referralsOf(child.getId()).stream().findFirst().orElseThrow();
        assertThat(referral.getCreatedBy()).isEqualTo("sw1");

        // coordinates a client gives are still taken as given
        Map<String, Object> given = BadInputs.validStartForm(54.5, -1.2);
        given.put("childLastName", "Coordinates");
        assertThat(submitStartForm("sw1", given).getStatusCode().value()).isEqualTo(200);
        Child placed = children.all().stream().filter(c -> c.getLastName().equals("Coordinates")).findFirst().orElseThrow();
        assertThat(placed.getLatitude()).isEqualTo(54.5);
        assertThat(placed.getLongitude()).isEqualTo(-1.2);

        // a district we do not know, and no coordinates: refused naming the postcode, nothing written
        long before = children.count();
        form.put("childLastName", "Nowhere");
        form.put("childPostcode", "ZZ9 9ZZ");
        ResponseEntity<String> refused = submitStartForm("sw1", form);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("childPostcode").contains("district we do not know");
        assertThat(children.count()).isEqualTo(before);
    }

    @Test
    void shouldPlaceAChildRegisteredThroughTheApiWithAPostcodeAtItsDistrictsCentre() throws Exception {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", "Dora", "lastName", "District", "dateOfBirth",
                LocalDate.now().minusYears(9).toString(), "gender", "FEMALE", "postcode", "M1 1AE", "legalStatus", "C2"));
        ResponseEntity<String> created = http.exchange("/api/children", HttpMethod.POST, new HttpEntity<>(child, headers("sw1")), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        Child saved = childService.find(json.readTree(created.getBody()).get("id").asLong()).orElseThrow();
        assertThat(saved.getLatitude()).isEqualTo(postcodes.centroid("M1").orElseThrow().latitude());

        child.put("postcode", "ZZ9 9ZZ");
        ResponseEntity<String> refused = http.exchange("/api/children", HttpMethod.POST, new HttpEntity<>(child, headers("sw1")), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).get("errors").findValuesAsText("field")).containsExactly("postcode");
    }

    private ResponseEntity<String> submitStartForm(String user, Map<String, Object> form) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        for (Map.Entry<String, Object> e : form.entrySet()) {
            variables.put(e.getKey(), e.getValue() instanceof List<?> list
                    ? Map.of("value", json.writeValueAsString(list), "type", "Json") : Map.of("value", e.getValue()));
        }
        return http.exchange("/engine-rest/process-definition/key/placementReferral/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables), headers(user)), String.class);
    }

    private ResponseEntity<String> get(String user, String url, String value) {
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers(user)), String.class, value);
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBasicAuth(user, "demo");
        return h;
    }
}
