package uk.gov.placements.provider;

import uk.gov.placements.common.UkTime;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.common.Geo;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;

/**
 * The register query behind both searches: services of the wanted type and age range with room
 * for the child (and siblings), every essential need among their specialisms, within the furthest
 * acceptable distance. Independent providers must also be accredited, in date, not suspended and
 * not rated inadequate by Ofsted; and no home, the council's own included, is offered while Ofsted's
 * register rates it inadequate or its registration is not active.
 */
@Component
public class ServiceMatcher {
    /** Grid cells a search lists at most (a tenth of a degree square each: a radius of about 50 miles in England). */
    static final int MAX_CELLS = 400;
    private final CareServiceRepository services;
    private final Clock clock;

    public ServiceMatcher(CareServiceRepository services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    public record Criteria(PlacementType type, int age, int places, Set<NeedCode> essential, Set<NeedCode> desirable,
                           double latitude, double longitude, Double maxMiles) {
    }

    public record Match(CareService service, double distanceMiles, Set<NeedCode> needsMet, Set<NeedCode> needsUnmet) {
    }

    @Transactional(readOnly = true)
    public List<Match> inHouse(Criteria c, String council) {
        return match(c, ProviderKind.IN_HOUSE, council);
    }

    @Transactional(readOnly = true)
    public List<Match> independent(Criteria c) {
        return match(c, ProviderKind.INDEPENDENT, null);
    }

    private List<Match> match(Criteria c, ProviderKind kind, String council) {
        LocalDate today = UkTime.today(clock);
        // a bounding box in the database (indexed), the exact great-circle distance below
        double miles = c.maxMiles() == null ? 1000 : c.maxMiles();
        double dLat = miles / 69.0 + 0.01;
        double dLon = miles / (69.0 * Math.max(0.2, Math.cos(Math.toRadians(c.latitude())))) + 0.01;
        double minLat = c.latitude() - dLat;
        double maxLat = c.latitude() + dLat;
        double minLon = c.longitude() - dLon;
        double maxLon = c.longitude() + dLon;
        List<Integer> cells = cellsCovering(minLat, maxLat, minLon, maxLon);
        // a search wider than about 50 miles covers too many cells to list: the box alone then (V10's index)
        List<CareService> candidates = cells == null
                ? services.candidates(c.type(), c.age(), Math.max(1, c.places()), kind, council, minLat, maxLat, minLon, maxLon)
                : services.candidatesInCells(c.type(), c.age(), Math.max(1, c.places()), kind, council, cells, minLat, maxLat, minLon, maxLon);
        return candidates.stream()
                .filter(s -> kind == ProviderKind.IN_HOUSE || eligibleForReferrals(s.getProvider(), today))
                .filter(ServiceMatcher::homeRegistrationAllowsReferrals)
                .filter(s -> s.getSpecialisms().containsAll(c.essential()))
                .map(s -> toMatch(s, c))
                .filter(m -> c.maxMiles() == null || m.distanceMiles() <= c.maxMiles())
                .sorted(Comparator.comparingDouble(Match::distanceMiles))
                .toList();
    }

    /** The grid cells (V12) a box covers, or null when there are more than {@link #MAX_CELLS}. */
    static List<Integer> cellsCovering(double minLat, double maxLat, double minLon, double maxLon) {
        int south = CareService.tenth(minLat);
        int north = CareService.tenth(maxLat);
        int west = CareService.tenth(minLon);
        int east = CareService.tenth(maxLon);
        if ((long) (north - south + 1) * (east - west + 1) > MAX_CELLS) {
            return null;
        }
        List<Integer> cells = new ArrayList<>();
        for (int lat = south; lat <= north; lat++) {
            for (int lon = west; lon <= east; lon++) {
                cells.add(CareService.gridCell(lat, lon));
            }
        }
        return cells;
    }

    public static boolean eligibleForReferrals(Provider p, LocalDate today) {
        return p.getAccreditationStatus().receivesReferrals()
                && (p.getAccreditationExpiry() == null || !p.getAccreditationExpiry().isBefore(today))
                && !p.isSuspended()
                && p.getOfstedRating() != OfstedRating.INADEQUATE;
    }

    /** The home's own Ofsted standing (or its provider's, for a home without a URN of its own), read at each search. */
    public static boolean homeRegistrationAllowsReferrals(CareService s) {
        return s.registeredRating() != OfstedRating.INADEQUATE && s.registrationActive();
    }

    private static Match toMatch(CareService s, Criteria c) {
        double miles = Geo.round(Geo.miles(c.latitude(), c.longitude(), s.getLatitude(), s.getLongitude()));
        Set<NeedCode> wanted = EnumSet.noneOf(NeedCode.class);
        wanted.addAll(c.essential());
        wanted.addAll(c.desirable());
        Set<NeedCode> met = EnumSet.noneOf(NeedCode.class);
        Set<NeedCode> unmet = EnumSet.noneOf(NeedCode.class);
        for (NeedCode need : wanted) {
            (s.getSpecialisms().contains(need) ? met : unmet).add(need);
        }
        return new Match(s, miles, met, unmet);
    }
}
