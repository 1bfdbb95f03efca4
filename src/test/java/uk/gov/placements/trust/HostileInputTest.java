package uk.gov.placements.trust;



import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.child.ChildFixtures;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.referral.ReferralFixtures;

/**
 * Over a thousand generated malformed and hostile requests against every /api endpoint: wrong
 * types, missing fields, huge strings, unknown enums, other councils' ids, injection strings and
 * expressions. Every answer must be a 4xx with a message, never a 5xx, and nothing may be written.
 * Hostile text in an otherwise valid request is stored as text, never evaluated.
 */
@IntegrationTest
class HostileInputTest {
    static final List<Object> HOSTILE = List.of("' OR '1'='1", "\"; DROP TABLE child; --", "<script>alert(1)</script>",
            "${T(java.lang.Runtime).getRuntime().exec('id')}", "#{7*7}", "${7*7}", "{{7*7}}", "../../etc/passwd", "\u0000", "%00",
            "NaN", "-1e309", "☃", "");
    static final String HUGE = "x".repeat(100_000);

    @Autowired TestRestTemplate http;
    @Autowired ChildFixtures children;
    @Autowired ReferralFixtures referralFixtures;
    @Autowired ProviderService providerService;
    @Autowired ProviderFixtures providerFixtures;
    @Autowired ChildService childService;
    @Autowired RuntimeService runtimeService;
    final ObjectMapper json = new ObjectMapper();

    int tried;
    int serverErrors;
    final List<String> failures = new ArrayList<>();

    /** PATTERN: a string with a fixed shape (postcode, URN, user id, e-mail); OPTIONAL_*: may be left out. */
    enum Kind { TEXT_REQUIRED, TEXT_OPTIONAL, ENUM, OPTIONAL_ENUM, PATTERN, OPTIONAL_PATTERN, INT, OPTIONAL_INT, DECIMAL, DATE, BOOL, LIST, ID, OPTIONAL_ID }

    record Field(String name, Kind kind, int max) {
    }

    static Field f(String name, Kind kind) {
        return new Field(name, kind, 0);
    }

    static Field text(String name, boolean required, int max) {
        return new Field(name, required ? Kind.TEXT_REQUIRED : Kind.TEXT_OPTIONAL, max);
    }

    /** Values that must make the field invalid, whatever the rest of the request. */
    static List<Object> invalidValues(Field field) {
        List<Object> values = new ArrayList<>();
        values.add(Map.of("nested", "object"));
        values.add(List.of("a", "list"));
        switch (field.kind()) {
            case TEXT_REQUIRED -> {
                values.add(null);
                values.add("");
                values.add("   ");
                values.add(HUGE);
                values.add("y".repeat(field.max() + 1));
            }
            case TEXT_OPTIONAL -> {
                values.add(HUGE);
                values.add("z".repeat(field.max() + 1));
            }
            case ENUM, ID, OPTIONAL_ENUM, OPTIONAL_ID, PATTERN, OPTIONAL_PATTERN -> {
                boolean optional = field.kind().name().startsWith("OPTIONAL");
                if (!optional) {
                    values.add(null);
                    values.addAll(HOSTILE);
                } else {
                    // "" and a lone NUL are blank: "not given" for an optional field
                    values.addAll(HOSTILE.stream().filter(v -> !"".equals(v) && !"\u0000".equals(v)).toList());
                }
                values.add("NOT_A_VALUE");
                if (field.kind() == Kind.ENUM || field.kind() == Kind.OPTIONAL_ENUM || field.kind() == Kind.ID || field.kind() == Kind.OPTIONAL_ID) {
                    values.add(-1);
                    values.add(999_999_999);
                }
            }
            case INT, OPTIONAL_INT -> {
                if (field.kind() == Kind.INT) {
                    values.add(null);
                }
                values.addAll(HOSTILE.subList(0, 8));
                values.add(-5);
                values.add(1_000_000);
                values.add(1L << 40);
            }
            case DECIMAL -> {
                values.add(null);
                values.addAll(HOSTILE.subList(0, 8));
                values.add(-1000.5);
                values.add(1e12);
            }
            case DATE -> {
                values.add(null);
                values.addAll(HOSTILE.subList(0, 8));
                values.add("2020-13-45");
                values.add("1999-01-01");
                values.add(20260101);
            }
            case BOOL -> {
                values.add("maybe");
                values.addAll(HOSTILE.subList(0, 8));
            }
            case LIST -> {
                values.add("not a list");
                values.add(List.of(Map.of("code", "NOT_A_NEED", "essential", true)));
                values.add(List.of(Map.of("code", "<script>", "essential", "maybe")));
                values.add(List.of(5, 6));
            }
        }
        return values;
    }

    ResponseEntity<String> send(String user, HttpMethod method, String url, Object body, Object... uriVariables) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, "demo");
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = http.exchange(url, method, new HttpEntity<>(body, h), String.class, uriVariables);
        tried++;
        int status = r.getStatusCode().value();
        if (status >= 500) {
            serverErrors++;
            failures.add(status + " " + method + " " + url + " " + abbreviate(String.valueOf(body)));
        } else if (status < 400 || ((r.getBody() == null || !r.getBody().contains("message")) && !rejectedByServer(r, uriVariables))) {
            failures.add(status + " (not a 4xx with a message) " + method + " " + url + " " + abbreviate(String.valueOf(body)));
        }
        return r;
    }

    /**
     * Tomcat itself refuses some addresses before the application sees them (a path with a NUL byte,
     * an encoded slash or a raw angle bracket): a 400 with no body. Still a refusal, and nothing runs.
     */
    static boolean rejectedByServer(ResponseEntity<String> r, Object... uriVariables) {
        return r.getStatusCode().value() == 400 && uriVariables.length > 0
                && java.util.Arrays.stream(uriVariables).map(String::valueOf).anyMatch(v -> v.contains("\u0000") || v.contains("/") || v.contains("<"));
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? "…" + s.substring(s.length() - 300) : s;
    }

    void fuzz(String user, String url, Map<String, Object> valid, List<Field> fields) {
        for (Field field : fields) {
            for (Object bad : invalidValues(field)) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put(field.name(), bad);
                send(user, HttpMethod.POST, url, body);
            }
            if (List.of(Kind.TEXT_REQUIRED, Kind.ENUM, Kind.PATTERN, Kind.INT, Kind.DATE, Kind.DECIMAL, Kind.ID).contains(field.kind())) {
                Map<String, Object> missing = new LinkedHashMap<>(valid);
                missing.remove(field.name());
                send(user, HttpMethod.POST, url, missing);
            }
        }
        for (Object hostile : HOSTILE) {
            Map<String, Object> unknown = new LinkedHashMap<>(valid);
            unknown.put("hacker", hostile);
            send(user, HttpMethod.POST, url, unknown);
        }
        for (String malformed : List.of("{", "[]", "null", "\"a string\"", "{\"a\":}", "\u0000\u0001", "[{}]", "{\"" + HUGE + "\": 1}")) {
            send(user, HttpMethod.POST, url, malformed);
        }
    }

    @Test
    void shouldAnswerEveryHostileRequestWithA4xxAndWriteNothing() throws Exception {
        Child eastmoorChild = childService.register(new ChildService.NewChild("East", "Moor", LocalDate.now().minusYears(9), "MALE", "eastmoor",
                "EM1 1AA", 53.75, -0.95, "C2"), "eastmoor");
        long childrenBefore = children.count();
        long referralsBefore = referralFixtures.count();
        long providersBefore = providerFixtures.providerCount();
        long servicesBefore = providerFixtures.homeCount();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        long providerId = providerService.allProviders().stream().filter(p -> !p.isInHouse()).findFirst().orElseThrow().getId();

        Map<String, Object> child = new LinkedHashMap<>(Map.of("firstName", "Ann", "lastName", "Lee", "dateOfBirth", "2014-02-03",
                "gender", "FEMALE", "postcode", "NS1 2AB", "latitude", 53.8, "longitude", -1.55, "legalStatus", "C2"));
        child.put("council", "northshire");
        fuzz("sw1", "/api/children", child, List.of(text("firstName", true, 100), text("lastName", true, 100), f("dateOfBirth", Kind.DATE),
                f("gender", Kind.ENUM), f("council", Kind.OPTIONAL_ENUM), f("postcode", Kind.PATTERN), f("latitude", Kind.DECIMAL),
                f("longitude", Kind.DECIMAL), f("legalStatus", Kind.ENUM)));

        Long ownChild = childService.ofCouncil("northshire").get(0).getId();
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("childId", ownChild);
        referral.put("urgency", "PLANNED");
        referral.put("requiredBy", LocalDate.now().plusDays(10).toString());
        referral.put("placementType", "FOSTER");
        referral.put("plannedWeeks", 12);
        referral.put("maxDistanceMiles", 20);
        referral.put("needs", List.of(Map.of("code", "AUTISM", "essential", true)));
        referral.put("siblings", 0);
        referral.put("childViews", "I want to stay near school");
        referral.put("completedBy", "Sam");
        referral.put("knowsChild", true);
        fuzz("sw1", "/api/referrals", referral, List.of(f("childId", Kind.ID), f("urgency", Kind.ENUM), f("requiredBy", Kind.DATE),
                f("placementType", Kind.ENUM), f("plannedWeeks", Kind.INT), f("maxDistanceMiles", Kind.INT), f("needs", Kind.LIST),
                f("siblings", Kind.OPTIONAL_INT), f("siblingsTogether", Kind.BOOL), text("education", false, 2000), f("ehcp", Kind.BOOL),
                text("health", false, 2000), f("camhs", Kind.BOOL), text("risksToChild", false, 2000), text("risksFromChild", false, 2000),
                text("communicationNeeds", false, 2000), text("culturalNeeds", false, 2000), text("liveAlongside", false, 2000),
                text("childViews", false, 4000), text("completedBy", true, 200), f("knowsChild", Kind.BOOL), f("currentPlacementId", Kind.OPTIONAL_ID),
                f("reasonPlaceChange", Kind.OPTIONAL_ENUM)));
        // another council's child, through every door
        Map<String, Object> otherCouncils = new LinkedHashMap<>(referral);
        otherCouncils.put("childId", eastmoorChild.getId());
        send("sw1", HttpMethod.POST, "/api/referrals", otherCouncils);
        send("sw1", HttpMethod.GET, "/api/children/" + eastmoorChild.getId(), null);
        send("sw1", HttpMethod.GET, "/api/placements?childId=" + eastmoorChild.getId(), null);
        send("sw1", HttpMethod.GET, "/api/children/" + eastmoorChild.getId() + "/reviews", null);
        send("sw1", HttpMethod.POST, "/api/children/" + eastmoorChild.getId() + "/left-care", null);

        Map<String, Object> provider = new LinkedHashMap<>(Map.of("name", "Fuzz Homes", "kind", "INDEPENDENT", "ofstedUrn", "SC111111",
                "ofstedRating", "GOOD", "sector", "PRIVATE"));
        fuzz("co1", "/api/providers", provider, List.of(text("name", true, 200), f("kind", Kind.ENUM), f("sector", Kind.OPTIONAL_ENUM),
                f("ofstedUrn", Kind.OPTIONAL_PATTERN), f("ofstedRating", Kind.OPTIONAL_ENUM)));

        Map<String, Object> service = new LinkedHashMap<>(Map.of("name", "Fuzz House", "placementType", "CHILDRENS_HOME", "minAge", 10,
                "maxAge", 17, "places", 4, "vacancies", 2, "localAuthority", "northshire", "postcode", "NS1 2AB", "latitude", 53.8,
                "longitude", -1.55));
        service.put("specialisms", List.of("AUTISM"));
        service.put("weeklyFee", 4000);
        fuzz("co1", "/api/providers/" + providerId + "/services", service, List.of(text("name", true, 200), f("placementType", Kind.ENUM),
                f("minAge", Kind.INT), f("maxAge", Kind.INT), f("places", Kind.INT), f("vacancies", Kind.INT), text("localAuthority", true, 60),
                f("postcode", Kind.PATTERN), f("latitude", Kind.DECIMAL), f("longitude", Kind.DECIMAL), f("specialisms", Kind.LIST),
                f("weeklyFee", Kind.DECIMAL)));

        Map<String, Object> user = new LinkedHashMap<>(Map.of("userId", "fuzz.user", "firstName", "Fu", "lastName", "Zz",
                "email", "fuzz@example.org", "password", "a-long-enough-password"));
        fuzz("co1", "/api/providers/" + providerId + "/users", user, List.of(f("userId", Kind.PATTERN), text("firstName", true, 100),
                text("lastName", true, 100), f("email", Kind.PATTERN), text("password", true, 200)));

        // a provider's own home's vacancies, as its staff give them
        CareService brightwaterHouse = providerService.allHomes().stream().filter(h -> h.getName().equals("Brightwater House")).findFirst().orElseThrow();
        String vacancies = "/api/providers/" + brightwaterHouse.getProvider().getId() + "/services/" + brightwaterHouse.getId() + "/vacancies";
        int vacanciesBefore = brightwaterHouse.getVacancies();
        for (Object hostile : HOSTILE) {
            String v = String.valueOf(hostile);
            send("prov1", HttpMethod.PUT, vacancies, Map.of("vacancies", hostile));
            send("prov1", HttpMethod.PUT, "/api/providers/{v}x/services/1/vacancies", Map.of("vacancies", 1), v);
            send("sw1", HttpMethod.GET, "/api/providers/search?placementType={v}&age=14&latitude=53.8&longitude=-1.55", null, v);
            send("sw1", HttpMethod.GET, "/api/providers/search?placementType=FOSTER&age={v}&latitude=53.8&longitude=-1.55", null, v);
            send("sw1", HttpMethod.GET, "/api/providers/search?placementType=FOSTER&age=9&needs={v}x&latitude=53.8&longitude=-1.55", null, v);
            send("cm1", HttpMethod.GET, "/api/reports/sufficiency?council=northshire&from={v}&to=2026-12-31", null, v);
            send("cm1", HttpMethod.GET, "/api/reports/sufficiency?council={v}x&from=2026-01-01&to=2026-12-31", null, v);
            send("sw1", HttpMethod.GET, "/api/referrals/{v}x/options", null, v);
            send("sw1", HttpMethod.GET, "/api/placements?childId={v}x", null, v);
            send("tm1", HttpMethod.POST, "/api/tasks/{v}x/complete", Map.of("approvalDecision", hostile), v);
            send("sw1", HttpMethod.GET, "/api/providers/search?placementType=FOSTER&age=9&latitude={v}x&longitude=-1.55", null, v);
            send("sw1", HttpMethod.GET, "/api/providers/search?placementType=FOSTER&age=9&latitude=53.8&longitude={v}x", null, v);
            send("sw1", HttpMethod.GET, "/api/providers/search?placementType=FOSTER&age=9&latitude=53.8&longitude=-1.55&maxMiles={v}x", null, v);
            send("cm1", HttpMethod.GET, "/api/reports/sufficiency?council=northshire&from=2026-01-01&to={v}x", null, v);
            send("cm1", HttpMethod.GET, "/api/reports/ssda903?council=northshire&from={v}x&to=2026-12-31", null, v);
            send("sw1", HttpMethod.GET, "/api/children/{v}x", null, v);
            send("sw1", HttpMethod.GET, "/api/children/{v}x/reviews", null, v);
            send("sw1", HttpMethod.GET, "/api/referrals/{v}x/decisions", null, v);
            send("co1", HttpMethod.GET, "/api/providers/{v}x/history", null, v);
            send("co1", HttpMethod.POST, "/api/providers/{v}x/services", Map.of("name", "x"), v);
            send("co1", HttpMethod.POST, "/api/providers/{v}x/accreditations", null, v);
            send("cm1", HttpMethod.POST, "/api/providers/{v}x/suspension", Map.of("suspended", true, "reason", hostile), v);
        }
        // the needs of a referral, one level down
        for (Object bad : invalidValues(f("code", Kind.ENUM))) {
            Map<String, Object> r = new LinkedHashMap<>(referral);
            Map<String, Object> need = new LinkedHashMap<>();
            need.put("code", bad);
            need.put("essential", true);
            r.put("needs", List.of(need));
            send("sw1", HttpMethod.POST, "/api/referrals", r);
        }

        assertThat(failures).as("requests not answered with a clear 4xx").isEmpty();
        assertThat(tried).isGreaterThanOrEqualTo(1000);
        assertThat(children.count()).as("no child written").isEqualTo(childrenBefore);
        assertThat(referralFixtures.count()).as("no referral written").isEqualTo(referralsBefore);
        assertThat(providerFixtures.providerCount()).as("no provider written").isEqualTo(providersBefore);
        assertThat(providerFixtures.homeCount()).as("no service written").isEqualTo(servicesBefore);
        assertThat(providerService.home(brightwaterHouse.getId()).getVacancies()).as("no vacancies written").isEqualTo(vacanciesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).as("no process started").isEqualTo(instancesBefore);
        ReliabilityFigures.record("Hostile input suite", "%d requests tried, %d 5xx seen, %d answers not a 4xx with a message, 0 rows written",
                tried, serverErrors, failures.size());
    }

    @Test
    void shouldStoreHostileTextAsTextAndNeverEvaluateIt() throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("sw1", "demo");
        h.setContentType(MediaType.APPLICATION_JSON);
        String script = "<script>alert(1)</script>";
        String expression = "${7*7}";
        ResponseEntity<String> created = http.exchange("/api/children", HttpMethod.POST, new HttpEntity<>(Map.of("firstName", script,
                "lastName", expression, "dateOfBirth", "2013-01-01", "gender", "FEMALE", "postcode", "NS1 2AB", "latitude", 53.8,
                "longitude", -1.55, "legalStatus", "C2"), h), String.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long id = json.readTree(created.getBody()).get("id").asLong();
        Child stored = childService.find(id).orElseThrow();
        assertThat(stored.getFirstName()).isEqualTo(script);
        assertThat(stored.getLastName()).isEqualTo(expression);
        JsonNode shown = json.readTree(http.exchange("/api/children/" + id, HttpMethod.GET, new HttpEntity<>(h), String.class).getBody());
        assertThat(shown.get("lastName").asText()).isEqualTo("${7*7}").isNotEqualTo("49");
    }
}
