package uk.gov.placements.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;

/**
 * The register search reads the grid cells its box covers (V12, V13): a home is found whichever cell it
 * lies in, however it was written, and only within the distance asked; a search too wide to list its
 * cells reads the box alone. On H2 and, in the second run, PostgreSQL, whose column is spelt apart.
 */
@IntegrationTest
class ServiceMatcherTest {
    @Autowired Journeys journeys;
    @Autowired ServiceMatcher matcher;
    @Autowired JdbcTemplate jdbc;

    @Test
    void shouldFindHomesInEveryCellTheSearchCoversAndNoneBeyondItsDistance() {
        Journeys.Council council = journeys.newCouncil();
        Provider provider = journeys.independent(council, council.id(), PlacementType.FOSTER, 610, OfstedRating.GOOD, NeedCode.AUTISM)
                .getProvider();
        // the child stands just south-west of a corner where four cells meet; each home's weekly fee names it
        double lat = 52.4999;
        double lon = -1.5001;
        journeys.service(provider, council.id(), PlacementType.FOSTER, 611, 2, lat - 0.01, lon - 0.01, NeedCode.AUTISM);   // the child's cell
        journeys.service(provider, council.id(), PlacementType.FOSTER, 612, 2, 52.5001, -1.4999, NeedCode.AUTISM);         // across the corner
        journeys.service(provider, council.id(), PlacementType.FOSTER, 613, 2, lat + 19.5 / 69.0, lon, NeedCode.AUTISM);    // 19.5 miles north
        journeys.service(provider, council.id(), PlacementType.FOSTER, 614, 2, lat - 0.3, lon - 0.3, NeedCode.AUTISM);      // 24 miles away
        // written by SQL, as a bulk load would, with no cell given: the database computes it
        Long id = jdbc.queryForObject("select max(id) from care_service", Long.class) + 1000;
        jdbc.update("insert into care_service (id, provider_id, name, placement_type, min_age, max_age, places, vacancies, local_authority, "
                + "postcode, latitude, longitude, weekly_fee) values (?, ?, 'Loaded by SQL', 'FOSTER', 0, 17, 2, 2, ?, 'TE3 3RD', ?, ?, 615)",
                id, provider.getId(), council.id(), lat - 0.05, lon + 0.2);
        jdbc.update("insert into care_service_specialism (service_id, need_code) values (?, 'AUTISM')", id);
        assertThat(jdbc.queryForObject("select grid_cell from care_service where id = ?", Integer.class, id))
                .isEqualTo(CareService.gridCell(CareService.tenth(lat - 0.05), CareService.tenth(lon + 0.2)));

        // tenths of latitude 521 to 527, of longitude -20 to -11
        assertThat(ServiceMatcher.cellsCovering(lat - 0.3, lat + 0.3, lon - 0.47, lon + 0.47)).hasSize(7 * 10);
        assertThat(fees(provider, lat, lon, 20.0)).containsExactlyInAnyOrder(611, 612, 613, 615);
        // 80 miles covers more cells than a search lists: the box alone, and the home 24 miles away is in it
        assertThat(ServiceMatcher.cellsCovering(lat - 1.2, lat + 1.2, lon - 2, lon + 2)).isNull();
        assertThat(fees(provider, lat, lon, 80.0)).contains(611, 612, 613, 614, 615);
    }

    /** The weekly fees of the provider's homes found within that distance, each found within it. */
    private List<Integer> fees(Provider provider, double lat, double lon, double miles) {
        return matcher.independent(new ServiceMatcher.Criteria(PlacementType.FOSTER, 11, 1, Set.of(NeedCode.AUTISM), Set.of(), lat, lon, miles))
                .stream().filter(m -> m.service().getProvider().getId().equals(provider.getId()))
                .peek(m -> assertThat(m.distanceMiles()).isLessThanOrEqualTo(miles))
                .map(m -> m.service().getWeeklyFee().intValue()).toList();
    }
}
