package uk.gov.placements.provider;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.UkTime;

/**
 * A home, a foster household or another placement resource of a provider, with its vacancies.
 * <p>
 * Written column by column ({@link DynamicUpdate}): its provider's staff change the vacancies while the register's
 * keepers or the Ofsted import change the rating, each loading the row on its own; writing every column would let a
 * vacancies update committed after a downgrade put the old rating back and the home back into every search.
 */
@Entity
@DynamicUpdate
@Table(name = "care_service")
public class CareService {

    /** The spec's limit: vacancies older than 14 days are flagged as stale. */
    public static final int VACANCIES_FRESH_DAYS = 14;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "provider_id")
    private Provider provider;
    private String name;
    @Enumerated(EnumType.STRING)
    private PlacementType placementType;
    private int minAge;
    private int maxAge;
    private int places;
    private int vacancies;
    /** When the vacancies were last set (V28): by the provider's staff, the council for its own homes, or a placement. */
    private Instant vacanciesUpdatedAt;
    private String localAuthority;
    private String postcode;
    private double latitude;
    /** The grid cell the database computes from the location (V12): the register search's first index column. */
    @Column(name = "grid_cell", insertable = false, updatable = false)
    private Integer gridCell;
    private double longitude;
    private BigDecimal weeklyFee;
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 200)   // one query for a page of services, not one each
    @CollectionTable(name = "care_service_specialism", joinColumns = @JoinColumn(name = "service_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "need_code")
    private Set<NeedCode> specialisms = EnumSet.noneOf(NeedCode.class);
    /** The setting's own Ofsted registration (V26); null for a home covered by its provider's registration. */
    private String ofstedUrn;
    @Enumerated(EnumType.STRING)
    private OfstedRating ofstedRating;
    private LocalDate ofstedRatingDate;
    private String ofstedRegistrationStatus;

    protected CareService() {
    }

    public CareService(Provider provider, String name, PlacementType placementType, int minAge, int maxAge, int places,
                       int vacancies, String localAuthority, String postcode, double latitude, double longitude,
                       BigDecimal weeklyFee, Set<NeedCode> specialisms) {
        this.provider = provider;
        this.name = name;
        this.placementType = placementType;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.places = places;
        this.vacancies = vacancies;
        this.localAuthority = localAuthority;
        this.postcode = postcode;
        this.latitude = latitude;
        this.longitude = longitude;
        this.weeklyFee = weeklyFee;
        this.specialisms = specialisms.isEmpty() ? EnumSet.noneOf(NeedCode.class) : EnumSet.copyOf(specialisms);
    }

    public Long getId() { return id; }
    public Provider getProvider() { return provider; }
    public String getName() { return name; }
    public PlacementType getPlacementType() { return placementType; }
    public int getMinAge() { return minAge; }
    public int getMaxAge() { return maxAge; }
    public int getPlaces() { return places; }
    public int getVacancies() { return vacancies; }
    public Instant getVacanciesUpdatedAt() { return vacanciesUpdatedAt; }
    public String getLocalAuthority() { return localAuthority; }
    public String getPostcode() { return postcode; }
    public double getLatitude() { return latitude; }
    public double getLongitude() { return longitude; }
    public BigDecimal getWeeklyFee() { return weeklyFee; }
    public Set<NeedCode> getSpecialisms() { return specialisms; }
    public String getOfstedUrn() { return ofstedUrn; }
    public OfstedRating getOfstedRating() { return ofstedRating; }
    public LocalDate getOfstedRatingDate() { return ofstedRatingDate; }
    public String getOfstedRegistrationStatus() { return ofstedRegistrationStatus; }

    /** The Ofsted registration this home is known by: its own URN, or else its provider's. */
    public String registeredUrn() {
        return ofstedUrn != null ? ofstedUrn : provider.getOfstedUrn();
    }

    /** The rating the register holds for this home: its own setting's, or else its provider's registration's. */
    public OfstedRating registeredRating() {
        if (ofstedRating != null) {
            return ofstedRating;
        }
        return provider.getOfstedRating() == null ? OfstedRating.NOT_YET_INSPECTED : provider.getOfstedRating();
    }

    /** Ofsted's registration statuses other than active (suspended, cancelled, resigned) stop new referrals. */
    public boolean registrationActive() {
        return ofstedRegistrationStatus == null || "active".equalsIgnoreCase(ofstedRegistrationStatus);
    }

    /** The figure as someone who knows it gave it, at that moment. */
    public CareService vacancies(int vacancies, Instant at) {
        this.vacancies = vacancies;
        this.vacanciesUpdatedAt = at;
        return this;
    }

    /** The UK day the vacancies were last set; null for a figure nobody has confirmed since the register knew the home. */
    public LocalDate vacanciesAsOf() {
        return vacanciesUpdatedAt == null ? null : UkTime.day(vacanciesUpdatedAt);
    }

    /** A figure older than {@value #VACANCIES_FRESH_DAYS} days (or never confirmed) may no longer be true: searches say so. */
    public boolean vacanciesStale(LocalDate today) {
        LocalDate asOf = vacanciesAsOf();
        return asOf == null || asOf.isBefore(today.minusDays(VACANCIES_FRESH_DAYS));
    }

    public CareService registeredWithOfsted(String urn) {
        this.ofstedUrn = urn;
        return this;
    }

    /** What Ofsted's register says of this setting now. */
    public void ofsted(String name, int places, OfstedRating rating, LocalDate ratingDate, String registrationStatus) {
        this.name = name;
        this.places = places;
        this.vacancies = Math.min(vacancies, places);
        this.ofstedRating = rating;
        this.ofstedRatingDate = ratingDate;
        this.ofstedRegistrationStatus = registrationStatus;
    }

    public void rated(OfstedRating rating, LocalDate ratingDate) {
        this.ofstedRating = rating;
        this.ofstedRatingDate = ratingDate;
    }

    /** The tenth of a degree a latitude or longitude falls in, rounded down, as the database computes it (V12). */
    public static int tenth(double degrees) {
        return (int) Math.floor(degrees * 10);
    }

    /** The grid cell of a tenth of latitude and a tenth of longitude, numbered as the database numbers it (V12). */
    public static int gridCell(int latitudeTenth, int longitudeTenth) {
        return latitudeTenth * 10000 + longitudeTenth;
    }
}
