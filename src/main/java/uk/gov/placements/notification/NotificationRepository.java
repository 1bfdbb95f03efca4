package uk.gov.placements.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {
    // JPQL, not derived: Hibernate caches a JPQL query's SQL and builds a derived query's again at each call (benchmark-results.md)
    @Query("select n from Notification n where n.placementId = :placementId order by n.id asc")
    List<Notification> findByPlacementIdOrderByIdAsc(@Param("placementId") Long placementId);

    List<Notification> findByProviderIdAndSubjectOrderByIdAsc(Long providerId, String subject);

    List<Notification> findByProviderIdOrderByIdAsc(Long providerId);
}
