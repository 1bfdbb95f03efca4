package uk.gov.placements.provider;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import uk.gov.placements.common.PlacementType;

public interface CareServiceRepository extends JpaRepository<CareService, Long> {

    /**
     * The database narrows by type, age, vacancies and kind (indexed); needs and distance are
     * checked in {@link ServiceMatcher} on the few rows left.
     */
    @Query("""
            select s from CareService s join fetch s.provider p
            where s.placementType = :type and s.minAge <= :age and s.maxAge >= :age and s.vacancies >= :places
              and p.kind = :kind and (:council is null or p.council = :council)
              and s.latitude between :minLat and :maxLat and s.longitude between :minLon and :maxLon""")
    List<CareService> candidates(@Param("type") PlacementType type, @Param("age") int age, @Param("places") int places,
                                 @Param("kind") ProviderKind kind, @Param("council") String council,
                                 @Param("minLat") double minLat, @Param("maxLat") double maxLat,
                                 @Param("minLon") double minLon, @Param("maxLon") double maxLon);

    List<CareService> findByProviderId(Long providerId);
}
