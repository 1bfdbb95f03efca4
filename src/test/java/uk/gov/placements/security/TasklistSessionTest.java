package uk.gov.placements.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.util.LinkedMultiValueMap;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.referral.Referral;

/**
 * The product's pages in the Tasklist's session: a person signed in to the Tasklist reads the case pages without a
 * second sign-in, as themselves (another council's case is not there), a change needs the session's CSRF token, and
 * signing out of the Tasklist signs the pages out.
 */
@IntegrationTest
class TasklistSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Autowired TestRestTemplate http;
    @Autowired Journeys journeys;
    @Autowired TaskService taskService;

    /** A browser's Tasklist session: its cookies and the CSRF token the webapp bound to it. */
    record WebSession(String cookies, String token) {
        HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, cookies);
            headers.add("X-Requested-With", "XMLHttpRequest");
            return headers;
        }
    }

    WebSession signIn(String user) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
        String cookies = cookies(page, "");
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", "demo");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-XSRF-TOKEN", token);
        headers.add(HttpHeaders.COOKIE, cookies);
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode().value()).as("Tasklist sign-in of " + user).isEqualTo(200);
        // the sign-in gives the session a new id; the webapp binds a new token to it with its next page
        String signedIn = cookies(login, cookies);
        HttpHeaders again = new HttpHeaders();
        again.add(HttpHeaders.COOKIE, signedIn);
        ResponseEntity<String> next = http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(again), String.class);
        return new WebSession(cookies(next, signedIn), next.getHeaders().getFirst("X-XSRF-TOKEN"));
    }

    private static String cookies(ResponseEntity<?> response, String previous) {
        List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (set == null || set.isEmpty()) {
            return previous;
        }
        java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
        for (String c : previous.isEmpty() ? new String[0] : previous.split("; ")) {
            jar.put(c.split("=", 2)[0], c);
        }
        set.stream().map(c -> c.split(";", 2)[0]).forEach(c -> jar.put(c.split("=", 2)[0], c));
        return String.join("; ", jar.values());
    }

    ResponseEntity<String> get(WebSession session, String url) {
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(session.headers()), String.class);
    }

    @Test
    void shouldServeTheCasePagesInTheTasklistSessionAsTheSignedInPerson() throws Exception {
        Child child = journeys.child(new Journeys.Council("northshire", 53.80, -1.55), 12);
        Referral referral = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 4, null);
        Task triage = taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId()).singleResult();

        WebSession sw1 = signIn("sw1");
        JsonNode who = JSON.readTree(get(sw1, "/api/session").getBody());
        assertThat(who.get("userId").asText()).isEqualTo("sw1");
        assertThat(who.get("csrfToken").asText()).isEqualTo(sw1.token());
        assertThat(who.get("groups")).extracting(JsonNode::asText).contains("Social workers").doesNotContain("social-workers");

        ResponseEntity<String> page = get(sw1, "/api/cases/referrals/" + referral.getId());
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        JsonNode c = JSON.readTree(page.getBody());
        assertThat(c.get("reference").asText()).isEqualTo(referral.getReference());
        assertThat(c.at("/timeline/waitingOn/0/what").asText()).startsWith("Triage referral");
        assertThat(c.at("/timeline/waitingOn/0/who").asText()).isEqualTo("Placements team");
        JsonNode link = JSON.readTree(get(sw1, "/api/cases/processes/" + referral.getProcessInstanceId()).getBody());
        assertThat(link.get("referralId").asLong()).isEqualTo(referral.getId());
        assertThat(link.get("childId").asLong()).isEqualTo(child.getId());
        assertThat(get(sw1, "/api/cases/children/" + child.getId()).getStatusCode().value()).isEqualTo(200);

        // the placements team's task leads to its case; a social worker cannot see that task, so it leads nowhere
        WebSession pt1 = signIn("pt1");
        assertThat(JSON.readTree(get(pt1, "/api/cases/tasks/" + triage.getId()).getBody()).get("reference").asText())
                .isEqualTo(referral.getReference());
        assertThat(get(sw1, "/api/cases/tasks/" + triage.getId()).getStatusCode().value()).isEqualTo(404);

        // another council's social worker, signed in the same way, is told the case is not there
        WebSession sw2 = signIn("sw2");
        assertThat(get(sw2, "/api/cases/referrals/" + referral.getId()).getStatusCode().value()).isEqualTo(404);
        assertThat(get(sw2, "/api/cases/children/" + child.getId()).getStatusCode().value()).isEqualTo(404);

        // a change in the session needs the session's CSRF token: without it, refused before anything is read
        HttpHeaders change = sw1.headers();
        change.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> forged = http.exchange("/api/children", HttpMethod.POST, new HttpEntity<>(Map.of(), change), String.class);
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody()).contains("did not come from the product's own pages");
        change.add("X-XSRF-TOKEN", sw1.token());
        assertThat(http.exchange("/api/children", HttpMethod.POST, new HttpEntity<>(Map.of(), change), String.class).getStatusCode().value())
                .as("the same change with the token reaches the product, which names the missing fields").isEqualTo(400);

        // a decision the product refuses reads as the product's sentence in the Tasklist, with nothing of the engine
        HttpHeaders submit = pt1.headers();
        submit.setContentType(MediaType.APPLICATION_JSON);
        submit.add("X-XSRF-TOKEN", pt1.token());
        ResponseEntity<String> refused = http.exchange("/camunda/api/engine/engine/default/task/" + triage.getId() + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", Map.of("triageOutcome", Map.of("value", "NOT_AN_OUTCOME"))), submit), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        // the Tasklist shows the message: the product's sentence, naming the field
        assertThat(JSON.readTree(refused.getBody()).get("message").asText()).isEqualTo("triageOutcome must be ACCEPT or MORE_INFORMATION");
        assertThat(refused.getBody()).doesNotContain("ENGINE-").doesNotContain(triage.getId());

        // the task completed, a second completion (a colleague's, a double click) reads plainly too
        ResponseEntity<String> done = http.exchange("/camunda/api/engine/engine/default/task/" + triage.getId() + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", Map.of("triageOutcome", Map.of("value", "ACCEPT"))), submit), String.class);
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        ResponseEntity<String> again = http.exchange("/camunda/api/engine/engine/default/task/" + triage.getId() + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", Map.of("triageOutcome", Map.of("value", "ACCEPT"))), submit), String.class);
        assertThat(again.getStatusCode().value()).isGreaterThanOrEqualTo(400);
        assertThat(JSON.readTree(again.getBody()).get("message").asText()).doesNotContain("ENGINE-").doesNotContain("Exception")
                .doesNotContain(triage.getId()).isNotBlank();

        // signing out of the Tasklist signs the pages out
        HttpHeaders logout = sw1.headers();
        logout.add("X-XSRF-TOKEN", sw1.token());
        http.exchange("/camunda/api/admin/auth/user/default/logout", HttpMethod.POST, new HttpEntity<>(logout), String.class);
        assertThat(get(sw1, "/api/cases/referrals/" + referral.getId()).getStatusCode().value()).isEqualTo(401);
        // and a session is no way into the engine's REST API, which takes credentials only
        assertThat(get(pt1, "/engine-rest/task").getStatusCode().value()).isEqualTo(401);
    }
}
