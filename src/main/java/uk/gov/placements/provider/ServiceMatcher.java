package uk.gov.placements.provider;

import java.time.LocalDate;
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
 * not rated inadequate by Ofsted.
 */
@Component
public class ServiceMatcher {
    private final CareServiceRepository services;

    public ServiceMatcher(CareServiceRepository services) {
        this.services = services;
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
        LocalDate today = LocalDate.now();
        // a bounding box in the database (indexed), the exact great-circle distance below
        double miles = c.maxMiles() == null ? 1000 : c.maxMiles();
        double dLat = miles / 69.0 + 0.01;
        double dLon = miles / (69.0 * Math.max(0.2, Math.cos(Math.toRadians(c.latitude())))) + 0.01;
        return services.candidates(c.type(), c.age(), Math.max(1, c.places()), kind, council,
                        c.latitude() - dLat, c.latitude() + dLat, c.longitude() - dLon, c.longitude() + dLon).stream()
                .filter(s -> kind == ProviderKind.IN_HOUSE || eligibleForReferrals(s.getProvider(), today))
                .filter(s -> s.getSpecialisms().containsAll(c.essential()))
                .map(s -> toMatch(s, c))
                .filter(m -> c.maxMiles() == null || m.distanceMiles() <= c.maxMiles())
                .sorted(Comparator.comparingDouble(Match::distanceMiles))
                .toList();
    }

    public static boolean eligibleForReferrals(Provider p, LocalDate today) {
        return p.getAccreditationStatus().receivesReferrals()
                && (p.getAccreditationExpiry() == null || !p.getAccreditationExpiry().isBefore(today))
                && !p.isSuspended()
                && p.getOfstedRating() != OfstedRating.INADEQUATE;
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
