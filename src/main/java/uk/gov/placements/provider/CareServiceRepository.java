package uk.gov.placements.provider;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.common.PlacementType;

public interface CareServiceRepository extends JpaRepository<CareService, Long> {

    /**
     * The database narrows by type, the bounding box, age and vacancies, all from one index (the
     * location first, so H2 rejects rows outside the box before reading them), then by kind; needs
     * and the exact distance are checked in {@link ServiceMatcher} on the few rows left.
     */
    @Query("""
            select s from CareService s join fetch s.provider p
            where s.placementType = :type and s.latitude between :minLat and :maxLat and s.longitude between :minLon and :maxLon
              and s.minAge <= :age and s.maxAge >= :age and s.vacancies >= :places
              and p.kind = :kind and (:council is null or p.council = :council)""")
    List<CareService> candidates(@Param("type") PlacementType type, @Param("age") int age, @Param("places") int places,
                                 @Param("kind") ProviderKind kind, @Param("council") String council,
                                 @Param("minLat") double minLat, @Param("maxLat") double maxLat,
                                 @Param("minLon") double minLon, @Param("maxLon") double maxLon);

    /**
     * The same, reading only the grid cells the box covers (V13's index): a search within 20 miles reads its
     * 70 or so cells, about a fifth of the rows the band of latitude from coast to coast held.
     */
    @Query("""
            select s from CareService s join fetch s.provider p
            where s.placementType = :type and s.gridCell in :cells and s.latitude between :minLat and :maxLat and s.longitude between :minLon and :maxLon
              and s.minAge <= :age and s.maxAge >= :age and s.vacancies >= :places
              and p.kind = :kind and (:council is null or p.council = :council)""")
    List<CareService> candidatesInCells(@Param("type") PlacementType type, @Param("age") int age, @Param("places") int places,
                                        @Param("kind") ProviderKind kind, @Param("council") String council, @Param("cells") List<Integer> cells,
                                        @Param("minLat") double minLat, @Param("maxLat") double maxLat,
                                        @Param("minLon") double minLon, @Param("maxLon") double maxLon);

    List<CareService> findByProviderId(Long providerId);

    java.util.Optional<CareService> findByOfstedUrn(String ofstedUrn);

    /**
     * Places taken by a started placement, counted by the database in one statement: two placements
     * into the same home at the same time each take their place (reading the entity and writing it
     * back lost 3 of 100 places on two threads). Never below none.
     */
    @Transactional
    @Modifying(flushAutomatically = true)
    @Query("update CareService s set s.vacancies = case when s.vacancies > :places then s.vacancies - :places else 0 end where s.id = :id")
    int takePlaces(@Param("id") Long id, @Param("places") int places);

    /** A place given back when a child moves on; never more than the home's places. */
    @Transactional
    @Modifying(flushAutomatically = true)
    @Query("update CareService s set s.vacancies = case when s.vacancies < s.places then s.vacancies + 1 else s.places end where s.id = :id")
    int releasePlace(@Param("id") Long id);
}
