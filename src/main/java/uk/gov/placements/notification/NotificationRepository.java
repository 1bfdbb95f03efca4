package uk.gov.placements.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {
    // JPQL, where a derived query would do: Hibernate translates a JPQL string to SQL once, a derived query's criteria on
    // every call (these run at most steps of a referral: benchmark-results.md, "The product's own cost")
    @Query("select n from Notification n where n.placementId = :placementId order by n.id asc")
    List<Notification> findByPlacementIdOrderByIdAsc(@Param("placementId") Long placementId);

    List<Notification> findByProviderIdAndSubjectOrderByIdAsc(Long providerId, String subject);

    List<Notification> findByProviderIdOrderByIdAsc(Long providerId);
}
