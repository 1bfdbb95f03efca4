package uk.gov.placements.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.provider.ProviderService;

/** The shared register through the API: importing Ofsted's list line by line, matched on URN, and searching by need. */
@IntegrationTest
class RegisterTest {
    @Autowired TestRestTemplate http;
    @Autowired ProviderService providerService;
    @Autowired ProviderFixtures providerFixtures;
    final ObjectMapper json = new ObjectMapper();

    ResponseEntity<String> post(String user, String url, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(type);
        return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    JsonNode get(String user, String url) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        ResponseEntity<String> r = http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    static final String HEADER = "URN,Provider type,Setting name,Local authority,Registration status,Overall effectiveness,"
            + "Latest full inspection date,Number of registered places,Postcode,Organisation which owns the provider\n";

    @Test
    void shouldImportOfstedsListLineByLineMatchedOnUrn() throws Exception {
        long before = providerFixtures.providerCount();
        String list = HEADER
                + "SC700001,Children's home,Willow House,Leeds,Active,Good,01/06/2025,4,LS6 1AA,Willow Homes Ltd\n"
                + ",Children's home,No Urn House,Leeds,Active,Good,01/06/2025,3,LS6 1AB,Willow Homes Ltd\n"
                + "SC700003,Children's home,Odd Rating House,Leeds,Active,Excellent,01/06/2025,3,LS6 1AC,Willow Homes Ltd\n"
                + "SC700002,Independent fostering agency,Rowan Fostering,Wakefield,Active,Requires improvement to be good,12/03/2025,40,WF1 1AA,Rowan Fostering\n";
        ResponseEntity<String> imported = post("cm1", "/api/providers/ofsted-import", list, MediaType.valueOf("text/csv"));
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode counts = json.readTree(imported.getBody());
        assertThat(counts.get("created").asInt()).as("the good lines are taken though others are not").isEqualTo(2);
        assertThat(counts.get("rejected").findValuesAsText("line")).containsExactly("3", "4");
        assertThat(counts.get("rejected").findValuesAsText("field")).containsExactly("URN", "Overall effectiveness");
        assertThat(providerFixtures.providerCount()).as("a provider per owner, not accredited").isEqualTo(before + 2);
        assertThat(providerService.allProviders()).anyMatch(p -> "Rowan Fostering".equals(p.getName()) && p.getOfstedUrn() == null
                && p.getAccreditationStatus().name().equals("NOT_ACCREDITED"));
        JsonNode again = json.readTree(post("cm1", "/api/providers/ofsted-import", list, MediaType.valueOf("text/csv")).getBody());
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).as("matched on URN: nothing duplicated").isEqualTo(2);
        assertThat(providerFixtures.providerCount()).isEqualTo(before + 2);
        assertThat(post("sw1", "/api/providers/ofsted-import", list, MediaType.valueOf("text/csv")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("co1", "/api/providers/ofsted-import", list, MediaType.valueOf("text/csv")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> noColumns = post("cm1", "/api/providers/ofsted-import", "Name,Town\nA,B\n", MediaType.valueOf("text/csv"));
        assertThat(noColumns.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noColumns.getBody()).contains("must have the column 'URN'");
    }

    @Test
    void shouldFindAccreditedHomesByNeedTypeAgeAndDistance() throws Exception {
        JsonNode homes = get("sw2", "/api/providers/search?placementType=CHILDRENS_HOME&age=14&needs=SEXUAL_EXPLOITATION_RISK,GOING_MISSING"
                + "&latitude=53.8&longitude=-1.55&maxMiles=30");
        assertThat(homes.findValuesAsText("name")).contains("Oakfield Grange").doesNotContain("Brightwater House", "Oakfield Lodge");
        JsonNode oakfield = homes.get(0);
        assertThat(oakfield.get("accreditationStatus").asText()).isEqualTo("ACCREDITED");
        assertThat(oakfield.get("distanceMiles").asDouble()).isBetween(15.0, 30.0);
        // inadequate and unaccredited homes never come down, whatever the boxes
        JsonNode all = get("sw1", "/api/providers/search?placementType=CHILDRENS_HOME&age=14&latitude=53.8&longitude=-1.55&maxMiles=50");
        assertThat(all.findValuesAsText("name")).doesNotContain("Greyfield House", "New Leaf House");
        ResponseEntity<String> bad = http.exchange("/api/providers/search?placementType=CASTLE&age=40&latitude=53.8&longitude=-1.55",
                HttpMethod.GET, new HttpEntity<>(auth("sw1")), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field")).contains("placementType", "age");
    }

    @Test
    void shouldAddAProviderAndItsHomeThroughTheApiAndKeepItOutOfSearchesUntilAccredited() throws Exception {
        ResponseEntity<String> provider = http.exchange("/api/providers", HttpMethod.POST, new HttpEntity<>(java.util.Map.of("name",
                "Api Homes", "kind", "INDEPENDENT", "ofstedUrn", "SC777001", "ofstedRating", "GOOD"), json("co1")), String.class);
        assertThat(provider.getStatusCode()).as(provider.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = json.readTree(provider.getBody()).get("id").asLong();
        java.util.Map<String, Object> home = new java.util.HashMap<>(java.util.Map.of("name", "Api House", "placementType", "CHILDRENS_HOME",
                "minAge", 10, "maxAge", 17, "places", 4, "vacancies", 2, "localAuthority", "northshire", "postcode", "NS1 7ZZ",
                "latitude", 53.801, "longitude", -1.551));
        home.put("specialisms", List.of("AUTISM"));
        home.put("weeklyFee", 4100);
        ResponseEntity<String> service = http.exchange("/api/providers/" + id + "/services", HttpMethod.POST, new HttpEntity<>(home, json("co1")), String.class);
        assertThat(service.getStatusCode()).as(service.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(get("sw1", "/api/providers/search?placementType=CHILDRENS_HOME&age=14&latitude=53.8&longitude=-1.55&maxMiles=5")
                .findValuesAsText("name")).as("not accredited yet").doesNotContain("Api House");
        ResponseEntity<String> accreditation = http.exchange("/api/providers/" + id + "/accreditations", HttpMethod.POST,
                new HttpEntity<>(json("co1")), String.class);
        assertThat(accreditation.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode history = get("co1", "/api/providers/" + id + "/history");
        assertThat(history.get("accreditations").get(0).get("status").asText()).isEqualTo("FORM_A");
        assertThat(history.get("exitInterviews")).isEmpty();
        // and a social worker may not start one
        assertThat(http.exchange("/api/providers/" + id + "/accreditations", HttpMethod.POST, new HttpEntity<>(json("sw1")), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    static HttpHeaders json(String user) {
        HttpHeaders h = auth(user);
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }

    static HttpHeaders auth(String user) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, "demo");
        return h;
    }
}
