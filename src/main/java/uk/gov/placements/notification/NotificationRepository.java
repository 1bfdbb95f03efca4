package uk.gov.placements.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {
    List<Notification> findByPlacementIdOrderByIdAsc(Long placementId);

    List<Notification> findByProviderIdAndSubjectOrderByIdAsc(Long providerId, String subject);

    List<Notification> findByProviderIdOrderByIdAsc(Long providerId);
}
