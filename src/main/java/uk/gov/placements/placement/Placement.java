package uk.gov.placements.placement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import uk.gov.placements.common.PlacementType;

/**
 * A started placement with what the council's 903 return and sufficiency reports need: its
 * SSDA903 codes, postcodes and URN, distance, in or out of area, and whether it was the
 * placement wanted or a second-best.
 */
@Entity
public class Placement {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long referralId;
    private Long childId;
    private String council;
    private Long serviceId;
    private Long providerId;
    @Enumerated(EnumType.STRING)
    private PlacementType placementType;
    @Enumerated(EnumType.STRING)
    private PlacementStatus status = PlacementStatus.ACTIVE;
    private LocalDate startDate;
    /** The day it ended; or, while still running, the day it will end, set when the child's next placement is approved. */
    private LocalDate endDate;
    private BigDecimal weeklyCost;
    private double distanceMiles;
    private boolean outOfArea;
    private boolean atDistance;
    private boolean inHouse;
    private boolean secondBest;
    private String secondBestReason;
    private String placeCode;
    private String placeProviderCode;
    private String reasonPlaceChange;
    private String homePostcode;
    private String placementPostcode;
    private String providerUrn;
    private boolean siblingsPlacedTogether;
    private String approvedBy;
    private String approverGroup;
    private Instant approvedAt;
    private String approvalReason;
    private LocalDate planDue;
    private String reasonEpisodeCeased;
    private String endReasonPlaceChange;
    private Boolean unplannedEnd;
    private String endNotes;
    private Instant planWrittenAt;

    protected Placement() {
    }

    /** Builder-style creation keeps the many reporting fields readable at the one place they are set. */
    static Placement of(Long referralId, Long childId, String council, PlacementType type, LocalDate startDate) {
        Placement p = new Placement();
        p.referralId = referralId;
        p.childId = childId;
        p.council = council;
        p.placementType = type;
        p.startDate = startDate;
        return p;
    }

    Placement at(Long serviceId, Long providerId, boolean inHouse, BigDecimal weeklyCost, double distanceMiles,
                 String homePostcode, String placementPostcode, String providerUrn) {
        this.serviceId = serviceId;
        this.providerId = providerId;
        this.inHouse = inHouse;
        this.weeklyCost = weeklyCost;
        this.distanceMiles = distanceMiles;
        this.homePostcode = homePostcode;
        this.placementPostcode = placementPostcode;
        this.providerUrn = providerUrn;
        return this;
    }

    Placement area(boolean outOfArea, boolean atDistance) {
        this.outOfArea = outOfArea;
        this.atDistance = atDistance;
        return this;
    }

    Placement match(boolean secondBest, String secondBestReason, boolean siblingsPlacedTogether) {
        this.secondBest = secondBest;
        this.secondBestReason = secondBestReason;
        this.siblingsPlacedTogether = siblingsPlacedTogether;
        return this;
    }

    Placement codes(String placeCode, String placeProviderCode, String reasonPlaceChange) {
        this.placeCode = placeCode;
        this.placeProviderCode = placeProviderCode;
        this.reasonPlaceChange = reasonPlaceChange;
        return this;
    }

    Placement approval(String approvedBy, String approverGroup, Instant approvedAt, String approvalReason) {
        this.approvedBy = approvedBy;
        this.approverGroup = approverGroup;
        this.approvedAt = approvedAt;
        this.approvalReason = approvalReason;
        return this;
    }

    Placement planDue(LocalDate planDue) {
        this.planDue = planDue;
        return this;
    }

    void end(LocalDate endDate) {
        this.status = PlacementStatus.ENDED;
        this.endDate = endDate;
    }

    /** How it ended, for the SSDA903 return and the sufficiency figures (an unplanned end is a disruption). */
    void endedBecause(String reasonEpisodeCeased, String reasonPlaceChange, boolean unplanned, String notes) {
        this.reasonEpisodeCeased = reasonEpisodeCeased;
        this.endReasonPlaceChange = reasonPlaceChange;
        this.unplannedEnd = unplanned;
        this.endNotes = notes;
    }

    /** Approved to start later: the place is held, the placement is PLANNED until its start date. */
    Placement plannedUnless(LocalDate today) {
        this.status = startDate.isAfter(today) ? PlacementStatus.PLANNED : PlacementStatus.ACTIVE;
        return this;
    }

    /** It will end on the given day, when the child's next placement starts; until then it stays as it is. */
    void endsOn(LocalDate day) {
        this.endDate = day;
    }

    void planWritten(Instant at) {
        this.planWrittenAt = at;
    }

    public Long getId() { return id; }
    public String getReasonEpisodeCeased() { return reasonEpisodeCeased; }
    public String getEndReasonPlaceChange() { return endReasonPlaceChange; }
    public boolean isUnplannedEnd() { return Boolean.TRUE.equals(unplannedEnd); }
    public String getEndNotes() { return endNotes; }
    public Long getReferralId() { return referralId; }
    public Long getChildId() { return childId; }
    public String getCouncil() { return council; }
    public Long getServiceId() { return serviceId; }
    public Long getProviderId() { return providerId; }
    public PlacementType getPlacementType() { return placementType; }
    public PlacementStatus getStatus() { return status; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public BigDecimal getWeeklyCost() { return weeklyCost; }
    public double getDistanceMiles() { return distanceMiles; }
    public boolean isOutOfArea() { return outOfArea; }
    public boolean isAtDistance() { return atDistance; }
    public boolean isInHouse() { return inHouse; }
    public boolean isSecondBest() { return secondBest; }
    public String getSecondBestReason() { return secondBestReason; }
    public String getPlaceCode() { return placeCode; }
    public String getPlaceProviderCode() { return placeProviderCode; }
    public String getReasonPlaceChange() { return reasonPlaceChange; }
    public String getHomePostcode() { return homePostcode; }
    public String getPlacementPostcode() { return placementPostcode; }
    public String getProviderUrn() { return providerUrn; }
    public boolean isSiblingsPlacedTogether() { return siblingsPlacedTogether; }
    public String getApprovedBy() { return approvedBy; }
    public String getApproverGroup() { return approverGroup; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getApprovalReason() { return approvalReason; }
    public LocalDate getPlanDue() { return planDue; }
    public Instant getPlanWrittenAt() { return planWrittenAt; }
}
