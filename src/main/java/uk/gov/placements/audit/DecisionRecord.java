package uk.gov.placements.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One decision a person (or, for escalations and alerts, the system) made: who, when, what and why. */
@Entity
@Table(name = "decision_record")
public class DecisionRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long referralId;
    private Long placementId;
    private Long childId;
    private String kind;
    private String outcome;
    private String reason;
    private String decidedBy;
    private Instant decidedAt;
    private String taskId;

    protected DecisionRecord() {
    }

    public DecisionRecord(Long referralId, Long placementId, String kind, String outcome, String reason, String decidedBy,
                          Instant decidedAt, String taskId) {
        this.referralId = referralId;
        this.placementId = placementId;
        this.kind = kind;
        this.outcome = outcome;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.taskId = taskId;
    }

    public Long getId() { return id; }
    public Long getReferralId() { return referralId; }
    public Long getPlacementId() { return placementId; }
    public Long getChildId() { return childId; }
    DecisionRecord aboutChild(Long childId) {
        this.childId = childId;
        return this;
    }
    public String getKind() { return kind; }
    public String getOutcome() { return outcome; }
    public String getReason() { return reason; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getTaskId() { return taskId; }
}
