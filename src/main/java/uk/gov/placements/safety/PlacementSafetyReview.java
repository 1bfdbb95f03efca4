package uk.gov.placements.safety;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import uk.gov.placements.common.OfstedRating;

/**
 * The allocated social worker's review of a placement in a home Ofsted has judged inadequate: whether the child may
 * stay, with the reasons, who decided and when. Open (no decision yet) while the review's task waits.
 */
@Entity
@Table(name = "placement_safety_review")
public class PlacementSafetyReview {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long placementId;
    private Long childId;
    private String council;
    private Long serviceId;
    @Enumerated(EnumType.STRING)
    private OfstedRating rating;
    private LocalDate downgradedOn;
    private Instant startedAt;
    private String processInstanceId;
    private String decision;
    private String reasons;
    private String decidedBy;
    private Instant decidedAt;

    protected PlacementSafetyReview() {
    }

    public PlacementSafetyReview(Long placementId, Long childId, String council, Long serviceId, OfstedRating rating, LocalDate downgradedOn,
                                 Instant startedAt) {
        this.placementId = placementId;
        this.childId = childId;
        this.council = council;
        this.serviceId = serviceId;
        this.rating = rating;
        this.downgradedOn = downgradedOn;
        this.startedAt = startedAt;
    }

    public void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void decided(String decision, String reasons, String by, Instant at) {
        this.decision = decision;
        this.reasons = reasons;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public boolean isOpen() {
        return decidedAt == null;
    }

    public Long getId() { return id; }
    public Long getPlacementId() { return placementId; }
    public Long getChildId() { return childId; }
    public String getCouncil() { return council; }
    public Long getServiceId() { return serviceId; }
    public OfstedRating getRating() { return rating; }
    public LocalDate getDowngradedOn() { return downgradedOn; }
    public Instant getStartedAt() { return startedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDecision() { return decision; }
    public String getReasons() { return reasons; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
