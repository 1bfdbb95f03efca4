package uk.gov.placements.provider;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.DynamicUpdate;
import uk.gov.placements.common.OfstedRating;

/**
 * A provider on the register. Written column by column ({@link DynamicUpdate}): its referral address, its
 * accreditation and its suspension are changed by different people and steps, each loading the row on its own, and
 * writing every column would let a change of address committed after a suspension lift the suspension.
 */
@Entity
@DynamicUpdate
public class Provider {
    /** Independent providers are private unless registered as a charity (SSDA903 PR4 / PR5). */
    public enum Sector { PUBLIC, PRIVATE, VOLUNTARY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private ProviderKind kind;
    @Enumerated(EnumType.STRING)
    private Sector sector;
    private String council;
    private String ofstedUrn;
    @Enumerated(EnumType.STRING)
    private OfstedRating ofstedRating;
    @Enumerated(EnumType.STRING)
    private AccreditationStatus accreditationStatus;
    private LocalDate accreditationExpiry;
    private boolean suspended;
    private String suspendedReason;
    /** Where the provider takes referrals by e-mail when none of its staff signs in (see ProviderReachability). */
    private String referralEmail;
    private Instant createdAt;

    protected Provider() {
    }

    public Provider(String name, ProviderKind kind, Sector sector, String council, String ofstedUrn, OfstedRating ofstedRating, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.sector = sector;
        this.council = council;
        this.ofstedUrn = ofstedUrn;
        this.ofstedRating = ofstedRating;
        // a council's own provision needs no external accreditation
        this.accreditationStatus = kind == ProviderKind.IN_HOUSE ? AccreditationStatus.ACCREDITED : AccreditationStatus.NOT_ACCREDITED;
        this.createdAt = createdAt;
    }

    public String candidateGroup() {
        return groupOf(id);
    }

    public static String groupOf(Long providerId) {
        return "provider-" + providerId;
    }

    public boolean isInHouse() {
        return kind == ProviderKind.IN_HOUSE;
    }

    /** Ofsted details as verified at accreditation. */
    void rated(String ofstedUrn, OfstedRating rating) {
        this.ofstedUrn = ofstedUrn;
        this.ofstedRating = rating;
    }

    void accredit(AccreditationStatus status, LocalDate expiry) {
        this.accreditationStatus = status;
        this.accreditationExpiry = expiry;
    }

    /** Suspended providers receive no new referrals from any council of the consortium. */
    void suspend(boolean suspended) {
        suspend(suspended, null);
    }

    void suspend(boolean suspended, String reason) {
        this.suspended = suspended;
        this.suspendedReason = suspended ? reason : null;
    }

    public String getSuspendedReason() { return suspendedReason; }

    void referralEmail(String address) {
        this.referralEmail = address;
    }

    public String getReferralEmail() { return referralEmail; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public ProviderKind getKind() { return kind; }
    public Sector getSector() { return sector; }
    public String getCouncil() { return council; }
    public String getOfstedUrn() { return ofstedUrn; }
    public OfstedRating getOfstedRating() { return ofstedRating; }
    public AccreditationStatus getAccreditationStatus() { return accreditationStatus; }
    public LocalDate getAccreditationExpiry() { return accreditationExpiry; }
    public boolean isSuspended() { return suspended; }
}
