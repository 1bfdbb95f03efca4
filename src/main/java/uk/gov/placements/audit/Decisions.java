package uk.gov.placements.audit;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Records decisions; the actor is the engine's authenticated user (Tasklist, REST or API). */
@Component
public class Decisions {
    public static final String SYSTEM = "system";
    private final DecisionRecordRepository records;
    private final IdentityService identityService;
    private final Clock clock;

    public Decisions(DecisionRecordRepository records, IdentityService identityService, Clock clock) {
        this.records = records;
        this.identityService = identityService;
        this.clock = clock;
    }

    public String actor() {
        var auth = identityService.getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : SYSTEM;
    }

    /** The groups of the person deciding; none for the application itself. */
    public List<String> actorGroups() {
        var auth = identityService.getCurrentAuthentication();
        return auth == null || auth.getUserId() == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    }

    public DecisionRecord record(Long referralId, Long placementId, String kind, String outcome, String reason, String taskId) {
        return records.save(new DecisionRecord(referralId, placementId, kind, outcome, reason, actor(),
                clock.instant(), taskId));
    }

    /** A referral's decisions, oldest first: its record, read by the module that made them and by the case pages. */
    public List<DecisionRecord> ofReferral(Long referralId) {
        return records.findByReferralIdOrderByDecidedAtAscIdAsc(referralId);
    }

    /** A decision about a child rather than one referral (IRO reviews, dispute resolution). */
    public DecisionRecord recordForChild(Long childId, String kind, String outcome, String reason, String taskId) {
        return records.save(new DecisionRecord(null, null, kind, outcome, reason, actor(), clock.instant(), taskId)
                .aboutChild(childId));
    }

    /** The decisions about a child, oldest first. */
    public List<DecisionRecord> ofChild(Long childId) {
        return records.findByChildIdOrderByDecidedAtAscIdAsc(childId);
    }
}
