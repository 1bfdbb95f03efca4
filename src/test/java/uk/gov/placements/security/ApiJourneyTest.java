package uk.gov.placements.security;



import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import uk.gov.placements.Journeys;
import uk.gov.placements.referral.ReferralFixtures;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * One referral walked through the product API and the engine REST API as the demo users, with the
 * refusals that keep children's data safe: 401 without credentials, 400 naming each bad field with
 * nothing written, another council's user seeing nothing, and the two known holes of 7.24.0 closed.
 */
@IntegrationTest
class ApiJourneyTest {
    @Autowired TestRestTemplate http;
    @Autowired Journeys journeys;
    @Autowired ReferralFixtures referralFixtures;
    final ObjectMapper json = new ObjectMapper();

    ResponseEntity<String> call(String user, HttpMethod method, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        return http.exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }

    JsonNode ok(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return response.getBody() == null ? null : json.readTree(response.getBody());
    }

    /** The task of this test's referral (the business key is shared by the referral and its search). */
    String taskId(String user, String processKey, String taskKey, String reference) throws Exception {
        JsonNode tasks = ok(call(user, HttpMethod.GET, "/engine-rest/task?processDefinitionKey=" + processKey + "&taskDefinitionKey=" + taskKey
                + "&processInstanceBusinessKey=" + reference, null));
        assertThat(tasks).as(user + " sees " + taskKey).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    void complete(String user, String taskId, Map<String, Object> variables) throws Exception {
        Map<String, Object> vars = new java.util.HashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        ok(call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars)));
        journeys.runDueJobs();
    }

    long providerId(String name) throws Exception {
        // the register search is how staff find a provider: "tick the boxes and the options come down"
        JsonNode found = ok(call("co1", HttpMethod.GET, "/api/providers/search?placementType=" + (name.startsWith("Ridgeway")
                ? "RESIDENTIAL_SCHOOL" : "CHILDRENS_HOME") + "&age=13&latitude=53.8&longitude=-1.55&maxMiles=40", null));
        for (JsonNode s : found) {
            if (s.get("providerName").asText().equals(name)) {
                return s.get("providerId").asLong();
            }
        }
        throw new AssertionError(name + " not in the register search");
    }

    void providerUser(long providerId, String userId) throws Exception {
        ok(call("co1", HttpMethod.POST, "/api/providers/" + providerId + "/users", Map.of("userId", userId, "firstName", "Pat",
                "lastName", "Provider", "email", userId + "@provider.example.org", "password", "correct-horse-battery")));
    }

    ResponseEntity<String> callAs(String user, String password, HttpMethod method, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, password);
        return http.exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }

    void offer(String user, String password, String reference) throws Exception {
        JsonNode tasks = json.readTree(callAs(user, password, HttpMethod.GET, "/engine-rest/task?taskDefinitionKey=Task_RespondToReferral"
                + "&processInstanceBusinessKey=" + reference, null).getBody());
        assertThat(tasks).as(user + " sees its own referral only").hasSize(1);
        String id = tasks.get(0).get("id").asText();
        JsonNode summary = json.readTree(callAs(user, password, HttpMethod.GET, "/engine-rest/task/" + id + "/form-variables", null).getBody());
        // what the provider needs to decide (age, needs, home area), nothing that identifies the child: no name, initials or postcode
        assertThat(summary.get("referralSummary").get("value").asText()).contains("age ").contains("NS1").doesNotContain("J.M.")
                .doesNotContain("March").doesNotContain("NS1 2XY");
        assertThat(summary.has("childInitials")).as("the queue's initials are not among the provider's variables").isFalse();
        Map<String, Object> vars = Map.of("response", Map.of("value", "OFFER"), "weeklyFee", Map.of("value", 5100.0),
                "startDate", Map.of("value", LocalDate.now().plusDays(1).toString()), "namedCarerOrHome", Map.of("value", "Main house"),
                "howNeedsMet", Map.of("value", "Therapeutic staff team"));
        ResponseEntity<String> done = callAs(user, password, HttpMethod.POST, "/engine-rest/task/" + id + "/complete", Map.of("variables", vars));
        assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();
    }

    @Test
    void shouldWalkAReferralToAStartedPlacementAsTheDemoUsers() throws Exception {
        long oakfield = providerId("Oakfield Homes");
        long ridgeway = providerId("Ridgeway School");
        providerUser(oakfield, "oak1");
        providerUser(ridgeway, "ridge1");

        long childId = ok(call("sw1", HttpMethod.POST, "/api/children", Map.of("firstName", "Jo", "lastName", "March",
                "dateOfBirth", LocalDate.now().minusYears(13).minusDays(40).toString(), "gender", "FEMALE", "postcode", "NS1 2XY",
                "latitude", 53.80, "longitude", -1.55, "legalStatus", "C2"))).get("id").asLong();
        JsonNode created = ok(call("sw1", HttpMethod.POST, "/api/referrals", Map.of("childId", childId, "urgency", "URGENT",
                "requiredBy", LocalDate.now().plusDays(7).toString(), "placementType", "CHILDRENS_HOME", "plannedWeeks", 12,
                "maxDistanceMiles", 25, "needs", List.of(Map.of("code", "EMOTIONAL_BEHAVIOURAL", "essential", true)),
                "childViews", "I want to keep seeing my brother", "completedBy", "Sam (sw1)", "knowsChild", true)));
        long referralId = created.get("id").asLong();
        String pi = created.get("processInstanceId").asText();
        String ref = created.get("reference").asText();

        // the other council's social worker sees neither the task, nor the child, nor the referral
        assertThat(ok(call("sw2", HttpMethod.GET, "/engine-rest/task/count?processInstanceBusinessKey=" + ref, null)).get("count").asInt()).isZero();
        assertThat(ok(call("pt1", HttpMethod.GET, "/engine-rest/task/count?processInstanceBusinessKey=" + ref, null)).get("count").asInt())
                .as("the same query finds it for its own council").isEqualTo(1);
        assertThat(ok(call("sw2", HttpMethod.GET, "/engine-rest/process-instance?processInstanceIds=" + pi, null))).isEmpty();
        assertThat(call("sw2", HttpMethod.GET, "/api/children/" + childId, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("sw2", HttpMethod.GET, "/api/referrals/" + referralId + "/options", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // a team manager of the same council cannot see the placements team's triage task
        assertThat(ok(call("tm1", HttpMethod.GET, "/engine-rest/task?processInstanceId=" + pi, null))).isEmpty();

        complete("pt1", taskId("pt1", PlacementReferralProcess.KEY, PlacementReferralProcess.TASK_TRIAGE, ref), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        complete("pt1", taskId("pt1", PlacementSearchProcess.KEY, PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS, ref), Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false));

        // two matching providers answer through the REST API with their own logins; a third, not matching, sees nothing
        assertThat(json.readTree(callAs("ridge1", "correct-horse-battery", HttpMethod.GET, "/engine-rest/task", null).getBody()))
                .as("a provider the referral was not sent to sees no task at all").isEmpty();
        assertThat(callAs("ridge1", "correct-horse-battery", HttpMethod.GET, "/api/children/" + childId, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        String brightwaterTask = json.readTree(callAs("prov1", "demo", HttpMethod.GET, "/engine-rest/task?taskDefinitionKey=Task_RespondToReferral"
                + "&processInstanceBusinessKey=" + ref, null).getBody()).get(0).get("id").asText();
        assertThat(callAs("oak1", "correct-horse-battery", HttpMethod.POST, "/engine-rest/task/" + brightwaterTask + "/complete",
                Map.of("variables", Map.of("response", Map.of("value", "DECLINE"), "declineReason", Map.of("value", "OTHER"))))
                .getStatusCode().is2xxSuccessful()).as("one provider cannot answer another's referral").isFalse();
        offer("prov1", "demo", ref);
        offer("oak1", "correct-horse-battery", ref);
        journeys.runDueJobs();

        JsonNode options = ok(call("sw1", HttpMethod.GET, "/api/referrals/" + referralId + "/options", null));
        assertThat(options.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(options.get(0).get("reasons").asText()).contains("miles from home");
        assertThat(options.findValuesAsText("providerName")).contains("Oakfield Homes", "Brightwater Care", "Northshire Children's Homes");
        for (JsonNode o : options) {
            assertThat(o.get("distanceMiles").asDouble()).isLessThanOrEqualTo(25.0);
            // each option's home's vacancies now, with when they were last given and whether that is too long ago
            assertThat(o.get("vacancies").isInt()).isTrue();
            assertThat(o.has("vacanciesUpdatedAt")).isTrue();
            assertThat(o.get("vacanciesStale").isBoolean()).isTrue();
        }
        long top = options.get(0).get("id").asLong();
        complete("sw1", taskId("sw1", PlacementReferralProcess.KEY, PlacementReferralProcess.TASK_SELECT_PLACEMENT, ref), Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, top));

        String approval = taskId("ad1", PlacementReferralProcess.KEY, PlacementReferralProcess.TASK_APPROVE_PLACEMENT, ref);   // 12 weeks at over £2,084 is above £25,000
        assertThat(ok(call("tm1", HttpMethod.GET, "/engine-rest/task?processInstanceId=" + pi, null))).isEmpty();
        // a missing decision is refused with a 400 naming the field, and the task stays open
        ResponseEntity<String> refused = call("ad1", HttpMethod.POST, "/engine-rest/task/" + approval + "/complete", Map.of("variables", Map.of()));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("approvalDecision must be APPROVE, REJECT or RETURN");
        assertThat(json.readTree(refused.getBody()).get("errors").findValuesAsText("field")).containsExactly("approvalDecision");
        assertThat(call("ad1", HttpMethod.GET, "/engine-rest/task/" + approval, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        complete("ad1", approval, Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE", PlacementReferralProcess.APPROVAL_REASON, "Good match, keeps contact with brother"));

        JsonNode placementList = ok(call("sw1", HttpMethod.GET, "/api/placements?childId=" + childId, null));
        assertThat(placementList).hasSize(1);
        JsonNode p = placementList.get(0);
        // the providers offered a start tomorrow: the placement is planned until that day, its place held
        assertThat(p.get("status").asText()).isEqualTo("PLANNED");
        assertThat(p.get("startDate").asText()).isEqualTo(LocalDate.now().plusDays(1).toString());
        assertThat(p.get("approvedBy").asText()).isEqualTo("ad1");
        assertThat(p.get("approverGroup").asText()).isEqualTo("assistant-directors");
        assertThat(p.get("weeklyCost").asDouble()).isPositive();
        assertThat(p.has("distanceMiles") && p.has("outOfArea") && p.has("secondBest")).isTrue();
        assertThat(ok(call("sw2", HttpMethod.GET, "/api/placements", null))).noneMatch(x -> x.get("childId").asLong() == childId);

        JsonNode trail = ok(call("sw1", HttpMethod.GET, "/api/referrals/" + referralId + "/decisions", null));
        assertThat(trail.findValuesAsText("decidedBy")).contains("pt1", "prov1", "oak1", "sw1", "ad1");
        taskId("sw1", PlacementReferralProcess.KEY, PlacementReferralProcess.TASK_WRITE_PLACEMENT_PLAN, ref);
    }

    @Test
    void shouldAnswer401WithoutCredentialsOrWithAWrongPassword() {
        assertThat(call(null, HttpMethod.GET, "/api/placements", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(null, HttpMethod.GET, "/engine-rest/task", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("cm1", "wrong");   // not a user other tests use: a failed login delays the next (brute-force throttling)
        assertThat(http.exchange("/api/placements", HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAnswer400NamingEveryBadFieldAndWriteNothing() throws Exception {
        long before = referralFixtures.count();
        ResponseEntity<String> response = call("sw1", HttpMethod.POST, "/api/referrals", Map.of("childId", 999999, "urgency", "SOON",
                "requiredBy", "2020-01-01", "placementType", "CASTLE", "plannedWeeks", -3, "maxDistanceMiles", 20,
                "needs", List.of(Map.of("code", "NOT_A_NEED", "essential", true)), "knowsChild", true));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field"))
                .contains("childId", "urgency", "requiredBy", "placementType", "plannedWeeks", "needs[0].code", "completedBy");
        assertThat(referralFixtures.count()).isEqualTo(before);

        ResponseEntity<String> child = call("sw1", HttpMethod.POST, "/api/children", Map.of("firstName", "", "lastName", "X",
                "dateOfBirth", "1980-01-01", "gender", "F", "postcode", "nowhere", "latitude", 99, "longitude", -1, "legalStatus", "ZZ"));
        assertThat(child.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(child.getBody()).get("errors").findValuesAsText("field"))
                .contains("firstName", "dateOfBirth", "postcode", "latitude", "legalStatus");
        ResponseEntity<String> wrongType = call("sw1", HttpMethod.POST, "/api/referrals", "{\"childId\":\"abc\"}");
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongType.getBody()).contains("childId");
    }

    @Test
    void shouldRefuseTheFirstRunSetupEndpointOnceAnAdministratorExists() {
        ResponseEntity<String> response = http.postForEntity("/camunda/api/admin/setup/default/user/create",
                new HttpEntity<>(Map.of("profile", Map.of("id", "attacker", "firstName", "A", "lastName", "B", "email", "a@b.c"),
                        "credentials", Map.of("password", "attacker-password")), new HttpHeaders()), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders admin = new HttpHeaders();
        admin.setBasicAuth("admin", "demo");
        assertThat(http.exchange("/engine-rest/user?id=attacker", HttpMethod.GET, new HttpEntity<>(admin), String.class).getBody())
                .isEqualTo("[]");
    }

    @Test
    void shouldRefuseExpressionsSmuggledIntoTaskQueriesThroughOrQueries() throws Exception {
        Map<String, Object> query = Map.of("orQueries", List.of(Map.of("candidateGroupExpression",
                "${''.getClass().forName('java.lang.Runtime')}")));
        ResponseEntity<String> post = call("sw1", HttpMethod.POST, "/engine-rest/task", query);
        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post.getBody()).contains("Expressions are not allowed");
        assertThat(call("sw1", HttpMethod.POST, "/engine-rest/task/count", query).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call("sw1", HttpMethod.GET, "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        // an ordinary query still works
        assertThat(call("sw1", HttpMethod.POST, "/engine-rest/task", Map.of("orQueries", List.of(Map.of("candidateGroup", "social-workers"))))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldPublishHealthOpenApiAndMetricsToTheRightPeople() throws Exception {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("UP");
        ResponseEntity<String> docs = http.getForEntity("/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(docs.getBody()).get("paths").has("/api/referrals")).isTrue();
        assertThat(call(null, HttpMethod.GET, "/actuator/metrics", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call("sw1", HttpMethod.GET, "/actuator/metrics", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("admin", HttpMethod.GET, "/actuator/metrics/jvm.memory.used", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldLetOnlyAdministratorsCreateFilters() {
        Map<String, Object> filter = Map.of("resourceType", "Task", "name", "Mine", "query", Map.of());
        assertThat(call("sw1", HttpMethod.POST, "/engine-rest/filter/create", filter).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders admin = new HttpHeaders();
        admin.setBasicAuth("admin", "demo");
        admin.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/engine-rest/filter/create", HttpMethod.POST, new HttpEntity<>(filter, admin), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
