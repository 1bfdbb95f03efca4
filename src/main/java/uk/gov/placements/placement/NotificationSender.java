package uk.gov.placements.placement;

/**
 * What leaves the machine when a notification goes out (e-mail, secure mail to another council).
 * Implementations must throw on failure so that the service task retries and raises an incident.
 */
public interface NotificationSender {
    void send(String recipient, String subject, String body);

    /** A group's members within one council. */
    static String groupIn(String group, String council) {
        return council == null ? group : group + "@" + council;
    }
}
