package uk.gov.placements.provider;

import uk.gov.placements.common.UkTime;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.UkFormat;

/**
 * A home's Ofsted rating changes only here: from Ofsted's list (the import) or, when Ofsted has published a worse
 * judgement before the next list, by hand. Every change is a recorded decision; every downgrade is published as
 * {@link HomeDowngraded}.
 */
@Service
public class OfstedRatings {
    public static final String DECISION_KIND = "OFSTED_RATING";
    private final CareServiceRepository services;
    private final Decisions decisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public OfstedRatings(CareServiceRepository services, Decisions decisions, ApplicationEventPublisher events, Clock clock) {
        this.services = services;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    /** Worse than before: an inspection judgement below the previous one (a first judgement is not a downgrade). */
    public static boolean isDowngrade(OfstedRating previous, OfstedRating now) {
        return previous != null && now != OfstedRating.NOT_YET_INSPECTED && now.quality() < previous.quality();
    }

    /**
     * Records a change of a known home's rating (the caller has changed the home; {@code previous} is what the register
     * held for it before) and publishes a downgrade.
     */
    public void recordChange(CareService home, OfstedRating previous, String why) {
        OfstedRating now = home.getOfstedRating();
        decisions.record(null, null, DECISION_KIND, now.name() + " home " + home.getId() + " provider " + home.getProvider().getId(),
                "Was " + UkFormat.label(previous) + ": " + why, null);
        if (isDowngrade(previous, now)) {
            events.publishEvent(new HomeDowngraded(home.getId(), home.getProvider().getId(), now, previous, UkTime.today(clock)));
        }
    }

    public record HandRating(String rating, LocalDate ratingDate, String reason) {
    }

    /**
     * A worse judgement Ofsted has published, entered before the next list: the register may learn bad news by hand at
     * once, while an improvement waits for Ofsted's own list.
     */
    @Transactional
    public CareService rateByHand(Long providerId, Long serviceId, HandRating body) {
        CareService home = services.findById(serviceId).filter(s -> s.getProvider().getId().equals(providerId))
                .orElseThrow(() -> new NotFoundException("Home", serviceId));
        FieldErrors errors = new FieldErrors();
        OfstedRating rating = body == null ? null : FieldErrors.parseEnum(OfstedRating.class, body.rating(), "rating", errors);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            errors.reject("reason", "is required: what Ofsted published, and where");
        } else if (body.reason().length() > 2000) {
            errors.reject("reason", "must be at most 2000 characters");
        }
        LocalDate today = UkTime.today(clock);
        if (body != null && body.ratingDate() != null && body.ratingDate().isAfter(today)) {
            errors.reject("ratingDate", "must not be in the future");
        }
        errors.throwIfAny();
        OfstedRating previous = home.registeredRating();
        if (rating == previous) {
            return home;
        }
        if (rating == OfstedRating.NOT_YET_INSPECTED || rating.quality() > previous.quality()) {
            throw InvalidInputException.of("rating", "is better than the register's " + UkFormat.label(previous)
                    + ": an improved rating comes from Ofsted's list (the import), not by hand");
        }
        home.rated(rating, body.ratingDate() == null ? today : body.ratingDate());
        recordChange(home, previous, "by hand: " + body.reason().trim());
        return home;
    }
}
