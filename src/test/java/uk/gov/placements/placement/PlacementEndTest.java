package uk.gov.placements.placement;



import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.UkTime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.iro.IroReview;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.reporting.ReportService;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * POST /api/placements/{id}/end with the SSDA903 codes: checked before anything changes, and every consequence
 * when it ends — the place back in the home's vacancies, the independent placement's monitoring closed with the
 * exit interview, the IRO's reviews ended when the child leaves care, the 903 episode closed with that REC and
 * date, and a return to care reviewed as a new start.
 */
@IntegrationTest
class PlacementEndTest {
    static final Journeys.Council NORTHSHIRE = new Journeys.Council("northshire", 53.80, -1.55);
    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired Journeys journeys;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired PlacementRepository placements;
    @Autowired SearchService searchService;
    @Autowired ProviderService providerService;
    @Autowired ChildService children;
    @Autowired IroReviewService reviews;
    @Autowired ReportService reports;
    @Autowired uk.gov.placements.reporting.Ssda903Return ssda903;
    @Autowired WorkingDays workingDays;
    final ObjectMapper json = new ObjectMapper();

    Task only(String processInstanceId, String key) {
        return journeys.only(processInstanceId, key);
    }

    /** A Northshire referral placed with the given home: every provider asked offers, the home is chosen and approved. */
    Placement placeWith(Referral r, CareService home, LocalDate proposedStart) {
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_TRIAGE).getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        ProcessInstance search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(r.getProcessInstanceId()).singleResult();
        taskService.complete(only(search.getId(), PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).getId(),
                Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false, PlacementSearchProcess.PROPOSED_START_DATE, proposedStart.toString()));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        journeys.offerAll(search);
        journeys.waiveIfAsked(search);
        Long option = searchService.optionsOf(r.getId()).stream()
                .filter(o -> o.getService().getId().equals(home.getId())).findFirst().orElseThrow().getId();
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_SELECT_PLACEMENT).getId(),
                Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, option, PlacementReferralProcess.SELECTION_REASON, "The home the child chose"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_APPROVE_PLACEMENT).getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE"));
        journeys.runDueJobs();
        return placements.findByChildIdOrderByStartDateAscIdAsc(r.getChild().getId()).stream()
                .filter(p -> r.getId().equals(p.getReferralId())).findFirst().orElseThrow();
    }

    @Test
    void shouldEndAPlacementWhenTheChildLeavesCareWithEveryConsequence() throws Exception {
        CareService home = journeys.independent(NORTHSHIRE, "northshire", PlacementType.FOSTER, 430, OfstedRating.GOOD, NeedCode.SUBSTANCE_MISUSE);
        Referral r = journeys.refer(journeys.child(NORTHSHIRE, 16), "URGENT", PlacementType.FOSTER, 8, null, NeedCode.SUBSTANCE_MISUSE);
        Placement p = placeWith(r, home, UkTime.today(clock));
        assertThat(p.getStatus()).isEqualTo(PlacementStatus.ACTIVE);
        String url = "/api/placements/" + p.getId() + "/end";
        int vacancies = providerService.home(home.getId()).getVacancies();

        // checked before anything changes, each field named
        ResponseEntity<String> bad = call("sw1", url, Map.of("reasonEpisodeCeased", "X1"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field")).contains("endDate", "reasonPlaceChange", "unplanned");
        assertThat(json.readTree(call("sw1", url, ending("ZZ9", null)).getBody()).get("errors").findValuesAsText("field"))
                .contains("reasonEpisodeCeased");
        Map<String, Object> future = ending("E13", null);
        future.put("endDate", UkTime.today(clock).plusDays(1).toString());
        assertThat(json.readTree(call("sw1", url, future).getBody()).get("errors").findValuesAsText("field")).contains("endDate");
        // the wrong people: another council as if it did not exist, another group refused
        ResponseEntity<String> theirs = call("sw2", url, ending("E13", null));
        ResponseEntity<String> none = call("sw2", "/api/placements/999999999/end", ending("E13", null));
        assertThat(theirs.getStatusCode().value()).isEqualTo(404).isEqualTo(none.getStatusCode().value());
        assertThat(uk.gov.placements.common.BadInputs.idAsWord(theirs.getBody(), p.getId())).isEqualTo(none.getBody().replace("999999999", "ID"));
        assertThat(call("pt1", url, ending("E13", null)).getStatusCode().value()).isEqualTo(403);
        assertThat(placements.findById(p.getId()).orElseThrow().getStatus()).isEqualTo(PlacementStatus.ACTIVE);

        // the child returns home to their parents (E13), unplanned
        int disruptions = reports.sufficiency("northshire", UkTime.today(clock), UkTime.today(clock)).disruptions();
        ResponseEntity<String> ended = call("sw1", url, ending("E13", null));
        assertThat(ended.getStatusCode().value()).as(ended.getBody()).isEqualTo(200);
        JsonNode view = json.readTree(ended.getBody());
        assertThat(view.get("status").asText()).isEqualTo("ENDED");
        assertThat(view.get("reasonEpisodeCeased").asText()).isEqualTo("E13");
        assertThat(view.get("unplannedEnd").asBoolean()).isTrue();
        assertThat(providerService.home(home.getId()).getVacancies()).as("the place returns").isEqualTo(vacancies + 1);
        // monitoring closes with the exit interview; the reviews end
        ProcessInstance monitoring = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PLACEMENT-" + p.getId()).singleResult();
        assertThat(monitoring).isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceId(monitoring.getId()).taskDefinitionKey(ContractMonitoringProcess.TASK_RECORD_EXIT_INTERVIEW).count())
                .isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CHILD-" + r.getChild().getId()).count()).isZero();
        assertThat(children.find(r.getChild().getId()).orElseThrow().getLookedAfterSince()).isNull();
        // the 903 episode closes with that code and date
        var episode = ssda903.episodes("northshire", UkTime.today(clock), UkTime.today(clock)).stream()
                .filter(e -> e.child().equals(r.getChild().getId())).findFirst().orElseThrow();
        assertThat(episode.reasonEpisodeCeased()).isEqualTo("E13");
        assertThat(episode.end()).isEqualTo(UkTime.today(clock));
        // an unplanned end counts as a disruption in the sufficiency figures
        assertThat(reports.sufficiency("northshire", UkTime.today(clock), UkTime.today(clock)).disruptions())
                .isEqualTo(disruptions + 1);
        // ending it twice is a conflict
        assertThat(call("sw1", url, ending("E13", null)).getStatusCode().value()).isEqualTo(409);

        // back into care a few days on: reviewed as a new start, the first review within 20 working days of it
        LocalDate back = UkTime.today(clock).plusDays(6);
        CareService next = journeys.inHouse(NORTHSHIRE, "northshire", PlacementType.FOSTER, 440, NeedCode.SUBSTANCE_MISUSE);
        Referral again = journeys.refer(children.find(r.getChild().getId()).orElseThrow(), "PLANNED", PlacementType.FOSTER, 8, null,
                NeedCode.SUBSTANCE_MISUSE);
        Placement returned = placeWith(again, next, back);
        assertThat(returned.getStartDate()).isEqualTo(back);
        IroReview first = reviews.reviewsOf(r.getChild().getId()).stream()
                .filter(x -> x.getStatus() == IroReview.Status.SCHEDULED).reduce((a, b) -> b).orElseThrow();
        assertThat(first.getDueDate()).isEqualTo(workingDays.plus(returned.getStartDate(), 20));
    }

    @Test
    void shouldMoveAChildWithinCareWithTheReasonForThePlaceChange() throws Exception {
        CareService home = journeys.independent(NORTHSHIRE, "northshire", PlacementType.FOSTER, 420, OfstedRating.GOOD, NeedCode.GOING_MISSING);
        Referral r = journeys.refer(journeys.child(NORTHSHIRE, 13), "URGENT", PlacementType.FOSTER, 8, null, NeedCode.GOING_MISSING);
        Placement p = placeWith(r, home, UkTime.today(clock));
        ResponseEntity<String> ended = call("tm1", "/api/placements/" + p.getId() + "/end", ending("X1", "CARPL"));
        assertThat(ended.getStatusCode().value()).as(ended.getBody()).isEqualTo(200);
        Placement after = placements.findById(p.getId()).orElseThrow();
        assertThat(after.getReasonEpisodeCeased()).isEqualTo("X1");
        assertThat(after.getEndReasonPlaceChange()).isEqualTo("CARPL");
        // still in care: the reviews go on; the monitoring of this placement closes with its exit interview
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CHILD-" + r.getChild().getId()).count()).isEqualTo(1);
        ProcessInstance monitoring = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PLACEMENT-" + p.getId()).singleResult();
        assertThat(taskService.createTaskQuery().processInstanceId(monitoring.getId()).taskDefinitionKey(ContractMonitoringProcess.TASK_RECORD_EXIT_INTERVIEW).count())
                .isEqualTo(1);
    }

    Map<String, Object> ending(String rec, String reasonPlaceChange) {
        Map<String, Object> body = new HashMap<>();
        body.put("endDate", UkTime.today(clock).toString());
        body.put("reasonEpisodeCeased", rec);
        body.put("reasonPlaceChange", reasonPlaceChange);
        body.put("unplanned", true);
        body.put("notes", "Returned home after a family meeting");
        return body;
    }

    ResponseEntity<String> call(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
