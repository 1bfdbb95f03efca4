package uk.gov.placements.referral.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.provider.ServiceMatcher;

/** The provider selection query, with one provider failing each criterion in turn beside one that meets them all. */
@IntegrationTest
class ProviderSelectionTest {
    @Autowired Journeys journeys;
    @Autowired ServiceMatcher matcher;
    @Autowired ProviderFixtures providerFixtures;

    @Test
    void shouldSelectOnlyAccreditedUnsuspendedAdequateProvidersWithAMatchingServiceInReach() {
        Journeys.Council c = journeys.newCouncil();
        CareService good = journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4000, OfstedRating.GOOD, NeedCode.SELF_HARM, NeedCode.AUTISM);
        CareService inadequate = journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4000, OfstedRating.INADEQUATE, NeedCode.SELF_HARM);
        CareService suspended = journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4001, OfstedRating.GOOD, NeedCode.SELF_HARM);
        providerFixtures.suspended(suspended.getProvider());
        CareService unaccredited = journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4002, OfstedRating.GOOD, NeedCode.SELF_HARM);
        providerFixtures.accredited(unaccredited.getProvider(), AccreditationStatus.NOT_ACCREDITED, null);
        CareService expired = journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4003, OfstedRating.GOOD, NeedCode.SELF_HARM);
        providerFixtures.accredited(expired.getProvider(), AccreditationStatus.ACCREDITED, LocalDate.now().minusDays(1));
        CareService wrongType = journeys.independent(c, c.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD, NeedCode.SELF_HARM);
        CareService missingNeed = journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4004, OfstedRating.GOOD, NeedCode.AUTISM);
        CareService full = providerFixtures.save(new CareService(journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4005,
                OfstedRating.GOOD).getProvider(), "Full house", PlacementType.CHILDRENS_HOME, 0, 17, 4, 0, c.id(), "TE3 3RD",
                c.lat(), c.lon(), java.math.BigDecimal.valueOf(4005), java.util.EnumSet.of(NeedCode.SELF_HARM)));
        CareService tooYoung = providerFixtures.save(new CareService(good.getProvider(), "Under-12s home", PlacementType.CHILDRENS_HOME, 0, 11, 4, 2,
                c.id(), "TE3 3RD", c.lat(), c.lon(), java.math.BigDecimal.valueOf(4000), java.util.EnumSet.of(NeedCode.SELF_HARM)));
        CareService tooFar = providerFixtures.save(new CareService(journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4006,
                OfstedRating.GOOD).getProvider(), "Far house", PlacementType.CHILDRENS_HOME, 0, 17, 4, 2, c.id(), "TE3 3RD",
                c.lat() + 0.5, c.lon(), java.math.BigDecimal.valueOf(4006), java.util.EnumSet.of(NeedCode.SELF_HARM)));

        var matches = matcher.independent(new ServiceMatcher.Criteria(PlacementType.CHILDRENS_HOME, 14, 1, Set.of(NeedCode.SELF_HARM),
                Set.of(NeedCode.AUTISM), c.lat(), c.lon(), 20.0));
        assertThat(matches).extracting(m -> m.service().getId()).contains(good.getId())
                .doesNotContain(inadequate.getId(), suspended.getId(), unaccredited.getId(), expired.getId(), wrongType.getId(),
                        missingNeed.getId(), full.getId(), tooYoung.getId(), tooFar.getId());
        ServiceMatcher.Match m = matches.stream().filter(x -> x.service().getId().equals(good.getId())).findFirst().orElseThrow();
        assertThat(m.needsMet()).containsExactlyInAnyOrder(NeedCode.SELF_HARM, NeedCode.AUTISM);
        assertThat(m.distanceMiles()).isLessThan(2.0);

        // siblings placed together need a vacancy each
        var forThree = matcher.independent(new ServiceMatcher.Criteria(PlacementType.CHILDRENS_HOME, 14, 4, Set.of(NeedCode.SELF_HARM),
                Set.of(), c.lat(), c.lon(), 20.0));
        assertThat(forThree).extracting(x -> x.service().getId()).doesNotContain(good.getId());
    }
}
