package uk.gov.placements.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderKind;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.referral.Referral;

/**
 * The parameters and bodies seen to slip past the checks on the running application: numbers that are not
 * numbers (NaN, infinities, 1e308), fractional ids, text too long or with NUL bytes and broken characters,
 * dates at the ends of time, and another council's provision. Each must be answered 4xx, naming what is
 * wrong, before anything is written, and quickly: no request may keep a thread busy for seconds whatever its
 * parameters (the bound is the issue's, two seconds, far above the tens of milliseconds these take).
 */
@IntegrationTest
class HostileParametersTest {
    static final long BOUND_MILLIS = 2_000;

    @Autowired TestRestTemplate http;
    @Autowired Journeys journeys;
    @Autowired TaskService taskService;
    @Autowired ProviderService providerService;
    @Autowired JdbcTemplate jdbc;

    record Attempt(String name, String user, HttpMethod method, String path, Object body) {
    }

    @Test
    void shouldRefuseEachQuicklyNamingTheFieldAndWriteNothing() throws Exception {
        Journeys.Council northshire = new Journeys.Council("northshire", 53.80, -1.55);
        Provider eastmoorOwn = providerService.allProviders().stream().filter(p -> p.getKind() == ProviderKind.IN_HOUSE && "eastmoor".equals(p.getCouncil()))
                .findFirst().orElseThrow();
        Provider northshireOwn = providerService.allProviders().stream()
                .filter(p -> p.getKind() == ProviderKind.IN_HOUSE && "northshire".equals(p.getCouncil())).findFirst().orElseThrow();
        Referral r = journeys.refer(journeys.child(northshire, 10), "URGENT", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        Task triage = taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        String search = "/api/providers/search?placementType=FOSTER&age=10&latitude=53.8&longitude=-1.55&maxMiles=";
        Map<String, Object> child = new HashMap<>(Map.of("firstName", "Ann", "lastName", "Lee", "dateOfBirth", "2014-05-01",
                "gender", "FEMALE", "council", "northshire", "postcode", "NS1 2AB", "latitude", 53.8, "longitude", -1.55,
                "legalStatus", "C2"));
        List<Attempt> attempts = new ArrayList<>(List.of(
                new Attempt("maxMiles", "pt1", HttpMethod.GET, search + "1e308", null),
                new Attempt("maxMiles", "pt1", HttpMethod.GET, search + "Infinity", null),
                new Attempt("maxMiles", "pt1", HttpMethod.GET, search + "-Infinity", null),
                new Attempt("maxMiles", "pt1", HttpMethod.GET, search + "NaN", null),
                new Attempt("maxMiles", "pt1", HttpMethod.GET, search + "100000", null),
                new Attempt("latitude", "pt1", HttpMethod.GET, "/api/providers/search?placementType=FOSTER&age=10&latitude=NaN&longitude=-1.55", null),
                new Attempt("longitude", "pt1", HttpMethod.GET, "/api/providers/search?placementType=FOSTER&age=10&latitude=53.8&longitude=Infinity", null),
                new Attempt("latitude", "sw1", HttpMethod.POST, "/api/children", with(child, "latitude", "NaN")),
                new Attempt("longitude", "sw1", HttpMethod.POST, "/api/children", with(child, "longitude", "-Infinity")),
                new Attempt("firstName", "sw1", HttpMethod.POST, "/api/children", with(child, "firstName", "An\u0000n")),
                new Attempt("lastName", "sw1", HttpMethod.POST, "/api/children", with(child, "lastName", "Le\uD800e")),
                new Attempt("childId", "sw1", HttpMethod.POST, "/api/referrals", Map.of("childId", r.getChild().getId() + 0.5, "urgency", "PLANNED",
                        "requiredBy", LocalDate.now().plusDays(9).toString(), "placementType", "FOSTER", "plannedWeeks", 8, "maxDistanceMiles", 20,
                        "needs", List.of(), "completedBy", "Sam", "knowsChild", true)),
                new Attempt("from", "cm1", HttpMethod.GET, "/api/reports/sufficiency?council=northshire&from=-999999999-01-01&to=2026-01-01", null),
                new Attempt("to", "cm1", HttpMethod.GET, "/api/reports/sufficiency?council=northshire&from=2026-01-01&to=+999999999-12-31", null),
                new Attempt("from", "cm1", HttpMethod.GET, "/api/reports/sufficiency?council=northshire&from=0001-01-01&to=0001-12-31", null),
                new Attempt("triageNotes", "pt1", HttpMethod.POST, "/api/tasks/" + triage.getId() + "/complete",
                        Map.of("triageOutcome", "MORE_INFORMATION", "triageNotes", "x".repeat(5_000))),
                new Attempt("triageNotes", "pt1", HttpMethod.POST, "/engine-rest/task/" + triage.getId() + "/complete",
                        Map.of("variables", Map.of("triageOutcome", Map.of("value", "MORE_INFORMATION"),
                                "triageNotes", Map.of("value", "x".repeat(5_000))))),
                new Attempt("triageNotes", "pt1", HttpMethod.POST, "/engine-rest/task/" + triage.getId() + "/complete",
                        Map.of("variables", Map.of("triageOutcome", Map.of("value", "MORE_INFORMATION"),
                                "triageNotes", Map.of("value", "broken \uDC00 text"))))));
        // another council's provision: answered as if it did not exist
        Map<String, Object> home = new HashMap<>(Map.of("name", "Annexe", "placementType", "FOSTER", "minAge", 0, "maxAge", 17, "places", 2,
                "vacancies", 2, "localAuthority", "eastmoor", "postcode", "EM1 1AA", "latitude", 53.7, "longitude", -1.2));
        home.put("specialisms", List.of());
        home.put("weeklyFee", new BigDecimal("500"));
        attempts.add(new Attempt("provider", "pt1", HttpMethod.POST, "/api/providers/" + eastmoorOwn.getId() + "/services", home));
        attempts.add(new Attempt("provider", "cm2", HttpMethod.POST, "/api/providers/" + northshireOwn.getId() + "/suspension",
                Map.of("suspended", true, "reason", "Not ours to suspend")));
        attempts.add(new Attempt("providerId", "cm1", HttpMethod.POST, "/api/providers/" + northshireOwn.getId() + "/users",
                Map.of("userId", "carer.one", "firstName", "Cara", "lastName", "One", "email", "cara@example.org", "password", "long-enough-pass")));
        attempts.add(new Attempt("ssda903", "cc1", HttpMethod.GET, "/api/reports/ssda903?council=northshire&from=2026-01-01&to=2026-12-31", null));

        int decisionsBefore = count("decision_record");
        int childrenBefore = count("child");
        int servicesBefore = count("care_service");
        // a first pass, untimed, warms the JVM's code and the caches (forms' fields, the REST API's readers): what is
        // measured is how a running application answers; its cold start is StartupBenchmarkTest's. Each attempt is
        // refused and writes nothing, so making it twice changes nothing.
        attempts.forEach(a -> call(a.user(), a.method(), a.path(), a.body()));
        List<String> wrong = new ArrayList<>();
        long slowest = 0;
        for (Attempt a : attempts) {
            long start = System.nanoTime();
            ResponseEntity<String> answer = call(a.user(), a.method(), a.path(), a.body());
            long millis = (System.nanoTime() - start) / 1_000_000;
            slowest = Math.max(slowest, millis);
            int status = answer.getStatusCode().value();
            String body = answer.getBody() == null ? "" : answer.getBody();
            if (status < 400 || status >= 500 || millis > BOUND_MILLIS) {
                wrong.add(a.name() + " by " + a.user() + " " + a.path() + " answered " + status + " in " + millis + " ms: " + body);
            } else if (status == 400 && !body.contains(a.name())) {
                wrong.add(a.name() + " not named in the 400 to " + a.path() + ": " + body);
            }
            assertThat(body).as(a.path()).doesNotContain("Exception:").doesNotContain("ENGINE-").doesNotContain("insert into");
        }
        ReliabilityFigures.record("Hostile parameters", "%d requests: every answer 4xx naming the field, slowest %d ms (bound %d ms)",
                attempts.size(), slowest, BOUND_MILLIS);
        assertThat(wrong).isEmpty();
        assertThat(count("decision_record")).isEqualTo(decisionsBefore);
        assertThat(count("child")).isEqualTo(childrenBefore);
        assertThat(count("care_service")).isEqualTo(servicesBefore);
        assertThat(providerService.get(northshireOwn.getId()).isSuspended()).isFalse();
        assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isEqualTo(1);
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
