package uk.gov.placements.provider;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.common.Created;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.Geo;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Postcodes;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

@RestController
@RequestMapping("/api/providers")
class ProviderController {
    private final ProviderService service;
    private final ServiceMatcher matcher;
    private final CurrentUser currentUser;
    private final MonitoringRatings monitoringRatings;
    private final OfstedRegisterImport ofstedImport;
    private final OfstedRatings ofstedRatings;
    private final SystemActions system;
    private final Postcodes postcodes;
    private final Vacancies vacancies;
    private final ProviderReachability reachability;
    private final Clock clock;

    ProviderController(ProviderService service, ServiceMatcher matcher, CurrentUser currentUser,
                       MonitoringRatings monitoringRatings,
                       OfstedRegisterImport ofstedImport,
                       SystemActions system, Postcodes postcodes, OfstedRatings ofstedRatings,
                       Vacancies vacancies, ProviderReachability reachability, Clock clock) {
        this.vacancies = vacancies;
        this.reachability = reachability;
        this.ofstedRatings = ofstedRatings;
        this.postcodes = postcodes;
        this.system = system;
        this.ofstedImport = ofstedImport;
        this.monitoringRatings = monitoringRatings;
        this.service = service;
        this.matcher = matcher;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A home's judgement as entered by hand, and as people read it. */
    record HandRated(Long serviceId, OfstedRating ofstedRating, LocalDate ofstedRatingDate, HandRatedDisplay display) {
    }

    record HandRatedDisplay(String ofstedRating, String ofstedRatingDate) {
    }

    /** A home whose vacancies the signed-in person keeps, its figure with its date, and the words the keepers' page shows. */
    record KeptHome(Long providerId, String providerName, Long serviceId, String name, PlacementType placementType, int places,
                    @JsonUnwrapped Vacancies.View vacancyFigure, KeptHomeDisplay display) {
    }

    record KeptHomeDisplay(String placementType, String vacanciesAsOf, String vacanciesStale) {
    }

    record ReferralEmailSet(Long id, String referralEmail, boolean reachable) {
    }

    /** An independent provider no referral can reach, and why. */
    record UnreachableProvider(Long providerId, String name, AccreditationStatus accreditationStatus, String referralEmail, String why,
                               UnreachableProviderDisplay display) {
    }

    record UnreachableProviderDisplay(String accreditation) {
    }

    /** The provider's new user and the groups they now belong to. */
    record ProviderUser(String userId, List<String> groups) {
    }

    /** A home of the register that matches the search, with its provider's standing, and the same facts as people read them. */
    record RegisterMatch(Long serviceId, String name, Long providerId, String providerName, PlacementType placementType,
                         AccreditationStatus accreditationStatus, LocalDate accreditationExpiry, OfstedRating ofstedRating, String ofstedUrn,
                         double distanceMiles, @JsonUnwrapped Vacancies.View vacancyFigure, BigDecimal weeklyFee, String localAuthority,
                         String postcode, List<String> specialisms, String latestMonitoringRating, long exitInterviews,
                         RegisterMatchDisplay display) {
    }

    record RegisterMatchDisplay(String accreditation, String ofstedRating, String monitoringRating, String distance, String weeklyFee,
                                String vacancies, String vacanciesStale, String specialisms) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody ProviderService.NewProvider body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS, Roles.PLACEMENTS_TEAM);
        if ("IN_HOUSE".equals(body.kind()) && body.council() != null && !currentUser.canSeeCouncil(body.council())) {
            throw InvalidInputException.of("council", "is not a council you work for");
        }
        return new Created(service.create(body).getId());
    }

    /**
     * Ofsted's published providers and places list as CSV, matched on URN line by line: counts of homes created, updated,
     * downgraded and unchanged, and each rejected line with its number and field.
     */
    @PostMapping(value = "/ofsted-import", consumes = {"text/csv", "text/plain"})
    OfstedRegisterImport.RegisterImported importOfsted(@RequestBody String csv) {
        // the spec's contract: the register is the commissioning managers' to keep
        currentUser.requireAnyGroup(Roles.COMMISSIONING_MANAGERS);
        return ofstedImport.importCsv(csv).imported();
    }

    /** A worse judgement Ofsted has published, entered by hand before the next list: the home gets no new referrals from now. */
    @PutMapping("/{id}/services/{serviceId}/ofsted-rating")
    HandRated rateHome(@PathVariable Long id, @PathVariable Long serviceId, @RequestBody OfstedRatings.HandRating body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS);
        ownCouncilsProvisionOnly(id);
        CareService home = ofstedRatings.rateByHand(id, serviceId, body);
        return new HandRated(home.getId(), home.registeredRating(), home.getOfstedRatingDate(),
                new HandRatedDisplay(UkFormat.label(home.registeredRating()),
                        home.getOfstedRatingDate() == null ? "" : UkFormat.date(home.getOfstedRatingDate())));
    }

    /** The homes whose vacancies the signed-in person keeps (their provider's, or their council's own), with each figure's date. */
    @GetMapping("/vacancies")
    List<KeptHome> homesIKeep() {
        LocalDate today = UkTime.today(clock);
        return vacancies.keptByCurrentUser().stream().map(home -> keptHome(home, today)).toList();
    }

    /** A home's vacancies now, given by its provider's own staff (or the council, for its own homes). */
    @PutMapping("/{id}/services/{serviceId}/vacancies")
    KeptHome updateVacancies(@PathVariable Long id, @PathVariable Long serviceId, @RequestBody(required = false) Vacancies.Update body) {
        return keptHome(vacancies.update(id, serviceId, body), UkTime.today(clock));
    }

    private static KeptHome keptHome(CareService home, LocalDate today) {
        return new KeptHome(home.getProvider().getId(), home.getProvider().getName(), home.getId(), home.getName(), home.getPlacementType(),
                home.getPlaces(), Vacancies.view(home, today), new KeptHomeDisplay(UkFormat.label(home.getPlacementType()),
                UkFormat.date(home.vacanciesAsOf()), Vacancies.staleWords(home, today)));
    }

    @PostMapping("/{id}/services")
    @ResponseStatus(HttpStatus.CREATED)
    Created addService(@PathVariable Long id, @RequestBody ProviderService.NewService body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS, Roles.PLACEMENTS_TEAM);
        ownCouncilsProvisionOnly(id);
        return new Created(service.addService(id, body).getId());
    }

    /** Where the provider takes referrals when none of its staff signs in; blank removes it. */
    @PutMapping("/{id}/referral-email")
    ReferralEmailSet referralEmail(@PathVariable Long id, @RequestBody ProviderService.ReferralEmail body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS);
        ownCouncilsProvisionOnly(id);
        Provider p = service.setReferralEmail(id, body);
        return new ReferralEmailSet(p.getId(), p.getReferralEmail(), reachability.way(p) != ProviderReachability.Way.NONE);
    }

    /**
     * The independent providers no referral can reach (no member of staff signs in, no referral e-mail address that can be
     * used), with why: the register's keepers, who add a login or an address, see them; contracts officers too, as they
     * add providers' users.
     */
    @GetMapping("/unreachable")
    List<UnreachableProvider> unreachable() {
        currentUser.requireAnyGroup(Roles.COMMISSIONING_MANAGERS, Roles.CONTRACTS_OFFICERS);
        return reachability.unreachable().stream().map(u -> {
            Provider p = u.provider();
            return new UnreachableProvider(p.getId(), p.getName(), p.getAccreditationStatus(), p.getReferralEmail(), u.why(),
                    new UnreachableProviderDisplay(accreditationWords(p)));
        }).toList();
    }

    @PostMapping("/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    ProviderUser addUser(@PathVariable Long id, @RequestBody ProviderService.NewProviderUser body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS);
        ownCouncilsProvisionOnly(id);
        service.addUser(id, body);
        return new ProviderUser(body.userId(), List.of(Roles.PROVIDERS, Provider.groupOf(id)));
    }

    /** The provider's accreditation as people read it, with the day it ends when it has one. */
    private static String accreditationWords(Provider p) {
        return UkFormat.label(p.getAccreditationStatus())
                + (p.getAccreditationExpiry() == null ? "" : " until " + UkFormat.date(p.getAccreditationExpiry()));
    }

    /**
     * A council's own carers and homes are that council's alone: another council's staff are answered as if
     * the provider did not exist. Independent providers are the consortium's register, which every council keeps.
     */
    private void ownCouncilsProvisionOnly(Long providerId) {
        Provider provider = service.get(providerId);
        if (provider.isInHouse() && !currentUser.canSeeCouncil(provider.getCouncil())) {
            throw new NotFoundException("Provider", providerId);
        }
    }

    /**
     * The shared register: accredited independent services matching the child ("tick the boxes and the options come
     * down"), near the child's home postcode (its district's centre) or, for a client that has them, coordinates.
     */
    @GetMapping("/search")
    List<RegisterMatch> search(@RequestParam String placementType, @RequestParam Integer age,
                                     @RequestParam(required = false) List<String> needs, @RequestParam(required = false) String postcode,
                                     @RequestParam(required = false) Double latitude, @RequestParam(required = false) Double longitude,
                                     @RequestParam(required = false) Double maxMiles) {
        currentUser.requireAnyGroup(Roles.STAFF.toArray(String[]::new));
        FieldErrors errors = new FieldErrors();
        if (postcode != null && !postcode.isBlank()) {
            if (Postcodes.district(postcode).isEmpty()) {
                errors.reject("postcode", Postcodes.MALFORMED);
            }
            Postcodes.Centroid at = postcodes.locate(errors, "postcode", postcode).orElse(null);
            latitude = at == null ? null : at.latitude();
            longitude = at == null ? null : at.longitude();
        } else if (latitude == null && longitude == null) {
            errors.reject("postcode", "is required: the child's home postcode, or its district");
        }
        PlacementType type = FieldErrors.parseEnum(PlacementType.class, placementType, "placementType", errors);
        var needCodes = ProviderService.parseNeeds(needs, "needs", errors);
        if (age == null || age < 0 || age > 25) {
            errors.reject("age", "must be between 0 and 25");
        }
        if (maxMiles != null && !(maxMiles > 0 && maxMiles <= Geo.MAX_DISTANCE_MILES)) {   // NaN and infinity fail too
            errors.reject("maxMiles", "must be more than 0 and at most " + Geo.MAX_DISTANCE_MILES);
        }
        if (errors.asMap().containsKey("postcode")) {
            errors.throwIfAny();
        }
        ChildService.validateLocation(errors, latitude, longitude);
        errors.throwIfAny();
        List<ServiceMatcher.Match> matches = matcher.independent(new ServiceMatcher.Criteria(type, age, 1, needCodes, Set.of(), latitude,
                longitude, maxMiles));
        // the providers' ratings and exit interviews in two queries, not two per home (a national search finds hundreds)
        Set<Long> providerIds = matches.stream().map(m -> m.service().getProvider().getId()).collect(Collectors.toSet());
        Map<Long, String> ratings = monitoringRatings.latestRatings(providerIds);
        Map<Long, Long> interviews = monitoringRatings.exitInterviewCounts(providerIds);
        LocalDate today = UkTime.today(clock);
        return matches.stream().map(m -> {
                    CareService s = m.service();
                    Long providerId = s.getProvider().getId();
                    // the same facts as people read them, written in the one place the product formats
                    RegisterMatchDisplay display = new RegisterMatchDisplay(accreditationWords(s.getProvider()),
                            UkFormat.label(s.registeredRating()), MonitoringRating.describe(ratings.get(providerId)),
                            UkFormat.miles(m.distanceMiles()), UkFormat.money(s.getWeeklyFee()), Vacancies.asOf(s),
                            Vacancies.staleWords(s, today),
                            s.getSpecialisms().stream().map(UkFormat::label).sorted().collect(Collectors.joining(", ")));
                    return new RegisterMatch(s.getId(), s.getName(), providerId, s.getProvider().getName(), s.getPlacementType(),
                            s.getProvider().getAccreditationStatus(), s.getProvider().getAccreditationExpiry(), s.registeredRating(),
                            s.registeredUrn(), m.distanceMiles(), Vacancies.view(s, today), s.getWeeklyFee(), s.getLocalAuthority(),
                            s.getPostcode(), s.getSpecialisms().stream().map(NeedCode::name).sorted().toList(), ratings.get(providerId),
                            interviews.getOrDefault(providerId, 0L), display);
                }).toList();
    }
}
