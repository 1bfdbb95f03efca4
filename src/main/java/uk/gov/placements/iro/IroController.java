package uk.gov.placements.iro;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.child.ChildService;
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
    private final ChildService children;
    private final CurrentUser currentUser;
    private final SystemActions system;

    IroController(IroReviewRepository reviews, IroReviewService service, MatchingRecord matchingRecord, IroDisputes disputes,
                  ChildService children, CurrentUser currentUser, SystemActions system) {
        this.disputes = disputes;
        this.system = system;
        this.reviews = reviews;
        this.service = service;
        this.matchingRecord = matchingRecord;
        this.children = children;
        this.currentUser = currentUser;
    }

    record ReviewView(int sequenceNumber, String dueDate, IroReview.Status status, boolean broughtForward, String heldOn, String outcome,
                      String recommendations) {
    }

    record DisputeView(Long id, IroDispute.Status status, IroDispute.Stage stage, String concern, String raisedBy, String raisedAt,
                       String closedBy, String closedAt, String cafcassReferredOn, String cafcassReference, List<DisputeStepView> steps) {
    }

    /** One tier of a dispute: its answer, and the IRO's decision on it. */
    record DisputeStepView(IroDispute.Stage stage, String answerDue, String answer, String answeredBy, String answeredAt,
                           IroDispute.Decision decision, String decisionReason, String decidedBy, String decidedAt) {
    }

    record MatchingRecordView(Long childId, String matchingRecord) {
    }

    record ReviewsEnded(Long childId, String reviews) {
    }

    @GetMapping("/reviews")
    List<ReviewView> reviews(@PathVariable Long id) {
        visible(id);
        return reviews.findByChildIdOrderBySequenceNumberAsc(id).stream().map(r -> new ReviewView(r.getSequenceNumber(),
                r.getDueDate().toString(), r.getStatus(), r.isBroughtForward(), r.getHeldOn() == null ? null : r.getHeldOn().toString(),
                r.getOutcome(), r.getRecommendations())).toList();
    }

    /** The IRO's disputes about the child's plan: each tier's answer and the IRO's decision on it, with who and when. */
    @GetMapping("/disputes")
    List<DisputeView> disputes(@PathVariable Long id) {
        visible(id);
        return disputes.ofChild(id).stream().map(d -> new DisputeView(d.getId(), d.getStatus(), d.getStage(), d.getConcern(), d.getRaisedBy(),
                d.getRaisedAt().toString(), d.getClosedBy(), d.getClosedAt() == null ? null : d.getClosedAt().toString(),
                d.getCafcassReferredOn() == null ? null : d.getCafcassReferredOn().toString(), d.getCafcassReference(),
                d.getSteps().stream().map(st -> new DisputeStepView(st.getStage(), st.getAnswerDue().toString(), st.getAnswer(),
                        st.getAnsweredBy(), st.getAnsweredAt() == null ? null : st.getAnsweredAt().toString(), st.getDecision(),
                        st.getDecisionReason(), st.getDecidedBy(), st.getDecidedAt() == null ? null : st.getDecidedAt().toString())).toList()))
                .toList();
    }

    /** How the child's current placement was found: what the IRO scrutinises. */
    @GetMapping("/matching-record")
    MatchingRecordView matchingRecord(@PathVariable Long id) {
        visible(id);
        return new MatchingRecordView(id, matchingRecord.forChild(id));
    }

    /** Message ChildLeftCare: the reviews end. 409 when the child has no running review. */
    @PostMapping("/left-care")
    ReviewsEnded leftCare(@PathVariable Long id) {
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS, Roles.IROS, Roles.TEAM_MANAGERS);
        visible(id);
        system.run(() -> service.leftCare(id));   // role and council checked above
        return new ReviewsEnded(id, "ended");
    }

    private void visible(Long id) {
        children.find(id).filter(c -> currentUser.canSeeCouncil(c.getCouncil())).orElseThrow(() -> new NotFoundException("Child", id));
    }
}
