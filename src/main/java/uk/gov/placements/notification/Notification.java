package uk.gov.placements.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A statutory notification of a placement: to whom, how (e-mail to staff, a letter to people outside the system),
 * by when, and whether it went: SENT only when the mail server accepted the e-mail or the social worker confirmed
 * the letter posted, with who and when; FAILED with the reason while an e-mail could not be delivered.
 */
@Entity
public class Notification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long placementId;
    /** A provider's own notice (V28), such as the monthly reminder to confirm its vacancies; null for a placement's. */
    private Long providerId;
    private String recipient;
    private String subject;
    private LocalDate dueBy;
    private Instant sentAt;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    private Status status = Status.PENDING;
    private String address;
    private String sentBy;
    private String failure;

    public enum Channel { EMAIL, LETTER }

    public enum Status { PENDING, SENT, FAILED }

    protected Notification() {
    }

    private Notification(Long placementId, String recipient, String subject, LocalDate dueBy, Channel channel, String address) {
        this.placementId = placementId;
        this.recipient = recipient;
        this.subject = subject;
        this.dueBy = dueBy;
        this.channel = channel;
        this.address = address;
    }

    public static Notification email(Long placementId, String recipient, String address, String subject, LocalDate dueBy) {
        return new Notification(placementId, recipient, subject, dueBy, Channel.EMAIL, address);
    }

    /** An e-mail to a member of a provider's staff, about the provider rather than a placement. */
    public static Notification emailToProvider(Long providerId, String recipient, String address, String subject, LocalDate dueBy) {
        Notification n = new Notification(null, recipient, subject, dueBy, Channel.EMAIL, address);
        n.providerId = providerId;
        return n;
    }

    public static Notification letter(Long placementId, String recipient, String subject, LocalDate dueBy) {
        return new Notification(placementId, recipient, subject, dueBy, Channel.LETTER, null);
    }

    void sent(String by, Instant at) {
        this.status = Status.SENT;
        this.sentBy = by;
        this.sentAt = at;
        this.failure = null;
    }

    void failed(String reason) {
        this.status = Status.FAILED;
        this.failure = reason == null ? "not delivered" : reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    public Long getId() { return id; }
    public Long getPlacementId() { return placementId; }
    public Long getProviderId() { return providerId; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public LocalDate getDueBy() { return dueBy; }
    public Instant getSentAt() { return sentAt; }
    public Channel getChannel() { return channel; }
    public Status getStatus() { return status; }
    public String getAddress() { return address; }
    public String getSentBy() { return sentBy; }
    public String getFailure() { return failure; }
}
