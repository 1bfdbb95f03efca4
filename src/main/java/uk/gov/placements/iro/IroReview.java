package uk.gov.placements.iro;

import uk.gov.placements.common.Labelled;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One statutory review of a child's care plan: when it is due, who was consulted, what was decided. */
@Entity
@Table(name = "iro_review")
public class IroReview {
    public enum Status implements Labelled {
        SCHEDULED("Scheduled"),
        HELD("Held"),
        CANCELLED("Cancelled");

        private final String label;

        Status(String label) { this.label = label; }

        @Override
        public String label() { return label; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long childId;
    private String council;
    private int sequenceNumber;
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    private Status status = Status.SCHEDULED;
    private boolean broughtForward;
    private String broughtForwardReason;
    private LocalDate childConsultedOn;
    private String childViews;
    private LocalDate parentsConsultedOn;
    private String parentsViews;
    private LocalDate carersConsultedOn;
    private String carersViews;
    private LocalDate heldOn;
    private String heldBy;
    private String decisions;
    private String recommendations;
    private String outcome;
    private String concerns;
    private String participation;
    private String processInstanceId;

    protected IroReview() {
    }

    public IroReview(Long childId, String council, int sequenceNumber, LocalDate dueDate, String processInstanceId) {
        this.childId = childId;
        this.council = council;
        this.sequenceNumber = sequenceNumber;
        this.dueDate = dueDate;
        this.processInstanceId = processInstanceId;
    }

    /** Whether the review came forward (it never goes back). */
    boolean bringForward(LocalDate to, String reason) {
        if (!to.isBefore(dueDate)) {
            return false;
        }
        this.dueDate = to;
        this.broughtForward = true;
        this.broughtForwardReason = reason;
        return true;
    }

    void consulted(String who, LocalDate on, String views) {
        switch (who) {
            case "child" -> { childConsultedOn = on; childViews = views; }
            case "parents" -> { parentsConsultedOn = on; parentsViews = views; }
            case "carers" -> { carersConsultedOn = on; carersViews = views; }
            default -> throw new IllegalArgumentException(who);
        }
    }

    void held(LocalDate on, String by, String decisions, String recommendations, String outcome, String concerns, String participation) {
        this.concerns = concerns;
        this.participation = participation;
        this.status = Status.HELD;
        this.heldOn = on;
        this.heldBy = by;
        this.decisions = decisions;
        this.recommendations = recommendations;
        this.outcome = outcome;
    }

    void cancel() {
        this.status = Status.CANCELLED;
    }

    public Long getId() { return id; }
    public Long getChildId() { return childId; }
    public String getCouncil() { return council; }
    public int getSequenceNumber() { return sequenceNumber; }
    public LocalDate getDueDate() { return dueDate; }
    public Status getStatus() { return status; }
    public boolean isBroughtForward() { return broughtForward; }
    public String getBroughtForwardReason() { return broughtForwardReason; }
    public LocalDate getChildConsultedOn() { return childConsultedOn; }
    public String getChildViews() { return childViews; }
    public LocalDate getParentsConsultedOn() { return parentsConsultedOn; }
    public String getParentsViews() { return parentsViews; }
    public LocalDate getCarersConsultedOn() { return carersConsultedOn; }
    public String getCarersViews() { return carersViews; }
    public LocalDate getHeldOn() { return heldOn; }
    public String getHeldBy() { return heldBy; }
    public String getDecisions() { return decisions; }
    public String getRecommendations() { return recommendations; }
    public String getOutcome() { return outcome; }
    public String getConcerns() { return concerns; }
    /** SSDA903 REVIEW_CODE: how the child took part (PN0 to PN7). */
    public String getParticipation() { return participation; }
    public String getProcessInstanceId() { return processInstanceId; }
}
