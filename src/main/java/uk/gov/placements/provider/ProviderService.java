package uk.gov.placements.provider;

import uk.gov.placements.common.UkTime;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;
import uk.gov.placements.security.TenantAccess;

@Service
public class ProviderService {

    static final String EMAIL_FORMAT = "must be an e-mail address";

    public static final String URN_FORMAT = "must be an Ofsted URN such as SC123456";
    private final ProviderRepository providers;
    private final CareServiceRepository services;
    private final IdentityService identityService;
    private final SystemActions system;
    private final TenantAccess tenantAccess;
    private final LocalAuthorityRepository localAuthorities;
    private final CouncilNeighbourRepository neighbours;
    private final ApplicationEventPublisher events;
    private final Decisions decisions;
    private final Clock clock;

    public ProviderService(ProviderRepository providers, CareServiceRepository services, IdentityService identityService,
                           SystemActions system, TenantAccess tenantAccess, LocalAuthorityRepository localAuthorities,
                           Decisions decisions, CouncilNeighbourRepository neighbours,
                           ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.decisions = decisions;
        this.neighbours = neighbours;
        this.localAuthorities = localAuthorities;
        this.providers = providers;
        this.services = services;
        this.identityService = identityService;
        this.system = system;
        this.tenantAccess = tenantAccess;
        this.clock = clock;
    }

    /** A home by id, for the modules that act on one (they read the register here, never through its repository). */
    @Transactional(readOnly = true)
    public CareService home(Long serviceId) {
        return NotFoundException.findOrThrow(services, "Service", serviceId);
    }

    /** Whether two local authorities are neighbours (V23): a placement in a neighbour is out of area but not at a distance. */
    public boolean neighbours(String council, String other) {
        return neighbours.existsByCouncilAndNeighbour(council, other);
    }

    /** A placement recorded at the home takes its places from the vacancies, as of now. */
    public void takePlaces(Long serviceId, int places) {
        services.takePlacesAt(serviceId, places, clock.instant());
    }

    /** A placement ended gives its place back, never more than the home's places, as of now. */
    public void releasePlace(Long serviceId) {
        services.releasePlaceAt(serviceId, clock.instant());
    }

    /**
     * Suspends a provider from the register, or lifts its suspension; a suspension is told to the modules that act on
     * it ({@link ProviderSuspended}). The provider's row is locked first, so two decisions about it are taken one at a time.
     */
    @Transactional
    public Provider suspend(Long providerId, boolean suspended, String notice) {
        providers.lockById(providerId);
        Provider p = get(providerId);
        p.suspend(suspended, notice);
        if (suspended) {
            events.publishEvent(new ProviderSuspended(p.getId(), p.getName(), notice, UkTime.today(clock)));
        }
        return p;
    }

    /** Holds the provider's row until the transaction ends: what is decided about it next is decided one at a time. */
    public void lock(Long providerId) {
        providers.lockById(providerId);
    }

    /** {@code referralEmail}: where the provider takes referrals when none of its staff signs in (optional). */
    public record NewProvider(String name, String kind, String sector, String council, String ofstedUrn, String ofstedRating,
                              String referralEmail) {
        public NewProvider(String name, String kind, String sector, String council, String ofstedUrn, String ofstedRating) {
            this(name, kind, sector, council, ofstedUrn, ofstedRating, null);
        }
    }

    public record ReferralEmail(String referralEmail) {
    }

    static boolean isEmail(String address) {
        return address.matches("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");
    }

    /** An e-mail address, as far as a form can tell one (the same test as a provider user's address); blank is none. */
    static String referralEmail(String address, FieldErrors errors) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = address.trim();
        if (a.length() > 254 || !isEmail(a)) {
            errors.reject("referralEmail", EMAIL_FORMAT);
            return null;
        }
        return a;
    }

    public record NewService(String name, String placementType, Integer minAge, Integer maxAge, Integer places,
                             Integer vacancies, String localAuthority, String postcode, Double latitude, Double longitude,
                             List<String> specialisms, BigDecimal weeklyFee, String ofstedUrn) {
    }

    public record NewProviderUser(String userId, String firstName, String lastName, String email, String password) {
    }

    /** Saves the provider and creates its Camunda group {@code provider-<id>}, in one transaction. */
    @Transactional
    public Provider create(NewProvider p) {
        FieldErrors errors = new FieldErrors();
        ChildService.requireText(errors, "name", p.name(), 200);
        ProviderKind kind = FieldErrors.parseEnum(ProviderKind.class, p.kind(), "kind", errors);
        OfstedRating rating = p.ofstedRating() == null ? OfstedRating.NOT_YET_INSPECTED
                : FieldErrors.parseEnum(OfstedRating.class, p.ofstedRating(), "ofstedRating", errors);
        Provider.Sector sector = p.sector() == null ? null : FieldErrors.parseEnum(Provider.Sector.class, p.sector(), "sector", errors);
        if (kind == ProviderKind.IN_HOUSE && (p.council() == null || p.council().isBlank())) {
            errors.reject("council", "is required for an in-house provider");
        }
        if (kind == ProviderKind.INDEPENDENT && p.council() != null && !p.council().isBlank()) {
            errors.reject("council", "must be empty for an independent provider (the register is shared)");
        }
        if (p.ofstedUrn() != null && !isUrn(p.ofstedUrn())) {
            errors.reject("ofstedUrn", URN_FORMAT);
        }
        String referralEmail = referralEmail(p.referralEmail(), errors);
        if (kind == ProviderKind.IN_HOUSE && referralEmail != null) {
            errors.reject("referralEmail", "is for independent providers: the council's own provision is searched by its placements team");
        }
        errors.throwIfAny();
        if (sector == null) {
            sector = kind == ProviderKind.IN_HOUSE ? Provider.Sector.PUBLIC : Provider.Sector.PRIVATE;
        }
        Provider saved = providers.save(new Provider(p.name().trim(), kind, sector,
                kind == ProviderKind.IN_HOUSE ? p.council() : null, p.ofstedUrn(), rating, clock.instant()));
        saved.referralEmail(referralEmail);
        system.run(() -> {
            Group group = identityService.newGroup(saved.candidateGroup());
            group.setName(saved.getName());
            group.setType("PROVIDER");
            identityService.saveGroup(group);
            tenantAccess.grantProviderGroup(saved.candidateGroup());
        });
        return saved;
    }

    /** Sets (or, blank, removes) the provider's referral e-mail address; a recorded decision of the register's keepers. */
    @Transactional
    public Provider setReferralEmail(Long providerId, ReferralEmail body) {
        Provider provider = get(providerId);
        FieldErrors errors = new FieldErrors();
        String address = referralEmail(body == null ? null : body.referralEmail(), errors);
        if (provider.isInHouse()) {
            errors.reject("referralEmail", "is for independent providers: the council's own provision is searched by its placements team");
        }
        errors.throwIfAny();
        if (!Objects.equals(address, provider.getReferralEmail())) {
            provider.referralEmail(address);
            decisions.record(null, null, "REFERRAL_EMAIL", (address == null ? "REMOVED" : "SET") + " provider " + providerId,
                    address == null ? "No referral e-mail address" : "Referrals by e-mail to " + address, null);
        }
        return provider;
    }

    @Transactional
    public CareService addService(Long providerId, NewService s) {
        Provider provider = get(providerId);
        FieldErrors errors = new FieldErrors();
        ChildService.requireText(errors, "name", s.name(), 200);
        PlacementType type = FieldErrors.parseEnum(PlacementType.class, s.placementType(), "placementType", errors);
        errors.requireBetween("minAge", s.minAge(), 0, 25);
        errors.requireBetween("maxAge", s.maxAge(), 0, 25);
        if (s.minAge() != null && s.maxAge() != null && s.minAge() > s.maxAge()) {
            errors.reject("maxAge", "must not be below minAge");
        }
        errors.requireBetween("places", s.places(), 1, 500);
        errors.requireBetween("vacancies", s.vacancies(), 0, 500);
        if (s.places() != null && s.vacancies() != null && s.vacancies() > s.places()) {
            errors.reject("vacancies", "must not exceed places");
        }
        ChildService.requireText(errors, "localAuthority", s.localAuthority(), 60);
        if (s.localAuthority() != null && !s.localAuthority().isBlank() && !localAuthorities.existsById(s.localAuthority().trim())) {
            errors.reject("localAuthority", "must be the code of a local authority, such as E08000035 for Leeds (GET /api/local-authorities)");
        }
        ChildService.validatePostcode(errors, "postcode", s.postcode());
        ChildService.validateLocation(errors, s.latitude(), s.longitude());
        String urn = s.ofstedUrn() == null || s.ofstedUrn().isBlank() ? null : s.ofstedUrn().trim().toUpperCase(Locale.UK);
        if (urn != null && !isUrn(urn)) {
            errors.reject("ofstedUrn", URN_FORMAT);
        } else if (urn != null && services.findByOfstedUrn(urn).isPresent()) {
            errors.reject("ofstedUrn", "is already the URN of another home in the register");
        }
        Set<NeedCode> specialisms = parseNeeds(s.specialisms(), "specialisms", errors);
        if (s.weeklyFee() == null) {
            errors.reject("weeklyFee", "is required");
        } else if (s.weeklyFee().signum() < 0) {
            errors.reject("weeklyFee", "must not be negative");
        } else if (s.weeklyFee().compareTo(new BigDecimal("100000")) > 0) {
            errors.reject("weeklyFee", "must be at most 100000");
        }
        errors.throwIfAny();
        return services.save(new CareService(provider, s.name().trim(), type, s.minAge(), s.maxAge(), s.places(), s.vacancies(),
                s.localAuthority().trim(), ChildService.normalisePostcode(s.postcode()), s.latitude(), s.longitude(),
                s.weeklyFee(), specialisms).registeredWithOfsted(urn)
                // the person adding the home gives its vacancies now
                .vacancies(s.vacancies(), clock.instant()));
    }

    public static boolean isUrn(String urn) {
        return urn != null && urn.matches("^(SC|EY|CF)?[0-9]{6,7}$");
    }

    /** A login for a provider's member of staff: in {@code providers} and {@code provider-<id>} only. */
    @Transactional
    public void addUser(Long providerId, NewProviderUser u) {
        Provider provider = get(providerId);
        FieldErrors errors = new FieldErrors();
        if (provider.isInHouse()) {
            // the council's own carers and homes are worked by its staff, who sign in as council users (Admin webapp)
            throw InvalidInputException.of("providerId", "is the council's own provision: its staff are council users, added in Admin");
        }
        if (u.userId() == null || !u.userId().matches("^[a-z0-9][a-z0-9._-]{2,63}$")) {
            errors.reject("userId", "must be 3 to 64 lower-case letters, digits, dots, dashes or underscores");
        }
        ChildService.requireText(errors, "firstName", u.firstName(), 100);
        ChildService.requireText(errors, "lastName", u.lastName(), 100);
        if (u.email() == null || !isEmail(u.email())) {
            errors.reject("email", EMAIL_FORMAT);
        }
        if (u.password() == null || u.password().length() < 12 || u.password().length() > 200) {
            errors.reject("password", "must be 12 to 200 characters");
        }
        if (errors.isEmpty() && system.run(() -> identityService.createUserQuery().userId(u.userId()).count() > 0)) {
            errors.reject("userId", "is already taken");
        }
        errors.throwIfAny();
        system.run(() -> {
            User user = identityService.newUser(u.userId());
            user.setFirstName(u.firstName());
            user.setLastName(u.lastName());
            user.setEmail(u.email());
            user.setPassword(u.password());
            identityService.saveUser(user);
            identityService.createMembership(u.userId(), Roles.PROVIDERS);
            identityService.createMembership(u.userId(), provider.candidateGroup());
        });
    }

    public Provider get(Long id) {
        return NotFoundException.findOrThrow(providers, "Provider", id);
    }

    public static Set<NeedCode> parseNeeds(List<String> codes, String field, FieldErrors errors) {
        Set<NeedCode> needs = EnumSet.noneOf(NeedCode.class);
        if (codes == null) {
            return needs;
        }
        for (int i = 0; i < codes.size(); i++) {
            NeedCode code = FieldErrors.parseEnum(NeedCode.class, codes.get(i), field + "[" + i + "]", errors);
            if (code != null) {
                needs.add(code);
            }
        }
        return needs;
    }

    /** A home by id, or none: for the records that show a home only when the register still holds it. */
    @Transactional(readOnly = true)
    public Optional<CareService> findHome(Long serviceId) {
        return services.findById(serviceId);
    }

    /** The provider's homes in the register. */
    @Transactional(readOnly = true)
    public List<CareService> homesOf(Long providerId) {
        return services.findByProviderId(providerId);
    }

    /** The home the register holds under this Ofsted URN, if any. */
    @Transactional(readOnly = true)
    public Optional<CareService> homeWithUrn(String ofstedUrn) {
        return services.findByOfstedUrn(ofstedUrn);
    }

    /** A local authority by its code, or none. */
    @Transactional(readOnly = true)
    public Optional<LocalAuthority> findLocalAuthority(String code) {
        return localAuthorities.findById(code);
    }

    /** Every provider in the register. */
    @Transactional(readOnly = true)
    public List<Provider> allProviders() {
        return providers.findAll();
    }

    /** Every home in the register. */
    @Transactional(readOnly = true)
    public List<CareService> allHomes() {
        return services.findAll();
    }

    /** Whether the register holds no provider yet: the demo profile seeds it only then. */
    @Transactional(readOnly = true)
    public boolean registerEmpty() {
        return providers.count() == 0;
    }

    /** The demo profile's seeding: a local authority of the demo, and which of them are neighbours. */
    @Transactional
    public void seedLocalAuthority(String code, String name) {
        localAuthorities.save(new LocalAuthority(code, name));
    }

    @Transactional
    public void seedNeighbour(String council, String neighbour) {
        neighbours.save(new CouncilNeighbour(council, neighbour));
    }

    /**
     * The demo profile's seeding: a provider saved as given, accredited until the date given (none: not accredited)
     * and taking referrals by e-mail at the address given (none: through its staff); no decision is recorded.
     */
    @Transactional
    public Provider seedProvider(Provider provider, LocalDate accreditedUntil, String referralEmail) {
        if (accreditedUntil != null) {
            provider.accredit(AccreditationStatus.ACCREDITED, accreditedUntil);
        }
        if (referralEmail != null) {
            provider.referralEmail(referralEmail);
        }
        return providers.save(provider);
    }

    /** The demo profile's seeding: a home, its vacancies given by its provider at the moment given. */
    @Transactional
    public CareService seedHome(CareService home, int vacancies, Instant confirmedAt) {
        return services.save(home.vacancies(vacancies, confirmedAt));
    }

    /** The register's accreditation of the provider, as the accreditation decided it (or as it lapsed). */
    @Transactional
    public void accredit(Long providerId, AccreditationStatus status, LocalDate expiry) {
        get(providerId).accredit(status, expiry);
    }
}
