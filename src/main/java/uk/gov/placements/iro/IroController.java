package uk.gov.placements.iro;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.child.ChildRepository;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

@RestController
@RequestMapping("/api/children/{id}")
class IroController {
    private final IroReviewRepository reviews;
    private final IroReviewService service;
    private final MatchingRecord matchingRecord;
    private final IroDisputes disputes;
    private final ChildRepository children;
    private final CurrentUser currentUser;
    private final SystemActions system;

    IroController(IroReviewRepository reviews, IroReviewService service, MatchingRecord matchingRecord, IroDisputes disputes,
                  ChildRepository children, CurrentUser currentUser, SystemActions system) {
        this.disputes = disputes;
        this.system = system;
        this.reviews = reviews;
        this.service = service;
        this.matchingRecord = matchingRecord;
        this.children = children;
        this.currentUser = currentUser;
    }

    @GetMapping("/reviews")
    List<Map<String, Object>> reviews(@PathVariable Long id) {
        visible(id);
        return reviews.findByChildIdOrderBySequenceNumberAsc(id).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequenceNumber", r.getSequenceNumber());
            m.put("dueDate", r.getDueDate().toString());
            m.put("status", r.getStatus());
            m.put("broughtForward", r.isBroughtForward());
            m.put("heldOn", r.getHeldOn() == null ? null : r.getHeldOn().toString());
            m.put("outcome", r.getOutcome());
            m.put("recommendations", r.getRecommendations());
            return m;
        }).toList();
    }

    /** The IRO's disputes about the child's plan: each tier's answer and the IRO's decision on it, with who and when. */
    @GetMapping("/disputes")
    List<Map<String, Object>> disputes(@PathVariable Long id) {
        visible(id);
        return disputes.ofChild(id).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.getId());
            m.put("status", d.getStatus());
            m.put("stage", d.getStage());
            m.put("concern", d.getConcern());
            m.put("raisedBy", d.getRaisedBy());
            m.put("raisedAt", d.getRaisedAt().toString());
            m.put("closedBy", d.getClosedBy());
            m.put("closedAt", d.getClosedAt() == null ? null : d.getClosedAt().toString());
            m.put("cafcassReferredOn", d.getCafcassReferredOn() == null ? null : d.getCafcassReferredOn().toString());
            m.put("cafcassReference", d.getCafcassReference());
            m.put("steps", d.getSteps().stream().map(st -> {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("stage", st.getStage());
                step.put("answerDue", st.getAnswerDue().toString());
                step.put("answer", st.getAnswer());
                step.put("answeredBy", st.getAnsweredBy());
                step.put("answeredAt", st.getAnsweredAt() == null ? null : st.getAnsweredAt().toString());
                step.put("decision", st.getDecision());
                step.put("decisionReason", st.getDecisionReason());
                step.put("decidedBy", st.getDecidedBy());
                step.put("decidedAt", st.getDecidedAt() == null ? null : st.getDecidedAt().toString());
                return step;
            }).toList());
            return m;
        }).toList();
    }

    /** How the child's current placement was found: what the IRO scrutinises. */
    @GetMapping("/matching-record")
    Map<String, Object> matchingRecord(@PathVariable Long id) {
        visible(id);
        return Map.of("childId", id, "matchingRecord", matchingRecord.forChild(id));
    }

    /** Message ChildLeftCare: the reviews end. 409 when the child has no running review. */
    @PostMapping("/left-care")
    Map<String, Object> leftCare(@PathVariable Long id) {
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS, Roles.IROS, Roles.TEAM_MANAGERS);
        visible(id);
        system.run(() -> service.leftCare(id));   // role and council checked above
        return Map.of("childId", id, "reviews", "ended");
    }

    private void visible(Long id) {
        children.findById(id).filter(c -> currentUser.canSeeCouncil(c.getCouncil())).orElseThrow(() -> new NotFoundException("Child", id));
    }
}
