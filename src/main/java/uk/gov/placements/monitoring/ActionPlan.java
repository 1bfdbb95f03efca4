package uk.gov.placements.monitoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** What a provider must put right, by when, and whether it did: shared by monitoring and accreditation. */
@Entity
@Table(name = "action_plan")
public class ActionPlan {
    public enum Status { AWAITING_PROVIDER, AWAITING_CHECK, RESOLVED, UNRESOLVED }

    public enum Source { CONTRACT_MONITORING, ACCREDITATION }

    /** The commissioning managers' answer to an unresolved plan. */
    public enum Decision { SUSPEND, EXTEND }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long providerId;
    private Long monitoringRoundId;
    private Long accreditationId;
    @Enumerated(EnumType.STRING)
    private Source source;
    private String concern;
    private String actions;
    private LocalDate deadline;
    @Enumerated(EnumType.STRING)
    private Status status = Status.AWAITING_PROVIDER;
    private Instant createdAt;
    private String answeredBy;
    private Instant answeredAt;
    private String checkedBy;
    private Instant checkedAt;
    private String checkNotes;
    private String deadlineSetBy;
    private Instant deadlineSetAt;
    private LocalDate notAnsweredBy;
    /** Nobody signs in for the provider, so it was never shown the request: it could not be reached, not silent. */
    private boolean providerUnreachable;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private String decisionReason;
    private String decidedBy;
    private Instant decidedAt;

    protected ActionPlan() {
    }

    public ActionPlan(Long providerId, Long monitoringRoundId, Source source, String concern, Instant createdAt) {
        this.providerId = providerId;
        this.monitoringRoundId = monitoringRoundId;
        this.source = source;
        this.concern = concern;
        this.createdAt = createdAt;
    }

    /** Conditions of an accreditation become a plan of that accreditation. */
    ActionPlan ofAccreditation(Long accreditationId) {
        this.accreditationId = accreditationId;
        return this;
    }

    /** The contracts officer's deadline (and a commissioning manager's extension of it): the provider no longer sets its own. */
    void deadline(LocalDate deadline, String by, Instant at) {
        this.deadline = deadline;
        this.deadlineSetBy = by;
        this.deadlineSetAt = at;
    }

    void answered(String actions, String by, Instant at) {
        this.actions = actions;
        this.answeredBy = by;
        this.answeredAt = at;
        this.status = Status.AWAITING_CHECK;
    }

    /** The deadline passed with no answer from the provider: unresolved, and the record says why. */
    void notAnswered(LocalDate by, boolean reached) {
        this.notAnsweredBy = by;
        this.providerUnreachable = !reached;
        this.status = Status.UNRESOLVED;
    }

    /** An extension gives the provider another chance, so the plan waits on it again; a suspension leaves it unresolved. */
    void decided(Decision decision, String reason, String by, Instant at) {
        this.decision = decision;
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
        if (decision == Decision.EXTEND) {
            this.status = Status.AWAITING_PROVIDER;
            this.notAnsweredBy = null;
        }
    }

    void checked(boolean resolved, String notes, String by, Instant at) {
        this.status = resolved ? Status.RESOLVED : Status.UNRESOLVED;
        this.checkNotes = notes;
        this.checkedBy = by;
        this.checkedAt = at;
    }

    public Long getId() { return id; }
    public Long getProviderId() { return providerId; }
    public Long getMonitoringRoundId() { return monitoringRoundId; }
    public Source getSource() { return source; }
    public String getConcern() { return concern; }
    public String getActions() { return actions; }
    public LocalDate getDeadline() { return deadline; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public String getAnsweredBy() { return answeredBy; }
    public String getCheckedBy() { return checkedBy; }
    public String getCheckNotes() { return checkNotes; }
    public Long getAccreditationId() { return accreditationId; }
    public String getDeadlineSetBy() { return deadlineSetBy; }
    public Instant getDeadlineSetAt() { return deadlineSetAt; }
    public LocalDate getNotAnsweredBy() { return notAnsweredBy; }
    public boolean isProviderUnreachable() { return providerUnreachable; }
    public Decision getDecision() { return decision; }
    public String getDecisionReason() { return decisionReason; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
}
