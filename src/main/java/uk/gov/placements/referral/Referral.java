package uk.gov.placements.referral;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Urgency;

/** A request for a placement, named after the Placements Data Standard where it has a name. */
@Entity
public class Referral {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String reference;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "child_id")
    private Child child;
    private String council;
    @Enumerated(EnumType.STRING)
    private ReferralStatus status = ReferralStatus.TRIAGE;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    private LocalDate requiredBy;
    @Enumerated(EnumType.STRING)
    private PlacementType placementType;
    private int plannedWeeks;
    private int maxDistanceMiles;
    private int siblings;
    private boolean siblingsTogether;
    private String education;
    private boolean ehcp;
    private String health;
    private boolean camhs;
    private String risksToChild;
    private String risksFromChild;
    private String communicationNeeds;
    private String culturalNeeds;
    private String liveAlongside;
    private String childViews;
    private String completedBy;
    private boolean knowsChild;
    private Long currentPlacementId;
    private String reasonPlaceChange;
    private String carerReview;
    private Boolean restrictToInHouse;
    private String restrictionReason;
    private Long selectedOptionId;
    private String selectionReason;
    private Long placementId;
    private Boolean waiverApproved;
    private String waiverReason;
    private String processInstanceId;
    private String approverGroup;
    private LocalDate proposedStartDate;
    private int searchRound;
    private String approvalEscalatedTo;
    private String approvedAs;
    private String createdBy;
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "referral_need", joinColumns = @JoinColumn(name = "referral_id"))
    private List<ReferralNeed> needs = new ArrayList<>();

    protected Referral() {
    }

    public Referral(Child child, Urgency urgency, LocalDate requiredBy, PlacementType placementType, int plannedWeeks,
                    int maxDistanceMiles, List<ReferralNeed> needs, String createdBy, Instant createdAt) {
        this.child = child;
        this.council = child.getCouncil();
        this.urgency = urgency;
        this.requiredBy = requiredBy;
        this.placementType = placementType;
        this.plannedWeeks = plannedWeeks;
        this.maxDistanceMiles = maxDistanceMiles;
        this.needs = new ArrayList<>(needs);
        this.createdBy = createdBy;
        // unique until the id-based reference replaces it, so two referrals can be saved in one transaction
        this.reference = "P-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        this.createdAt = createdAt;
    }

    /** The reference people quote, from the database id. */
    void assignReference() {
        this.reference = String.format("REF-%04d", id);
    }

    public Set<NeedCode> essentialNeeds() {
        return needs.stream().filter(ReferralNeed::isEssential).map(ReferralNeed::getCode)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NeedCode.class)));
    }

    public Set<NeedCode> desirableNeeds() {
        return needs.stream().filter(n -> !n.isEssential()).map(ReferralNeed::getCode)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NeedCode.class)));
    }

    /** Places needed: the child and any siblings to be placed together. */
    public int placesNeeded() {
        return 1 + (siblingsTogether ? siblings : 0);
    }

    public boolean isMoving() {
        return currentPlacementId != null;
    }

    /** The child's age on a day (today, by the product's clock, for what a task or search shows). */
    public int childAge(LocalDate today) {
        return child.ageOn(today);
    }

    void details(int siblings, boolean siblingsTogether, String education, boolean ehcp, String health, boolean camhs,
                        String risksToChild, String risksFromChild, String communicationNeeds, String culturalNeeds,
                        String liveAlongside, String childViews, String completedBy, boolean knowsChild) {
        this.siblings = siblings;
        this.siblingsTogether = siblingsTogether;
        this.education = education;
        this.ehcp = ehcp;
        this.health = health;
        this.camhs = camhs;
        this.risksToChild = risksToChild;
        this.risksFromChild = risksFromChild;
        this.communicationNeeds = communicationNeeds;
        this.culturalNeeds = culturalNeeds;
        this.liveAlongside = liveAlongside;
        this.childViews = childViews;
        this.completedBy = completedBy;
        this.knowsChild = knowsChild;
    }

    void movingFrom(Long currentPlacementId, String reasonPlaceChange) {
        this.currentPlacementId = currentPlacementId;
        this.reasonPlaceChange = reasonPlaceChange;
        this.status = currentPlacementId != null ? ReferralStatus.CARER_REVIEW : ReferralStatus.TRIAGE;
    }

    void startedAs(String processInstanceId) { this.processInstanceId = processInstanceId; }

    /** The scheme of delegation's tier for this approval; a new approval round starts without an escalation. */
    void approvalRoutedTo(String group) {
        this.approverGroup = group;
        this.approvalEscalatedTo = null;
    }
    void approvalEscalatedTo(String group) { this.approvalEscalatedTo = group; }
    void approvedAs(String group) { this.approvedAs = group; }
    /** The placements team's proposed start for an in-house placement; none means the required-by date. */
    void proposeStart(LocalDate date) { this.proposedStartDate = date; }

    /** The tiers that may decide the approval now: the one routed to and, once overdue, the next. */
    public List<String> approvers() {
        List<String> groups = new ArrayList<>();
        if (approverGroup != null) {
            groups.add(approverGroup);
        }
        if (approvalEscalatedTo != null) {
            groups.add(approvalEscalatedTo);
        }
        return groups;
    }
    void status(ReferralStatus status) { this.status = status; }
    void carerReviewed(String review) { this.carerReview = review; }
    void addInformation(String more) {
        this.childViews = childViews == null ? more : childViews + "\n\nFurther information: " + more;
    }
    void restriction(boolean restrict, String reason) {
        this.restrictToInHouse = restrict;
        this.restrictionReason = reason;
    }
    void selected(Long optionId, String reason) {
        this.selectedOptionId = optionId;
        this.selectionReason = reason;
    }
    /** A new search: its options are a new round, and the last round's waiver does not carry into it. */
    void newSearchRound() {
        this.searchRound++;
        this.waiverApproved = null;
        this.waiverReason = null;
    }

    void waiver(boolean approved, String reason) {
        this.waiverApproved = approved;
        this.waiverReason = reason;
    }
    void placed(Long placementId) {
        this.placementId = placementId;
        this.status = ReferralStatus.PLACED;
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public Child getChild() { return child; }
    public String getCouncil() { return council; }
    public ReferralStatus getStatus() { return status; }
    public Urgency getUrgency() { return urgency; }
    public LocalDate getRequiredBy() { return requiredBy; }
    public PlacementType getPlacementType() { return placementType; }
    public int getPlannedWeeks() { return plannedWeeks; }
    public int getMaxDistanceMiles() { return maxDistanceMiles; }
    public int getSiblings() { return siblings; }
    public boolean isSiblingsTogether() { return siblingsTogether; }
    public String getEducation() { return education; }
    public boolean isEhcp() { return ehcp; }
    public String getHealth() { return health; }
    public boolean isCamhs() { return camhs; }
    public String getRisksToChild() { return risksToChild; }
    public String getRisksFromChild() { return risksFromChild; }
    public String getCommunicationNeeds() { return communicationNeeds; }
    public String getCulturalNeeds() { return culturalNeeds; }
    public String getLiveAlongside() { return liveAlongside; }
    public String getChildViews() { return childViews; }
    public String getCompletedBy() { return completedBy; }
    public boolean isKnowsChild() { return knowsChild; }
    public Long getCurrentPlacementId() { return currentPlacementId; }
    public String getReasonPlaceChange() { return reasonPlaceChange; }
    public String getCarerReview() { return carerReview; }
    public Boolean getRestrictToInHouse() { return restrictToInHouse; }
    public String getRestrictionReason() { return restrictionReason; }
    public Long getSelectedOptionId() { return selectedOptionId; }
    public String getSelectionReason() { return selectionReason; }
    public Long getPlacementId() { return placementId; }
    public Boolean getWaiverApproved() { return waiverApproved; }
    public String getWaiverReason() { return waiverReason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getApproverGroup() { return approverGroup; }
    public LocalDate getProposedStartDate() { return proposedStartDate; }
    public int getSearchRound() { return searchRound; }
    public String getApprovalEscalatedTo() { return approvalEscalatedTo; }
    public String getApprovedAs() { return approvedAs; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public List<ReferralNeed> getNeeds() { return needs; }
}
