package uk.gov.placements.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.placement.PlacementFixtures;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.BadInputs;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.provider.CareService;

/**
 * The referral start form's choices of child and current placement: the signed-in social worker's allocated
 * children and their current placements, by name, age, home and date, served with the start form (its variables and
 * the deployed form the Tasklist draws) and never a Camunda variable; another council's children are never among them.
 */
@IntegrationTest
class ReferralStartChoicesTest {
    @Autowired TestRestTemplate http;
    @Autowired Journeys journeys;
    @Autowired ChildService children;
    @Autowired PlacementFixtures placements;
    @Autowired ReferralRepository referrals;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldOfferTheSocialWorkersOwnChildrenAndTheirPlacementsAndNoOtherCouncils() throws Exception {
        LocalDate born = LocalDate.now().minusYears(12).minusDays(30);
        Child nora = journeys.as("sw1", "social-workers", "northshire", () -> children.register(new ChildService.NewChild("Nora",
                "Choosable", born, "FEMALE", "northshire", "LS1 4AP", null, null, "C2"), "northshire"));
        Child eve = journeys.as("sw2", "social-workers", "eastmoor", () -> children.register(new ChildService.NewChild("Eve",
                "Elsewhere", LocalDate.now().minusYears(9), "FEMALE", "eastmoor", "YO1 7HH", null, null, "C2"), "eastmoor"));
        CareService home = journeys.inHouse(new Journeys.Council("northshire", 53.80, -1.55), "northshire", PlacementType.FOSTER, 480);
        LocalDate since = LocalDate.now().minusDays(40);
        Placement current = placements.save(PlacementFixtures.of(null, nora.getId(), "northshire", PlacementType.FOSTER, since)
                .at(home.getId(), home.getProvider().getId(), true, java.math.BigDecimal.valueOf(480), 1.0, "LS1 4AP", "LS1 5AA", null)
                .codes("U4", "PR1", null).approval("tm1", "team-managers", java.time.Instant.now(), "test").planDue(LocalDate.now()));
        String noraLabel = "Nora Choosable, 12 (born " + UkFormat.date(born) + ")";
        String placementLabel = "Nora Choosable at " + home.getName() + ", since " + UkFormat.date(since);

        // the start form's variables, by key and by the definition's id
        JsonNode sw1 = formVariables("sw1", "/engine-rest/process-definition/key/placementReferral/form-variables");
        assertThat(options(sw1, "childChoices")).containsEntry(noraLabel, String.valueOf(nora.getId()))
                .doesNotContainKey("Eve Elsewhere, 9 (born " + UkFormat.date(eve.getDateOfBirth()) + ")")
                .allSatisfy((label, value) -> assertThat(label).doesNotContain("Eve Elsewhere"));
        assertThat(options(sw1, "placementChoices")).containsEntry(placementLabel, String.valueOf(current.getId()));
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PlacementReferralProcess.KEY)
                .latestVersion().singleResult().getId();
        assertThat(options(formVariables("sw1", "/engine-rest/process-definition/" + definition + "/form-variables"), "childChoices"))
                .containsEntry(noraLabel, String.valueOf(nora.getId()));

        JsonNode sw2 = formVariables("sw2", "/engine-rest/process-definition/key/placementReferral/form-variables");
        assertThat(options(sw2, "childChoices")).containsValue(String.valueOf(eve.getId()))
                .allSatisfy((label, value) -> assertThat(label).doesNotContain("Nora Choosable"));
        assertThat(options(sw2, "placementChoices")).allSatisfy((label, value) -> assertThat(label).doesNotContain("Nora Choosable"));
        // the administrator reads the form but has no children allocated: nothing to choose, nobody else's
        assertThat(options(formVariables("admin", "/engine-rest/process-definition/key/placementReferral/form-variables"), "childChoices")).isEmpty();

        // the deployed form the Tasklist draws carries the same options in its selects
        ResponseEntity<String> form = call("sw1", HttpMethod.GET, "/engine-rest/process-definition/" + definition + "/deployed-start-form", null);
        assertThat(form.getStatusCode().value()).as(form.getBody()).isEqualTo(200);
        JsonNode select = component(json.readTree(form.getBody()), "existingChildId");
        assertThat(select.get("type").asText()).isEqualTo("select");
        assertThat(select.has("valuesKey")).isFalse();
        assertThat(select.get("values").findValuesAsText("label")).contains(noraLabel).noneMatch(l -> l.contains("Eve Elsewhere"));
        assertThat(component(json.readTree(form.getBody()), "currentPlacementId").get("values").findValuesAsText("label")).contains(placementLabel);
        assertThat(component(json.readTree(form.getBody()), "childLatitude")).as("no coordinates on the form").isNull();

        // the social worker picks both from the form: the referral is Nora's, moving from her current placement
        Map<String, Object> start = BadInputs.validStartForm(0, 0);
        start.keySet().removeAll(List.of("childFirstName", "childLastName", "childDateOfBirth", "childGender", "childPostcode",
                "childLatitude", "childLongitude", "legalStatus"));
        start.put("existingChildId", String.valueOf(nora.getId()));
        start.put("currentPlacementId", String.valueOf(current.getId()));
        start.put("reasonPlaceChange", "CARPL");
        Map<String, Object> variables = new HashMap<>();
        for (Map.Entry<String, Object> e : start.entrySet()) {
            variables.put(e.getKey(), e.getValue() instanceof List<?> list
                    ? Map.of("value", json.writeValueAsString(list), "type", "Json") : Map.of("value", e.getValue()));
        }
        ResponseEntity<String> started = call("sw1", HttpMethod.POST, "/engine-rest/process-definition/key/placementReferral/submit-form",
                Map.of("variables", variables));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        Referral referral = referrals.findAll().stream().filter(r -> r.getChild().getId().equals(nora.getId())).findFirst().orElseThrow();
        assertThat(referral.getCurrentPlacementId()).isEqualTo(current.getId());
        assertThat(historyService.createHistoricVariableInstanceQuery().variableNameIn("childChoices", "placementChoices").count())
                .as("the choices are never the engine's").isZero();

        // another council's child cannot be chosen by typing its id
        start.put("existingChildId", String.valueOf(eve.getId()));
        start.remove("currentPlacementId");
        variables.put("existingChildId", Map.of("value", String.valueOf(eve.getId())));
        variables.remove("currentPlacementId");
        ResponseEntity<String> refused = call("sw1", HttpMethod.POST, "/engine-rest/process-definition/key/placementReferral/submit-form",
                Map.of("variables", variables));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("existingChildId");
    }

    private JsonNode formVariables(String user, String url) throws Exception {
        ResponseEntity<String> answer = call(user, HttpMethod.GET, url, null);
        assertThat(answer.getStatusCode().value()).as(url + " as " + user + ": " + answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    /** A Json variable of select options, as label → value. */
    private Map<String, String> options(JsonNode variables, String name) throws Exception {
        JsonNode variable = variables.get(name);
        assertThat(variable).as(name).isNotNull();
        assertThat(variable.get("type").asText()).isEqualTo("Json");
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (JsonNode o : json.readTree(variable.get("value").asText())) {
            options.put(o.get("label").asText(), o.get("value").asText());
        }
        return options;
    }

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode c : form.path("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
        }
        return null;
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String url, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBasicAuth(user, "demo");
        return http.exchange(url, method, new HttpEntity<>(body, h), String.class);
    }
}
