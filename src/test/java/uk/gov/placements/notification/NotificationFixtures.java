package uk.gov.placements.notification;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Notifications read as tests check them, where no service of the module would do it. */
@Component
public class NotificationFixtures {
    private final NotificationRepository notifications;

    NotificationFixtures(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** What was sent to the provider, oldest first. */
    @Transactional(readOnly = true)
    public List<Notification> toProvider(Long providerId) {
        return notifications.findByProviderIdOrderByIdAsc(providerId);
    }
}
