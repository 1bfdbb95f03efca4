package uk.gov.placements.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.security.Roles;

/**
 * The monthly reminder to each provider whose vacancies are stale (older than 14 days, or never confirmed): an e-mail to
 * the people who keep them, its provider's staff and, for a council's own homes, that council's placements team. The
 * e-mails go through {@link Notifications}, so each is recorded SENT only once the mail server took it, and a retry in
 * the same month sends only what has not gone. A provider nobody can be e-mailed for is told nothing, and nothing says
 * it was.
 */
@Service
public class VacancyReminders {
    private static final Logger LOG = LoggerFactory.getLogger(VacancyReminders.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private final CareServiceRepository services;
    private final ProviderRepository providers;
    private final Notifications notifications;
    private final IdentityService identityService;

    public VacancyReminders(CareServiceRepository services, ProviderRepository providers, Notifications notifications,
                            IdentityService identityService) {
        this.services = services;
        this.providers = providers;
        this.notifications = notifications;
        this.identityService = identityService;
    }

    /** Reminds every provider with a stale figure on that day; throws (to retry) if any e-mail could not go. */
    public List<Long> remindStaleProviders(LocalDate today) {
        Instant freshFrom = today.minusDays(CareService.VACANCIES_FRESH_DAYS).atStartOfDay(UkTime.LONDON).toInstant();
        String subject = "Please confirm your vacancies (" + MONTH.format(today) + ")";
        List<Long> reminded = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (Long providerId : services.providersWithVacanciesOlderThan(freshFrom)) {
            Provider provider = providers.findById(providerId).orElseThrow();
            List<User> keepers = keepers(provider);
            if (keepers.isEmpty()) {
                LOG.info("Vacancies of provider {} are stale, but nobody can be e-mailed for it", providerId);
                continue;
            }
            List<CareService> stale = services.findByProviderId(providerId).stream().filter(s -> s.vacanciesStale(today)).toList();
            try {
                notifications.emailProvider(providerId, keepers, subject, text(provider, stale, today), today);
                reminded.add(providerId);
            } catch (RuntimeException e) {
                // the other providers are still told; the step is retried for this one
                LOG.warn("Vacancy reminder to provider {} not delivered: {}", providerId, e.getMessage());
                failed.add(providerId);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Vacancy reminders not delivered, to be retried: providers " + failed);
        }
        return reminded;
    }

    /** Who keeps a provider's figures: its own staff, and for a council's own homes the council's placements team too. */
    private List<User> keepers(Provider provider) {
        Map<String, User> people = new LinkedHashMap<>();
        identityService.createUserQuery().memberOfGroup(provider.candidateGroup()).list().forEach(u -> people.putIfAbsent(u.getId(), u));
        if (provider.isInHouse()) {
            identityService.createUserQuery().memberOfGroup(Roles.PLACEMENTS_TEAM).memberOfTenant(provider.getCouncil()).list()
                    .forEach(u -> people.putIfAbsent(u.getId(), u));
        }
        return people.values().stream().filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).toList();
    }

    private static String text(Provider provider, List<CareService> stale, LocalDate today) {
        return "The placements register shows these vacancies for " + provider.getName() + ", not confirmed in the last "
                + CareService.VACANCIES_FRESH_DAYS + " days:\n\n"
                + stale.stream().map(s -> "- " + s.getName() + ": " + Vacancies.describe(s, today)).collect(Collectors.joining("\n"))
                + "\n\nCouncils searching for a placement see these figures marked as stale. Please confirm or correct them on the"
                + " page Our homes and vacancies (/vacancies.html) in the placements system, signed in as usual.\n\nSent on "
                + UkFormat.date(today) + ".";
    }
}
