package uk.gov.placements.referral.search;

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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.provider.CareService;

/** One placement option considered for a referral: kept whether chosen or not, for the IRO and the reports. */
@Entity
@Table(name = "placement_option")
public class PlacementOption {
    /** The order every list of options is shown in: by rank, the unranked last, then as found. */
    public static final Comparator<PlacementOption> RANK_ORDER = Comparator
            .comparing((PlacementOption o) -> o.getRankPosition() == null ? Integer.MAX_VALUE : o.getRankPosition())
            .thenComparing(PlacementOption::getId);
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long referralId;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "service_id")
    private CareService service;
    private Long providerId;
    @Enumerated(EnumType.STRING)
    private OptionSource source;
    private boolean inHouse;
    private BigDecimal weeklyFee;
    private double distanceMiles;
    private String needsMet;
    private String needsUnmet;
    @Enumerated(EnumType.STRING)
    private OfstedRating ofstedRating;
    private boolean suitable = true;
    private String suitabilityReason;
    private Integer rankPosition;
    private String rankReasons;
    private LocalDate startDate;
    private String namedCarer;
    private Long providerReferralId;
    /** The search of the referral this option was found in (1 for the first); earlier rounds stay as history. */
    private int searchRound = 1;
    private boolean secondBest;
    private String secondBestReason;

    protected PlacementOption() {
    }

    public PlacementOption inRound(int round) {
        this.searchRound = round;
        return this;
    }

    public int getSearchRound() { return searchRound; }

    /** Offered because nothing met the referral in full: what it lacks. */
    public PlacementOption secondBest(String lacks) {
        this.secondBest = true;
        this.secondBestReason = lacks;
        return this;
    }

    public boolean isSecondBest() { return secondBest; }
    public String getSecondBestReason() { return secondBestReason; }

    public PlacementOption(Long referralId, CareService service, OptionSource source, double distanceMiles,
                           Set<NeedCode> met, Set<NeedCode> unmet) {
        this.referralId = referralId;
        this.service = service;
        this.providerId = service.getProvider().getId();
        this.source = source;
        this.inHouse = service.getProvider().isInHouse();
        this.weeklyFee = service.getWeeklyFee();
        this.distanceMiles = distanceMiles;
        this.needsMet = join(met);
        this.needsUnmet = join(unmet);
        this.ofstedRating = service.registeredRating();
    }

    /** A provider's written offer: its own fee, start date and named home or carer. */
    public static PlacementOption offer(Long referralId, CareService service, double distanceMiles, Set<NeedCode> met, Set<NeedCode> unmet,
                                        BigDecimal weeklyFee, LocalDate startDate, String namedCarer, Long providerReferralId) {
        PlacementOption o = new PlacementOption(referralId, service, OptionSource.PROVIDER_OFFER, distanceMiles, met, unmet);
        o.weeklyFee = weeklyFee;
        o.startDate = startDate;
        o.namedCarer = namedCarer;
        o.providerReferralId = providerReferralId;
        return o;
    }

    private static String join(Set<NeedCode> codes) {
        return codes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<NeedCode> split(String codes) {
        return codes == null || codes.isBlank() ? EnumSet.noneOf(NeedCode.class)
                : Arrays.stream(codes.split(",")).map(NeedCode::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(NeedCode.class)));
    }

    public void markSuitability(boolean suitable, String reason) {
        this.suitable = suitable;
        this.suitabilityReason = reason;
    }

    public void ranked(Integer position, String reasons) {
        this.rankPosition = position;
        this.rankReasons = reasons;
    }

    public Long getId() { return id; }
    public Long getReferralId() { return referralId; }
    public CareService getService() { return service; }
    public Long getProviderId() { return providerId; }
    public OptionSource getSource() { return source; }
    public boolean isInHouse() { return inHouse; }
    public BigDecimal getWeeklyFee() { return weeklyFee; }
    public double getDistanceMiles() { return distanceMiles; }
    public Set<NeedCode> needsMet() { return split(needsMet); }
    public Set<NeedCode> needsUnmet() { return split(needsUnmet); }
    public OfstedRating getOfstedRating() { return ofstedRating; }
    public boolean isSuitable() { return suitable; }
    public String getSuitabilityReason() { return suitabilityReason; }
    public Integer getRankPosition() { return rankPosition; }
    public String getRankReasons() { return rankReasons; }
    public LocalDate getStartDate() { return startDate; }
    public String getNamedCarer() { return namedCarer; }
    public Long getProviderReferralId() { return providerReferralId; }
    public boolean isWrittenOffer() { return source == OptionSource.PROVIDER_OFFER; }
}
