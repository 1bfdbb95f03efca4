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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long providerId;
    private Long monitoringRoundId;
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

    protected ActionPlan() {
    }

    public ActionPlan(Long providerId, Long monitoringRoundId, Source source, String concern, Instant createdAt) {
        this.providerId = providerId;
        this.monitoringRoundId = monitoringRoundId;
        this.source = source;
        this.concern = concern;
        this.createdAt = createdAt;
    }

    public void answered(String actions, LocalDate deadline, String by, Instant at) {
        this.actions = actions;
        this.deadline = deadline;
        this.answeredBy = by;
        this.answeredAt = at;
        this.status = Status.AWAITING_CHECK;
    }

    public void checked(boolean resolved, String notes, String by, Instant at) {
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
}
