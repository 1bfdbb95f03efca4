package uk.gov.placements.notification;

/**
 * What leaves the machine when a notification goes out (e-mail, secure mail to another council).
 * Implementations must throw on failure so that the service task retries and raises an incident.
 */
public interface NotificationSender {
    void send(Recipient to, String subject, String body);

    /**
     * E-mails one address. Returns normally only when the mail server accepted the message; throws when it did not.
     * A sender with no mail server cannot e-mail at all ({@link #canEmail()} false).
     */
    default void email(String address, String subject, String body) {
        throw new IllegalStateException("No mail server is configured (spring.mail.host)");
    }

    default boolean canEmail() {
        return false;
    }
}
