package uk.gov.placements.monitoring;

import uk.gov.placements.provider.MonitoringRating;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One round of contract monitoring of an independent placement. */
@Entity
@Table(name = "monitoring_round")
public class MonitoringRound {
    public enum Status { OPEN, RATED, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long placementId;
    private Long providerId;
    private Long childId;
    private String council;
    private int roundNumber;
    private LocalDate dueDate;
    private LocalDate evidenceDue;
    private LocalDate evidenceEscalation;
    private LocalDate feedbackNotReturnedBy;
    private LocalDate outcomeReportNotReturnedBy;
    /** Form D was asked of a provider nobody signs in for: it could not be reached, which is not a silence of its own. */
    private boolean providerUnreachable;
    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;
    private Boolean needsMet;
    private String socialWorkerFeedback;
    private String childViews;
    private BigDecimal schoolAttendance;
    private BigDecimal healthAppointmentsKept;
    private Integer sdqScore;
    private Integer missingEpisodes;
    private String familyContact;
    private String goalProgress;
    private String incidents;
    private String iroRecommendations;
    @Enumerated(EnumType.STRING)
    private MonitoringRating rating;
    private String ratingReason;
    private String costAgainstOutcomes;
    private String ratedBy;
    private Instant ratedAt;

    protected MonitoringRound() {
    }

    public MonitoringRound(Long placementId, Long providerId, Long childId, String council, int roundNumber, LocalDate dueDate) {
        this.placementId = placementId;
        this.providerId = providerId;
        this.childId = childId;
        this.council = council;
        this.roundNumber = roundNumber;
        this.dueDate = dueDate;
    }

    /** When the social worker's feedback and Form D are due, and when silence goes to the contracts officer. */
    void evidenceDue(LocalDate due, LocalDate escalation) {
        this.evidenceDue = due;
        this.evidenceEscalation = escalation;
    }

    void feedbackNotReturned() {
        this.feedbackNotReturnedBy = evidenceDue;
    }

    /** Form D not in by the escalation; {@code reached} false when no member of the provider's staff could see the request. */
    void outcomeReportNotReturned(boolean reached) {
        this.outcomeReportNotReturnedBy = evidenceDue;
        this.providerUnreachable = !reached;
    }

    void feedback(boolean needsMet, String feedback, String childViews) {
        this.needsMet = needsMet;
        this.socialWorkerFeedback = feedback;
        this.childViews = childViews;
    }

    void outcomes(BigDecimal attendance, BigDecimal healthKept, Integer sdq, Integer missing, String familyContact,
                         String goalProgress, String incidents) {
        this.schoolAttendance = attendance;
        this.healthAppointmentsKept = healthKept;
        this.sdqScore = sdq;
        this.missingEpisodes = missing;
        this.familyContact = familyContact;
        this.goalProgress = goalProgress;
        this.incidents = incidents;
    }

    void iroRecommendations(String recommendations) {
        this.iroRecommendations = recommendations;
    }

    void rate(MonitoringRating rating, String reason, String costAgainstOutcomes, String by, Instant at) {
        this.rating = rating;
        this.ratingReason = reason;
        this.costAgainstOutcomes = costAgainstOutcomes;
        this.ratedBy = by;
        this.ratedAt = at;
        this.status = Status.RATED;
    }

    void close() {
        if (status == Status.OPEN) {
            status = Status.CLOSED;
        }
    }

    public Long getId() { return id; }
    public Long getPlacementId() { return placementId; }
    public Long getProviderId() { return providerId; }
    public Long getChildId() { return childId; }
    public String getCouncil() { return council; }
    public int getRoundNumber() { return roundNumber; }
    public LocalDate getDueDate() { return dueDate; }
    public Status getStatus() { return status; }
    public LocalDate getEvidenceDue() { return evidenceDue; }
    public LocalDate getEvidenceEscalation() { return evidenceEscalation; }
    public LocalDate getFeedbackNotReturnedBy() { return feedbackNotReturnedBy; }
    public LocalDate getOutcomeReportNotReturnedBy() { return outcomeReportNotReturnedBy; }
    public boolean isProviderUnreachable() { return providerUnreachable; }
    public Boolean getNeedsMet() { return needsMet; }
    public String getSocialWorkerFeedback() { return socialWorkerFeedback; }
    public String getChildViews() { return childViews; }
    public BigDecimal getSchoolAttendance() { return schoolAttendance; }
    public BigDecimal getHealthAppointmentsKept() { return healthAppointmentsKept; }
    public Integer getSdqScore() { return sdqScore; }
    public Integer getMissingEpisodes() { return missingEpisodes; }
    public String getFamilyContact() { return familyContact; }
    public String getGoalProgress() { return goalProgress; }
    public String getIncidents() { return incidents; }
    public String getIroRecommendations() { return iroRecommendations; }
    public MonitoringRating getRating() { return rating; }
    public String getRatingReason() { return ratingReason; }
    public String getCostAgainstOutcomes() { return costAgainstOutcomes; }
    public String getRatedBy() { return ratedBy; }
    public Instant getRatedAt() { return ratedAt; }
}
