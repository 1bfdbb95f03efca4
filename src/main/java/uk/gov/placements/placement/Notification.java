package uk.gov.placements.placement;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A statutory notification of a placement: to whom, by when, and when it went. */
@Entity
public class Notification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long placementId;
    private String recipient;
    private String subject;
    private LocalDate dueBy;
    private Instant sentAt;

    protected Notification() {
    }

    public Notification(Long placementId, String recipient, String subject, LocalDate dueBy) {
        this.placementId = placementId;
        this.recipient = recipient;
        this.subject = subject;
        this.dueBy = dueBy;
    }

    public void sent(Instant at) {
        this.sentAt = at;
    }

    public Long getId() { return id; }
    public Long getPlacementId() { return placementId; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public LocalDate getDueBy() { return dueBy; }
    public Instant getSentAt() { return sentAt; }
}
