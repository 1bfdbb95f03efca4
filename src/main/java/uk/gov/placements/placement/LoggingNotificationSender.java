package uk.gov.placements.placement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Default sender until a mail server is configured: writes each notification to the application log. */
@Component
class LoggingNotificationSender implements NotificationSender {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Override
    public void send(String recipient, String subject, String body) {
        LOG.info("Notification to {}: {}", recipient, subject);
    }
}
