package uk.gov.placements.iro;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.placements.security.Roles;

/**
 * An IRO's dispute about a child's care plan. The council answers at each tier in turn (team manager, head of
 * service, assistant director, director); only the IRO decides whether an answer resolves the concern, closes the
 * dispute, escalates it to the next tier or refers the child's case to Cafcass.
 */
@Entity
@Table(name = "iro_dispute")
public class IroDispute {
    /** The tiers that answer, in order, with the group whose members answer at each. */
    public enum Stage {
        TEAM_MANAGER(Roles.TEAM_MANAGERS, "team manager", "informal"),
        HEAD_OF_SERVICE(Roles.HEADS_OF_SERVICE, "head of service", "formal"),
        ASSISTANT_DIRECTOR(Roles.ASSISTANT_DIRECTORS, "assistant director", "formal"),
        DIRECTOR(Roles.DIRECTORS, "director of children's services", "formal");

        public final String group;
        /** Who answers at this tier, and the tier as the IRO Handbook names it. */
        public final String who;
        public final String label;

        Stage(String group, String who, String kind) {
            this.group = group;
            this.who = who;
            this.label = who + " (" + kind + ")";
        }

        public Stage next() {
            return this == DIRECTOR ? null : values()[ordinal() + 1];
        }
    }

    public enum Status { OPEN, RESOLVED, CLOSED, REFERRED_TO_CAFCASS, ENDED_CHILD_LEFT_CARE }

    /** What the IRO may decide on a tier's answer. */
    public enum Decision { RESOLVED, CLOSED, ESCALATE, REFER_TO_CAFCASS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long childId;
    private String council;
    private Long reviewId;
    private String concern;
    private String raisedBy;
    private Instant raisedAt;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;
    private Instant closedAt;
    private String closedBy;
    private String closingReason;
    private LocalDate cafcassReferredOn;
    private String cafcassReference;
    private String processInstanceId;
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "dispute_id", nullable = false)
    @OrderBy("id")
    private List<IroDisputeStep> steps = new ArrayList<>();

    protected IroDispute() {
    }

    IroDispute(Long childId, String council, Long reviewId, String concern, String raisedBy, Instant raisedAt, LocalDate answerDue,
               String processInstanceId) {
        this.childId = childId;
        this.council = council;
        this.reviewId = reviewId;
        this.concern = concern;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.processInstanceId = processInstanceId;
        this.stage = Stage.TEAM_MANAGER;
        steps.add(new IroDisputeStep(stage, raisedAt, answerDue));
    }

    /** The step of the tier now answering. */
    IroDisputeStep currentStep() {
        return steps.get(steps.size() - 1);
    }

    void escalate(Instant at, LocalDate answerDue) {
        stage = stage.next();
        steps.add(new IroDisputeStep(stage, at, answerDue));
    }

    void close(Status status, String by, Instant at, String reason) {
        this.status = status;
        this.closedBy = by;
        this.closedAt = at;
        this.closingReason = reason;
    }

    void referredToCafcass(LocalDate on, String reference) {
        this.cafcassReferredOn = on;
        this.cafcassReference = reference;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Long getId() { return id; }
    public Long getChildId() { return childId; }
    public String getCouncil() { return council; }
    public Long getReviewId() { return reviewId; }
    public String getConcern() { return concern; }
    public String getRaisedBy() { return raisedBy; }
    public Instant getRaisedAt() { return raisedAt; }
    public Stage getStage() { return stage; }
    public Status getStatus() { return status; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public String getClosingReason() { return closingReason; }
    public LocalDate getCafcassReferredOn() { return cafcassReferredOn; }
    public String getCafcassReference() { return cafcassReference; }
    public String getProcessInstanceId() { return processInstanceId; }
    public List<IroDisputeStep> getSteps() { return steps; }
}
