package uk.gov.placements.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures the seeds say nobody has, for one council and one period (start and end inclusive).
 * "More than 20 miles" is strictly more: a placement exactly 20 miles away is not counted.
 */
public record SufficiencyReport(
        String council,
        LocalDate from,
        LocalDate to,
        int placementsStarted,
        Map<String, Integer> placementsByType,
        int inHouse,
        int independent,
        int ideal,
        int secondBest,
        List<String> secondBestReasons,
        int moreThan20Miles,
        int outOfArea,
        int childrenWithThreeOrMorePlacements,
        Map<String, BigDecimal> averageWeeklyCostByType,
        Map<String, BigDecimal> medianWeeklyCostByType,
        int referrals,
        Map<String, Integer> referralsWithNoOptionByNeed,
        Map<String, Integer> referralsWithNoOptionByArea,
        int inHouseRestrictions,
        BigDecimal offersPerReferral,
        BigDecimal averageDaysReferralToPlacement,
        long overdueIroReviews,
        /** Placements that ended unplanned in the period: disruptions. */
        int disruptions) {
}
