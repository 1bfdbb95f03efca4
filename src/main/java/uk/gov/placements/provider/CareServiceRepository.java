package uk.gov.placements.provider;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.common.PlacementType;

interface CareServiceRepository extends JpaRepository<CareService, Long> {

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
     * The same, reading only the grid cells the box covers (V13's index), not every home of the type in the box's
     * band of latitude from coast to coast (figures in benchmark-results.md).
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

    /** The homes of these providers, and the council's own homes of these councils: those whose vacancies a person keeps. */
    @Query("""
            select s from CareService s join fetch s.provider p
            where p.id in :providerIds or (p.kind = uk.gov.placements.provider.ProviderKind.IN_HOUSE and p.council in :councils)
            order by p.name, s.name, s.id""")
    List<CareService> keptBy(@Param("providerIds") Collection<Long> providerIds, @Param("councils") Collection<String> councils);

    Optional<CareService> findByOfstedUrn(String ofstedUrn);

    /**
     * Places taken by a started placement, counted by the database in one statement: two placements
     * into the same home at the same time each take their place (reading the entity and writing it
     * back would let one overwrite the other's). Never below none.
     */
    @Transactional
    @Modifying(flushAutomatically = true)
    @Query("""
            update CareService s set s.vacancies = case when s.vacancies > :places then s.vacancies - :places else 0 end,
              s.vacanciesUpdatedAt = :at where s.id = :id""")
    int takePlacesAt(@Param("id") Long id, @Param("places") int places, @Param("at") Instant at);

    /** A place given back when a child moves on; never more than the home's places. */
    @Transactional
    @Modifying(flushAutomatically = true)
    @Query("""
            update CareService s set s.vacancies = case when s.vacancies < s.places then s.vacancies + 1 else s.places end,
              s.vacanciesUpdatedAt = :at where s.id = :id""")
    int releasePlaceAt(@Param("id") Long id, @Param("at") Instant at);

    /**
     * The providers with a home whose vacancies are older than the given moment, or were never given: those the
     * monthly reminder asks to keep their figures current.
     */
    @Query("select distinct s.provider.id from CareService s where s.vacanciesUpdatedAt is null or s.vacanciesUpdatedAt < :before")
    List<Long> providersWithVacanciesOlderThan(@Param("before") Instant before);
}
