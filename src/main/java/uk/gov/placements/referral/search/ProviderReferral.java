package uk.gov.placements.referral.search;

import uk.gov.placements.common.Labelled;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;
import uk.gov.placements.provider.CareService;

/** A referral sent to one independent provider, and its answer: the structured record councils lack. */
@Entity
@Table(name = "provider_referral")
@NamedInterface("search")
public class ProviderReferral {
    @NamedInterface("search")
    public enum Status implements Labelled {
        SENT("Awaiting an answer"),
        OFFERED("Offered a place"),
        DECLINED("Declined"),
        NO_RESPONSE("Did not answer");

        private final String label;

        Status(String label) { this.label = label; }

        @Override
        public String label() { return label; }
    }

    /**
     * How the referral reached the provider: its staff's Tasklist, or an e-mail to its referral address, whose answer the
     * referring council's placements team enters on the provider's behalf.
     */
    public enum Channel { TASK, EMAIL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long referralId;
    private Long providerId;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "service_id")
    private CareService service;
    private double distanceMiles;
    @Enumerated(EnumType.STRING)
    private Status status = Status.SENT;
    private Instant sentAt;
    private Instant deadline;
    private Instant respondedAt;
    private String respondedBy;
    private BigDecimal weeklyFee;
    private LocalDate startDate;
    private String namedCarer;
    private String howNeedsMet;
    private String declineReason;
    private String declineDetails;
    private Long optionId;
    @Enumerated(EnumType.STRING)
    private Channel channel = Channel.TASK;
    private String emailedTo;
    private Instant emailedAt;
    /** Why the e-mail could not be delivered to the referral address, when the mail server refused it for good. */
    private String emailFailure;

    protected ProviderReferral() {
    }

    public ProviderReferral(Long referralId, CareService service, double distanceMiles, Instant sentAt, Instant deadline) {
        this.referralId = referralId;
        this.providerId = service.getProvider().getId();
        this.service = service;
        this.distanceMiles = distanceMiles;
        this.sentAt = sentAt;
        this.deadline = deadline;
    }

    /** To go by e-mail to the provider's referral address; e-mailed only once the mail server has taken it. */
    ProviderReferral byEmail() {
        this.channel = Channel.EMAIL;
        return this;
    }

    void emailed(String address, Instant at) {
        this.emailedTo = address;
        this.emailedAt = at;
        this.emailFailure = null;
    }

    /** The mail server refused the address for good: the referral stands, its answering task says it was not delivered. */
    void notDelivered(String address, String failure) {
        this.emailedTo = address;
        this.emailedAt = null;
        this.emailFailure = failure;
    }

    void offered(String by, Instant at, BigDecimal weeklyFee, LocalDate startDate, String namedCarer, String howNeedsMet, Long optionId) {
        this.status = Status.OFFERED;
        this.respondedBy = by;
        this.respondedAt = at;
        this.weeklyFee = weeklyFee;
        this.startDate = startDate;
        this.namedCarer = namedCarer;
        this.howNeedsMet = howNeedsMet;
        this.optionId = optionId;
    }

    void declined(String by, Instant at, String reason, String details) {
        this.status = Status.DECLINED;
        this.respondedBy = by;
        this.respondedAt = at;
        this.declineReason = reason;
        this.declineDetails = details;
    }

    void noResponse(Instant at) {
        this.status = Status.NO_RESPONSE;
        this.respondedAt = at;
    }

    public Long getId() { return id; }
    public Long getReferralId() { return referralId; }
    public Long getProviderId() { return providerId; }
    public CareService getService() { return service; }
    public double getDistanceMiles() { return distanceMiles; }
    public Status getStatus() { return status; }
    public Instant getSentAt() { return sentAt; }
    public Instant getDeadline() { return deadline; }
    public Instant getRespondedAt() { return respondedAt; }
    public String getRespondedBy() { return respondedBy; }
    public BigDecimal getWeeklyFee() { return weeklyFee; }
    public LocalDate getStartDate() { return startDate; }
    public String getNamedCarer() { return namedCarer; }
    public String getHowNeedsMet() { return howNeedsMet; }
    public String getDeclineReason() { return declineReason; }
    public String getDeclineDetails() { return declineDetails; }
    public Long getOptionId() { return optionId; }
    public Channel getChannel() { return channel; }
    public boolean isByEmail() { return channel == Channel.EMAIL; }
    public String getEmailedTo() { return emailedTo; }
    public Instant getEmailedAt() { return emailedAt; }
    public String getEmailFailure() { return emailFailure; }
}
