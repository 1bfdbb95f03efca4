package uk.gov.placements.accreditation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.IntStream;

/** One accreditation of a provider: its Form A, the Form B and Form C visits, and the outcome. */
@Entity
public class Accreditation {
    public enum Status { FORM_A, REVIEWING_FORM_A, VISITS, AWAITING_CONFIRMATION, DECIDED, EXPIRED_UNANSWERED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long providerId;
    @Enumerated(EnumType.STRING)
    private Status status = Status.FORM_A;
    private Instant startedAt;
    private String servicesDescription;
    private String ofstedUrn;
    /** As Form A claims it; {@link #registerOfstedRating} is what the register held when the outcome was decided. */
    private String ofstedRating;
    private LocalDate ofstedRatingDate;
    private String registerOfstedRating;
    private String placementTypes;
    private Integer minAge;
    private Integer maxAge;
    private Integer places;
    private String locations;
    private String specialisms;
    private String staffing;
    private BigDecimal standardWeeklyFee;
    private Boolean safeguardingPolicy;
    private Boolean missingPolicy;
    private Boolean complaintsPolicy;
    @Column(name = "form_a_submitted_at")
    private Instant formASubmittedAt;
    @Column(name = "form_a_reviewed_by")
    private String formAReviewedBy;
    private Integer registrationScore;
    private Integer staffingScore;
    private Integer healthSafetyScore;
    private Integer safeguardingScore;
    private Integer educationHealthScore;
    @Column(name = "b_critical_concern")
    private Boolean bCriticalConcern;
    private String discrepancies;
    @Column(name = "form_b_by")
    private String formBBy;
    private Integer atmosphereScore;
    private Integer interactionScore;
    private Integer childrenViewsScore;
    private Integer complaintsScore;
    private Boolean spokeToChildren;
    @Column(name = "c_critical_concern")
    private Boolean cCriticalConcern;
    @Column(name = "form_c_notes")
    private String formCNotes;
    @Column(name = "form_c_by")
    private String formCBy;
    private String outcome;
    private Boolean confirmed;
    private String confirmedBy;
    private Instant confirmedAt;
    private String confirmationReason;
    private LocalDate expiresOn;

    protected Accreditation() {
    }

    public Accreditation(Long providerId, Instant startedAt) {
        this.providerId = providerId;
        this.startedAt = startedAt;
    }

    public record FormA(String servicesDescription, String ofstedUrn, String ofstedRating, LocalDate ofstedRatingDate, String placementTypes,
                        Integer minAge, Integer maxAge, Integer places, String locations, String specialisms, String staffing,
                        BigDecimal standardWeeklyFee, Boolean safeguardingPolicy, Boolean missingPolicy, Boolean complaintsPolicy) {
    }

    public void formA(FormA a, Instant at) {
        servicesDescription = a.servicesDescription();
        ofstedUrn = a.ofstedUrn();
        ofstedRating = a.ofstedRating();
        ofstedRatingDate = a.ofstedRatingDate();
        placementTypes = a.placementTypes();
        minAge = a.minAge();
        maxAge = a.maxAge();
        places = a.places();
        locations = a.locations();
        specialisms = a.specialisms();
        staffing = a.staffing();
        standardWeeklyFee = a.standardWeeklyFee();
        safeguardingPolicy = a.safeguardingPolicy();
        missingPolicy = a.missingPolicy();
        complaintsPolicy = a.complaintsPolicy();
        formASubmittedAt = at;
        status = Status.REVIEWING_FORM_A;
    }

    public void formAReviewed(boolean complete, String by) {
        formAReviewedBy = by;
        status = complete ? Status.VISITS : Status.FORM_A;
    }

    public void formB(int registration, int staffingScore, int healthSafety, int safeguarding, int educationHealth, boolean criticalConcern,
                      String discrepancies, String by) {
        this.registrationScore = registration;
        this.staffingScore = staffingScore;
        this.healthSafetyScore = healthSafety;
        this.safeguardingScore = safeguarding;
        this.educationHealthScore = educationHealth;
        this.bCriticalConcern = criticalConcern;
        this.discrepancies = discrepancies;
        this.formBBy = by;
    }

    public void formC(int atmosphere, int interaction, int childrenViews, int complaints, boolean spokeToChildren, boolean criticalConcern,
                      String notes, String by) {
        this.atmosphereScore = atmosphere;
        this.interactionScore = interaction;
        this.childrenViewsScore = childrenViews;
        this.complaintsScore = complaints;
        this.spokeToChildren = spokeToChildren;
        this.cCriticalConcern = criticalConcern;
        this.formCNotes = notes;
        this.formCBy = by;
    }

    /** The lowest of the nine Form B and Form C scores: what decision accreditationOutcome reads. */
    public int lowestScore() {
        return IntStream.of(registrationScore, staffingScore, healthSafetyScore, safeguardingScore, educationHealthScore,
                atmosphereScore, interactionScore, childrenViewsScore, complaintsScore).min().orElseThrow();
    }

    public boolean visitsDone() {
        return registrationScore != null && atmosphereScore != null;
    }

    public boolean anyCriticalConcern() {
        return Boolean.TRUE.equals(bCriticalConcern) || Boolean.TRUE.equals(cCriticalConcern);
    }

    public boolean hasDiscrepancies() {
        return discrepancies != null && !discrepancies.isBlank();
    }

    public void decidedOnRegisterRating(String rating) {
        this.registerOfstedRating = rating;
    }

    public String getRegisterOfstedRating() { return registerOfstedRating; }

    public void outcome(String outcome) {
        this.outcome = outcome;
        this.status = Status.AWAITING_CONFIRMATION;
    }

    public void confirmed(boolean confirmed, String reason, String by, Instant at, LocalDate expiresOn) {
        this.confirmed = confirmed;
        this.confirmationReason = reason;
        this.confirmedBy = by;
        this.confirmedAt = at;
        this.expiresOn = expiresOn;
        this.status = Status.DECIDED;
    }

    public void expiredUnanswered() {
        this.status = Status.EXPIRED_UNANSWERED;
    }

    public Long getId() { return id; }
    public Long getProviderId() { return providerId; }
    public Status getStatus() { return status; }
    public String getServicesDescription() { return servicesDescription; }
    public String getOfstedUrn() { return ofstedUrn; }
    public String getOfstedRating() { return ofstedRating; }
    public LocalDate getOfstedRatingDate() { return ofstedRatingDate; }
    public String getPlacementTypes() { return placementTypes; }
    public Integer getMinAge() { return minAge; }
    public Integer getMaxAge() { return maxAge; }
    public Integer getPlaces() { return places; }
    public String getLocations() { return locations; }
    public String getSpecialisms() { return specialisms; }
    public String getStaffing() { return staffing; }
    public BigDecimal getStandardWeeklyFee() { return standardWeeklyFee; }
    public Boolean getSafeguardingPolicy() { return safeguardingPolicy; }
    public Boolean getMissingPolicy() { return missingPolicy; }
    public Boolean getComplaintsPolicy() { return complaintsPolicy; }
    public String getDiscrepancies() { return discrepancies; }
    public Boolean getSpokeToChildren() { return spokeToChildren; }
    public String getOutcome() { return outcome; }
    public Boolean getConfirmed() { return confirmed; }
    public String getConfirmedBy() { return confirmedBy; }
    public LocalDate getExpiresOn() { return expiresOn; }
}
