package uk.gov.placements.provider;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.ForbiddenException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;

/**
 * A home's vacancies, kept current by the people who know them: the provider's own staff (its group
 * {@code provider-<id>}, read from the signed-in user's groups, never from the request) and, for a council's own homes,
 * that council's placements team, who match its children to them day by day, and its commissioning managers, who keep
 * its register. Each change is a recorded decision (who, when, from what to what); the figure carries its date, and
 * the register and the options say how fresh it is.
 */
@Service
public class Vacancies {
    public static final String DECISION_KIND = "VACANCIES";
    /** The council staff who keep the vacancies of their council's own homes (an independent home's are its provider's alone). */
    static final List<String> COUNCIL_KEEPERS = List.of(Roles.PLACEMENTS_TEAM, Roles.COMMISSIONING_MANAGERS);
    /** The most a home may give when the register holds no registered places for it (a fostering agency's household). */
    static final int MOST_WITHOUT_REGISTERED_PLACES = 500;
    static final String STALE = "Not confirmed in the last " + CareService.VACANCIES_FRESH_DAYS + " days";
    static final String NEVER = "Never confirmed";

    private final CareServiceRepository services;
    private final CurrentUser currentUser;
    private final Decisions decisions;
    private final Clock clock;

    public Vacancies(CareServiceRepository services, CurrentUser currentUser, Decisions decisions, Clock clock) {
        this.services = services;
        this.currentUser = currentUser;
        this.decisions = decisions;
        this.clock = clock;
    }

    public record Update(Integer vacancies) {
    }

    /** Sets a home's vacancies as of now, for its provider's staff (or its council, for a council's own home). */
    @Transactional
    public CareService update(Long providerId, Long serviceId, Update body) {
        CareService home = services.findById(serviceId).filter(s -> s.getProvider().getId().equals(providerId))
                .orElseThrow(() -> new NotFoundException("Home", serviceId));
        requireKeeper(home);
        Integer vacancies = body == null ? null : body.vacancies();
        FieldErrors errors = new FieldErrors();
        errors.requireBetween("vacancies", vacancies, 0, home.getPlaces() > 0 ? home.getPlaces() : MOST_WITHOUT_REGISTERED_PLACES);
        errors.throwIfAny();
        String before = asOf(home) + (home.vacanciesAsOf() == null ? ", never confirmed" : "");
        home.vacancies(vacancies, clock.instant());
        decisions.record(null, null, DECISION_KIND, vacancies + " home " + home.getId() + " provider " + providerId, "Was " + before, null);
        return home;
    }

    /**
     * Another provider's home, or another council's own home, is answered exactly as a home that does not exist; a
     * council's staff may not keep an independent provider's figures, and other groups keep none.
     */
    private void requireKeeper(CareService home) {
        Provider provider = home.getProvider();
        if (currentUser.isAdmin() || currentUser.inGroup(provider.candidateGroup())) {
            return;
        }
        boolean councilKeeper = COUNCIL_KEEPERS.stream().anyMatch(currentUser::inGroup);
        if (councilKeeper && provider.isInHouse()) {
            if (currentUser.canSeeCouncil(provider.getCouncil())) {
                return;
            }
            throw new NotFoundException("Home", home.getId());
        }
        if (currentUser.inGroup(Roles.PROVIDERS)) {
            throw new NotFoundException("Home", home.getId());
        }
        throw new ForbiddenException(councilKeeper ? "Only the provider's own staff keep an independent home's vacancies"
                : "Only a provider's own staff, or for a council's own homes its placements team or commissioning managers, keep a home's vacancies");
    }

    /** The homes whose vacancies the signed-in person keeps: their provider's, and their council's own if they keep those. */
    @Transactional(readOnly = true)
    public List<CareService> keptByCurrentUser() {
        List<Long> providerIds = new ArrayList<>();
        for (String group : decisions.actorGroups()) {
            if (group.matches("provider-[0-9]{1,18}")) {
                providerIds.add(Long.valueOf(group.substring("provider-".length())));
            }
        }
        List<String> councils = COUNCIL_KEEPERS.stream().anyMatch(currentUser::inGroup) ? List.copyOf(currentUser.councils()) : List.of();
        if (providerIds.isEmpty() && councils.isEmpty()) {
            throw new ForbiddenException("Only a provider's own staff, or a council's placements team or commissioning managers, keep homes' vacancies");
        }
        // an empty IN list is not valid SQL everywhere: a value that matches nothing stands for none
        return services.keptBy(providerIds.isEmpty() ? List.of(-1L) : providerIds, councils.isEmpty() ? List.of("") : councils);
    }

    /**
     * A home's vacancies as the register, the options and the keepers' page show them: the figure, its date, stale or
     * not. The answers that carry it write its three fields among their own.
     */
    public record View(int vacancies, Instant vacanciesUpdatedAt, boolean vacanciesStale) {
    }

    public static View view(CareService home, LocalDate today) {
        return new View(home.getVacancies(), home.getVacanciesUpdatedAt(), home.vacanciesStale(today));
    }

    /** "2 as of 01/12/2026", or "2" for a figure nobody has confirmed. */
    public static String asOf(CareService home) {
        return home.getVacancies() + (home.vacanciesAsOf() == null ? "" : " as of " + UkFormat.date(home.vacanciesAsOf()));
    }

    /** The words that mark a stale figure ("Never confirmed" for one nobody gave), or none for a fresh one. */
    public static String staleWords(CareService home, LocalDate today) {
        if (home.vacanciesAsOf() == null) {
            return NEVER;
        }
        return home.vacanciesStale(today) ? STALE : "";
    }

    /** The figure in a sentence: "2 as of 01/12/2026 (not confirmed in the last 14 days)". */
    public static String describe(CareService home, LocalDate today) {
        String stale = staleWords(home, today);
        return asOf(home) + (stale.isEmpty() ? "" : " (" + stale.toLowerCase(Locale.UK) + ")");
    }
}
