package uk.gov.placements.demo;

import uk.gov.placements.common.UkTime;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.Geo;
import uk.gov.placements.common.LegalStatus;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.iro.IroReview;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralNeed;
import uk.gov.placements.referral.ReferralService;

/**
 * A year of placement history for the demo councils, so the sufficiency reports mean something out
 * of the box: children placed once, twice or three times, in-house and independent, near and far,
 * some second-best; and referrals nobody could meet (the gaps). Seeded, so every start is the same.
 */
@Component
@Profile("demo")
class DemoHistory {

    private static final String[] ETHNICITIES = {"WBRI", "WOTH", "MWBC", "APKN", "BAFR", "BCRB", "AIND", "WIRI", "CHNE"};
    private final ProviderService services;
    private final ReferralService referrals;
    private final PlacementService placementService;
    private final ChildService childService;
    private final IroReviewService reviews;
    private final Clock clock;

    DemoHistory(ProviderService services, ReferralService referrals,
                PlacementService placementService, ChildService childService, IroReviewService reviews, Clock clock) {
        this.reviews = reviews;
        this.childService = childService;
        this.services = services;
        this.referrals = referrals;
        this.placementService = placementService;
        this.clock = clock;
    }

    void createIfEmpty() {
        if (placementService.demoHistoryRecorded()) {
            return;
        }
        Random random = new Random(903);
        List<CareService> all = services.allHomes();
        LocalDate today = UkTime.today(clock);
        String[][] councils = {{DemoData.NORTHSHIRE, "NS", "53.80", "-1.55"}, {DemoData.EASTMOOR, "EM", "53.75", "-0.95"}};
        String[] first = {"Alex", "Bailey", "Casey", "Devon", "Ellis", "Frankie", "Harley", "Jordan", "Kai", "Logan", "Morgan", "Noel",
                "Oakley", "Parker", "Quinn", "Riley", "Sam", "Taylor"};
        for (String[] c : councils) {
            for (int i = 0; i < 18; i++) {
                double lat = Double.parseDouble(c[2]) + (random.nextDouble() - 0.5) * 0.1;
                double lon = Double.parseDouble(c[3]) + (random.nextDouble() - 0.5) * 0.1;
                Child child = childService.saveDemo(new Child(c[0], first[i], "Demo" + (char) ('A' + i), today.minusYears(6 + random.nextInt(11))
                        .minusDays(random.nextInt(300)), i % 2 == 0 ? "FEMALE" : "MALE", c[1] + (1 + i % 8) + " " + (1 + i % 9) + "AB",
                        lat, lon, i % 3 == 0 ? LegalStatus.V2 : LegalStatus.C2, clock.instant()));
                int moves = i % 6 == 0 ? 3 : i % 3 == 0 ? 2 : 1;
                LocalDate start = today.minusDays(330 - random.nextInt(40));
                // what the SSDA903 return reports of the child: category of need and ethnicity, and the status from the first day
                String cin = "N" + (1 + i % 8);
                childService.demoSsda903(child, cin, ETHNICITIES[i % ETHNICITIES.length], start);
                Placement previous = null;
                for (int m = 0; m < moves; m++) {
                    CareService s = all.get(random.nextInt(all.size()));
                    previous = placementService.saveDemo(placement(child, s, start, random, m > 0, previous), start.plusDays(7));
                    childService.becameLookedAfter(child.getId(), start);
                    start = start.plusDays(60 + random.nextInt(90));
                    if (start.isAfter(today)) {
                        break;
                    }
                }
                ssda903History(child, previous, i, today);
            }
            // referrals the register could not meet: the gaps in provision
            for (NeedCode gap : List.of(NeedCode.PARENT_AND_CHILD, NeedCode.SUBSTANCE_MISUSE, NeedCode.CRIMINAL_EXPLOITATION_RISK)) {
                Child child = childService.saveDemo(new Child(c[0], "Gap", "Demo" + gap.ordinal(), today.minusYears(15), "MALE", c[1] + "9 9ZZ",
                        Double.parseDouble(c[2]), Double.parseDouble(c[3]), LegalStatus.C2, clock.instant()));
                Referral r = new Referral(child, Urgency.URGENT, today.plusDays(7), PlacementType.CHILDRENS_HOME, 12, 20,
                        List.of(new ReferralNeed(gap, true)), "demo", clock.instant());
                referrals.seedUnmet(r, "Demo social worker");
            }
        }
    }

    /**
     * What the SSDA903 return's other tables hold, for some of the demo's children: a first review held with the child's
     * participation, a time missing and one away reported by the provider, and a child who came as an unaccompanied
     * asylum seeker.
     */
    private void ssda903History(Child child, Placement current, int i, LocalDate today) {
        LocalDate since = child.getLookedAfterSince();
        if (i % 4 == 0 && since != null) {
            // the first review within 20 working days, the second three months on
            for (int n = 1; n <= 2 && since.plusDays(27L + 90L * (n - 1)).isBefore(today); n++) {
                LocalDate held = since.plusDays(27L + 90L * (n - 1));
                IroReview review = new IroReview(child.getId(), child.getCouncil(), n, held.plusDays(1), null);
                reviews.recordHeld(review, held, "iro1", "Placement endorsed; contact with mother weekly", "ENDORSED", n == 1 ? "PN1" : "PN3");
            }
        }
        if (i % 5 == 1 && current != null && current.getStartDate().isBefore(today.minusDays(40))) {
            LocalDate out = today.minusDays(30);
            placementService.reportMissing(current.getId(), new PlacementService.MissingReport("MISSING", out, out.plusDays(1)));
            placementService.reportMissing(current.getId(), new PlacementService.MissingReport("AWAY", out.plusDays(5), out.plusDays(5)));
        }
        if (i == 17) {
            childService.recordSsda903(child.getId(), new ChildService.Ssda903Details(child.getEthnicity(), "UN2",
                    true, null, null, null));
        }
    }

    private PlacementService.NewPlacement placement(Child child, CareService s, LocalDate start, Random random, boolean move, Placement previous) {
        double miles = Geo.round(Geo.miles(child.getLatitude(), child.getLongitude(), s.getLatitude(), s.getLongitude()));
        boolean secondBest = random.nextInt(5) == 0;
        BigDecimal fee = s.getWeeklyFee();
        String approver = fee.multiply(BigDecimal.valueOf(26)).compareTo(BigDecimal.valueOf(25000)) <= 0 ? "team-managers" : "assistant-directors";
        return new PlacementService.NewPlacement(null, child.getId(), child.getCouncil(), s.getId(), fee, miles, child.getPostcode(), start,
                secondBest ? "nearest home with a vacancy was further than asked" : null, false, move ? "CARPL" : null,
                "demo", approver, clock.instant(), "Demo history", null, 1, previous == null ? null : previous.getId());
    }
}
