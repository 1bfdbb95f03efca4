package uk.gov.placements.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.child.Child;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralNeed;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.search.ProviderReferral;
import uk.gov.placements.referral.search.SearchService;

/** Sufficiency figures and the SSDA903 episodes extract, computed from the records made at each decision. */
@Service
public class ReportService {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final PlacementService placements;
    private final ReferralService referrals;
    private final SearchService search;
    private final IroReviewService iroReviews;

    public ReportService(PlacementService placements, ReferralService referrals, SearchService search,
                         IroReviewService iroReviews) {
        this.placements = placements;
        this.referrals = referrals;
        this.search = search;
        this.iroReviews = iroReviews;
    }

    @Transactional(readOnly = true)
    public SufficiencyReport sufficiency(String council, LocalDate from, LocalDate to) {
        List<Placement> started = placements.startedBetween(council, from, to);
        Map<String, List<Placement>> byType = started.stream().collect(Collectors.groupingBy(p -> p.getPlacementType().name(), TreeMap::new,
                Collectors.toList()));
        Map<String, Integer> countByType = new TreeMap<>();
        Map<String, BigDecimal> average = new TreeMap<>();
        Map<String, BigDecimal> median = new TreeMap<>();
        byType.forEach((type, list) -> {
            countByType.put(type, list.size());
            List<BigDecimal> costs = list.stream().map(Placement::getWeeklyCost).sorted().toList();
            average.put(type, costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(costs.size()), 2, RoundingMode.HALF_UP));
            median.put(type, median(costs));
        });
        Map<Long, Long> placementsPerChild = started.stream().collect(Collectors.groupingBy(Placement::getChildId, Collectors.counting()));

        List<Referral> referred = referrals.madeBetween(council, from.atStartOfDay(LONDON).toInstant(),
                to.plusDays(1).atStartOfDay(LONDON).toInstant());
        Map<String, Integer> gapsByNeed = new TreeMap<>();
        Map<String, Integer> gapsByArea = new TreeMap<>();
        int offers = 0;
        int searchedExternally = 0;
        List<Long> daysToPlacement = new ArrayList<>();
        for (Referral r : referred) {
            // a gap in provision: no option that met the referral in full (second-best alternatives do not fill it)
            boolean anyOption = search.optionsOf(r.getId()).stream()
                    .anyMatch(o -> o.getRankPosition() != null && !o.isSecondBest());
            boolean searched = r.getStatus().searched();
            if (searched && !anyOption) {
                for (ReferralNeed n : r.getNeeds()) {
                    gapsByNeed.merge(n.getCode().name(), 1, Integer::sum);
                }
                gapsByArea.merge(area(r.getChild()), 1, Integer::sum);
            }
            List<ProviderReferral> asked = search.providerReferralsOf(r.getId());
            if (!asked.isEmpty()) {
                searchedExternally++;
                offers += (int) asked.stream().filter(pr -> pr.getStatus() == ProviderReferral.Status.OFFERED).count();
            }
            if (r.getPlacementId() != null) {
                placements.find(r.getPlacementId()).ifPresent(p -> daysToPlacement.add(
                        ChronoUnit.DAYS.between(r.getCreatedAt().atZone(LONDON).toLocalDate(), p.getStartDate())));
            }
        }
        List<String> reasons = started.stream().filter(Placement::isSecondBest).map(Placement::getSecondBestReason).toList();
        return new SufficiencyReport(council, from, to, started.size(), countByType,
                count(started, Placement::isInHouse), count(started, p -> !p.isInHouse()),
                count(started, p -> !p.isSecondBest()), count(started, Placement::isSecondBest), reasons,
                count(started, p -> p.getDistanceMiles() > SearchService.NEAR_HOME_MILES), count(started, Placement::isOutOfArea),
                (int) placementsPerChild.values().stream().filter(n -> n >= 3).count(), average, median,
                referred.size(), gapsByNeed, gapsByArea,
                (int) referred.stream().filter(r -> Boolean.TRUE.equals(r.getRestrictToInHouse())).count(),
                searchedExternally == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(offers).divide(BigDecimal.valueOf(searchedExternally), 2, RoundingMode.HALF_UP),
                daysToPlacement.isEmpty() ? null : BigDecimal.valueOf(daysToPlacement.stream().mapToLong(Long::longValue).average().orElse(0))
                        .setScale(1, RoundingMode.HALF_UP),
                iroReviews.overdue(council),
                placements.unplannedEndings(council, from, to));
    }

    /** The child's home area: the outward part of the postcode (e.g. NS1). */
    static String area(Child child) {
        String postcode = child.getPostcode();
        return postcode.contains(" ") ? postcode.substring(0, postcode.indexOf(' ')) : postcode;
    }

    private static int count(List<Placement> list, Predicate<Placement> p) {
        return (int) list.stream().filter(p).count();
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        BigDecimal m = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return m.setScale(2, RoundingMode.HALF_UP);
    }
}
