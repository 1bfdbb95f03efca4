package uk.gov.placements.iro;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One tier's turn in a dispute: its answer, who gave it and when, and the IRO's decision on it. */
@Entity
@Table(name = "iro_dispute_step")
public class IroDisputeStep {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private IroDispute.Stage stage;
    private Instant openedAt;
    private LocalDate answerDue;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    @Enumerated(EnumType.STRING)
    private IroDispute.Decision decision;
    private String decisionReason;
    private String decidedBy;
    private Instant decidedAt;

    protected IroDisputeStep() {
    }

    IroDisputeStep(IroDispute.Stage stage, Instant openedAt, LocalDate answerDue) {
        this.stage = stage;
        this.openedAt = openedAt;
        this.answerDue = answerDue;
    }

    void answered(String answer, String by, Instant at) {
        this.answer = answer;
        this.answeredBy = by;
        this.answeredAt = at;
    }

    void decided(IroDispute.Decision decision, String reason, String by, Instant at) {
        this.decision = decision;
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public Long getId() { return id; }
    public IroDispute.Stage getStage() { return stage; }
    public Instant getOpenedAt() { return openedAt; }
    public LocalDate getAnswerDue() { return answerDue; }
    public String getAnswer() { return answer; }
    public String getAnsweredBy() { return answeredBy; }
    public Instant getAnsweredAt() { return answeredAt; }
    public IroDispute.Decision getDecision() { return decision; }
    public String getDecisionReason() { return decisionReason; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
