package uk.gov.placements.provider;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import uk.gov.placements.accreditation.AccreditationService;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.Geo;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Postcodes;
import uk.gov.placements.iro.MonitoringRatings;
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
    private final AccreditationService accreditations;
    private final OfstedRegisterImport ofstedImport;
    private final OfstedRatings ofstedRatings;
    private final SystemActions system;
    private final Postcodes postcodes;
    private final Vacancies vacancies;
    private final ProviderReachability reachability;

    ProviderController(ProviderService service, ServiceMatcher matcher, CurrentUser currentUser,
                       MonitoringRatings monitoringRatings,
                       AccreditationService accreditations, OfstedRegisterImport ofstedImport,
                       SystemActions system, Postcodes postcodes, OfstedRatings ofstedRatings,
                       Vacancies vacancies, ProviderReachability reachability) {
        this.vacancies = vacancies;
        this.reachability = reachability;
        this.ofstedRatings = ofstedRatings;
        this.postcodes = postcodes;
        this.system = system;
        this.accreditations = accreditations;
        this.ofstedImport = ofstedImport;
        this.monitoringRatings = monitoringRatings;
        this.service = service;
        this.matcher = matcher;
        this.currentUser = currentUser;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody ProviderService.NewProvider body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS, Roles.PLACEMENTS_TEAM);
        if ("IN_HOUSE".equals(body.kind()) && body.council() != null && !currentUser.canSeeCouncil(body.council())) {
            throw InvalidInputException.of("council", "is not a council you work for");
        }
        return Map.of("id", service.create(body).getId());
    }

    /** Starts accreditation with Form A (contracts officers and commissioning managers). */
    @PostMapping("/{id}/accreditations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> accredit(@PathVariable Long id) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS);
        service.get(id);
        // the role is checked above; the register's processes belong to the consortium, so the application starts them
        return Map.of("processInstanceId", system.run(() -> accreditations.start(id)).getId());
    }

    /**
     * Ofsted's published providers and places list as CSV, matched on URN line by line: counts of homes created, updated,
     * downgraded and unchanged, and each rejected line with its number and field.
     */
    @PostMapping(value = "/ofsted-import", consumes = {"text/csv", "text/plain"})
    Map<String, Object> importOfsted(@RequestBody String csv) {
        // the spec's contract: the register is the commissioning managers' to keep
        currentUser.requireAnyGroup(Roles.COMMISSIONING_MANAGERS);
        return ofstedImport.importCsv(csv).asMap();
    }

    /** A worse judgement Ofsted has published, entered by hand before the next list: the home gets no new referrals from now. */
    @PutMapping("/{id}/services/{serviceId}/ofsted-rating")
    Map<String, Object> rateHome(@PathVariable Long id, @PathVariable Long serviceId, @RequestBody OfstedRatings.HandRating body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS);
        ownCouncilsProvisionOnly(id);
        CareService home = ofstedRatings.rateByHand(id, serviceId, body);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serviceId", home.getId());
        m.put("ofstedRating", home.registeredRating());
        m.put("ofstedRatingDate", home.getOfstedRatingDate());
        m.put("display", Map.of("ofstedRating", UkFormat.label(home.registeredRating()),
                "ofstedRatingDate", home.getOfstedRatingDate() == null ? "" : UkFormat.date(home.getOfstedRatingDate())));
        return m;
    }

    /** The homes whose vacancies the signed-in person keeps (their provider's, or their council's own), with each figure's date. */
    @GetMapping("/vacancies")
    List<Map<String, Object>> homesIKeep() {
        LocalDate today = UkTime.today();
        return vacancies.keptByCurrentUser().stream().map(home -> keptHome(home, today)).toList();
    }

    /** A home's vacancies now, given by its provider's own staff (or the council, for its own homes). */
    @PutMapping("/{id}/services/{serviceId}/vacancies")
    Map<String, Object> updateVacancies(@PathVariable Long id, @PathVariable Long serviceId, @RequestBody(required = false) Vacancies.Update body) {
        return keptHome(vacancies.update(id, serviceId, body), UkTime.today());
    }

    private static Map<String, Object> keptHome(CareService home, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("providerId", home.getProvider().getId());
        m.put("providerName", home.getProvider().getName());
        m.put("serviceId", home.getId());
        m.put("name", home.getName());
        m.put("placementType", home.getPlacementType());
        m.put("places", home.getPlaces());
        m.putAll(Vacancies.view(home, today));
        m.put("display", Map.of("placementType", UkFormat.label(home.getPlacementType()),
                "vacanciesAsOf", UkFormat.date(home.vacanciesAsOf()),
                "vacanciesStale", Vacancies.staleWords(home, today)));
        return m;
    }

    @PostMapping("/{id}/services")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addService(@PathVariable Long id, @RequestBody ProviderService.NewService body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS, Roles.PLACEMENTS_TEAM);
        ownCouncilsProvisionOnly(id);
        return Map.of("id", service.addService(id, body).getId());
    }

    /** Where the provider takes referrals when none of its staff signs in; blank removes it. */
    @PutMapping("/{id}/referral-email")
    Map<String, Object> referralEmail(@PathVariable Long id, @RequestBody ProviderService.ReferralEmail body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS);
        ownCouncilsProvisionOnly(id);
        Provider p = service.setReferralEmail(id, body);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.getId());
        m.put("referralEmail", p.getReferralEmail());
        m.put("reachable", reachability.way(p) != ProviderReachability.Way.NONE);
        return m;
    }

    /**
     * The independent providers no referral can reach (no member of staff signs in, no referral e-mail address that can be
     * used), with why: the register's keepers, who add a login or an address, see them; contracts officers too, as they
     * add providers' users.
     */
    @GetMapping("/unreachable")
    List<Map<String, Object>> unreachable() {
        currentUser.requireAnyGroup(Roles.COMMISSIONING_MANAGERS, Roles.CONTRACTS_OFFICERS);
        return reachability.unreachable().stream().map(u -> {
            Provider p = u.provider();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("providerId", p.getId());
            v.put("name", p.getName());
            v.put("accreditationStatus", p.getAccreditationStatus());
            v.put("referralEmail", p.getReferralEmail());
            v.put("why", u.why());
            v.put("display", Map.of("accreditation", UkFormat.label(p.getAccreditationStatus())
                    + (p.getAccreditationExpiry() == null ? "" : " until " + UkFormat.date(p.getAccreditationExpiry()))));
            return v;
        }).toList();
    }

    @PostMapping("/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addUser(@PathVariable Long id, @RequestBody ProviderService.NewProviderUser body) {
        currentUser.requireAnyGroup(Roles.CONTRACTS_OFFICERS, Roles.COMMISSIONING_MANAGERS);
        ownCouncilsProvisionOnly(id);
        service.addUser(id, body);
        return Map.of("userId", body.userId(), "groups", List.of(Roles.PROVIDERS, Provider.groupOf(id)));
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
    List<Map<String, Object>> search(@RequestParam String placementType, @RequestParam Integer age,
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
        LocalDate today = UkTime.today();
        return matches.stream().map(m -> {
                    CareService s = m.service();
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("serviceId", s.getId());
                    v.put("name", s.getName());
                    v.put("providerId", s.getProvider().getId());
                    v.put("providerName", s.getProvider().getName());
                    v.put("placementType", s.getPlacementType());
                    v.put("accreditationStatus", s.getProvider().getAccreditationStatus());
                    v.put("accreditationExpiry", s.getProvider().getAccreditationExpiry());
                    v.put("ofstedRating", s.registeredRating());
                    v.put("ofstedUrn", s.registeredUrn());
                    v.put("distanceMiles", m.distanceMiles());
                    v.putAll(Vacancies.view(s, today));
                    v.put("weeklyFee", s.getWeeklyFee());
                    v.put("localAuthority", s.getLocalAuthority());
                    v.put("postcode", s.getPostcode());
                    v.put("specialisms", s.getSpecialisms().stream().map(NeedCode::name).sorted().toList());
                    v.put("latestMonitoringRating", ratings.get(s.getProvider().getId()));
                    v.put("exitInterviews", interviews.getOrDefault(s.getProvider().getId(), 0L));
                    // the same facts as people read them, written in the one place the product formats
                    Map<String, String> display = new LinkedHashMap<>();
                    display.put("accreditation", UkFormat.label(s.getProvider().getAccreditationStatus())
                            + (s.getProvider().getAccreditationExpiry() == null ? "" : " until " + UkFormat.date(s.getProvider().getAccreditationExpiry())));
                    display.put("ofstedRating", UkFormat.label(s.registeredRating()));
                    display.put("monitoringRating", UkFormat.monitoringRating(ratings.get(s.getProvider().getId())));
                    display.put("distance", UkFormat.miles(m.distanceMiles()));
                    display.put("weeklyFee", UkFormat.money(s.getWeeklyFee()));
                    display.put("vacancies", Vacancies.asOf(s));
                    display.put("vacanciesStale", Vacancies.staleWords(s, today));
                    display.put("specialisms", s.getSpecialisms().stream().map(UkFormat::label).sorted().collect(Collectors.joining(", ")));
                    v.put("display", display);
                    return v;
                }).toList();
    }
}
