package uk.gov.placements.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.PlacementType;

/** Vacancies are counted by the database, so placements started at the same time into one home each take a place. */
@IntegrationTest
class CareServiceVacanciesTest {
    @Autowired Journeys journeys;
    @Autowired Clock clock;
    @Autowired CareServiceRepository services;
    @Autowired TransactionTemplate transactions;

    @Test
    void shouldCountEveryPlaceTakenWhenPlacementsIntoOneHomeStartTogether() throws Exception {
        Journeys.Council council = journeys.newCouncil();
        CareService home = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 500, NeedCode.AUTISM);
        CareService big = journeys.service(home.getProvider(), council.id(), PlacementType.FOSTER, 500, 6, council.lat(), council.lon());
        int threads = 4;
        CyclicBarrier allLoaded = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                // as the placement step does: the home is loaded (every thread sees 6 vacancies), then its place taken
                done.add(pool.submit(() -> transactions.execute(tx -> {
                    CareService seen = services.findById(big.getId()).orElseThrow();
                    assertThat(seen.getVacancies()).isEqualTo(6);
                    await(allLoaded);
                    return services.takePlacesAt(seen.getId(), 1, clock.instant());
                })));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get(30, TimeUnit.SECONDS)).as("one row updated").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(services.findById(big.getId()).orElseThrow().getVacancies()).as("6 places, 4 taken at the same time").isEqualTo(2);
    }

    @Test
    void shouldNeverCountBelowNoneOrAboveTheHomesPlaces() {
        Journeys.Council council = journeys.newCouncil();
        CareService home = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 500);
        int places = home.getPlaces();
        services.takePlacesAt(home.getId(), places + 2, clock.instant());
        assertThat(services.findById(home.getId()).orElseThrow().getVacancies()).isZero();
        for (int i = 0; i < places + 2; i++) {
            services.releasePlaceAt(home.getId(), clock.instant());
        }
        assertThat(services.findById(home.getId()).orElseThrow().getVacancies()).isEqualTo(places);
        services.takePlacesAt(home.getId(), 2, clock.instant());
        assertThat(services.findById(home.getId()).orElseThrow().getVacancies()).isEqualTo(places - 2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
