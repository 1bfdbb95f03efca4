package uk.gov.placements.monitoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The child's own account of a placement as it ended, kept against the provider and shown in later searches. */
@Entity
@Table(name = "exit_interview")
public class ExitInterview {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long placementId;
    private Long providerId;
    private Long childId;
    private LocalDate interviewedOn;
    private String childViews;
    private Boolean feltSafe;
    private String recordedBy;
    private Instant recordedAt;

    protected ExitInterview() {
    }

    public ExitInterview(Long placementId, Long providerId, Long childId, LocalDate interviewedOn, String childViews, Boolean feltSafe,
                         String recordedBy, Instant recordedAt) {
        this.placementId = placementId;
        this.providerId = providerId;
        this.childId = childId;
        this.interviewedOn = interviewedOn;
        this.childViews = childViews;
        this.feltSafe = feltSafe;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getPlacementId() { return placementId; }
    public Long getProviderId() { return providerId; }
    public Long getChildId() { return childId; }
    public LocalDate getInterviewedOn() { return interviewedOn; }
    public String getChildViews() { return childViews; }
    public Boolean getFeltSafe() { return feltSafe; }
    public String getRecordedBy() { return recordedBy; }
}
