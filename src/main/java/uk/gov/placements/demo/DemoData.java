package uk.gov.placements.demo;

import uk.gov.placements.common.UkTime;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderKind;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.TenantAccess;

/**
 * The demo profile's councils, users (password "demo") and a register of in-house and
 * independent services around the two demo councils, so a referral can be walked through the
 * Tasklist at once. Idempotent: runs at every start and adds only what is missing.
 */
@Component
@Profile("demo")
public class DemoData {
    public static final String NORTHSHIRE = "northshire";
    public static final String EASTMOOR = "eastmoor";
    public static final String PASSWORD = "demo";

    /** user id → (council, group); admin comes from camunda.bpm.admin-user. */
    static final Map<String, String[]> USERS = Map.ofEntries(
            Map.entry("sw1", new String[] {NORTHSHIRE, Roles.SOCIAL_WORKERS}),
            Map.entry("pt1", new String[] {NORTHSHIRE, Roles.PLACEMENTS_TEAM}),
            Map.entry("tm1", new String[] {NORTHSHIRE, Roles.TEAM_MANAGERS}),
            Map.entry("hos1", new String[] {NORTHSHIRE, Roles.HEADS_OF_SERVICE}),
            Map.entry("ad1", new String[] {NORTHSHIRE, Roles.ASSISTANT_DIRECTORS}),
            Map.entry("dcs1", new String[] {NORTHSHIRE, Roles.DIRECTORS}),
            Map.entry("iro1", new String[] {NORTHSHIRE, Roles.IROS}),
            Map.entry("co1", new String[] {NORTHSHIRE, Roles.CONTRACTS_OFFICERS}),
            Map.entry("cm1", new String[] {NORTHSHIRE, Roles.COMMISSIONING_MANAGERS}),
            Map.entry("sw2", new String[] {EASTMOOR, Roles.SOCIAL_WORKERS}),
            Map.entry("pt2", new String[] {EASTMOOR, Roles.PLACEMENTS_TEAM}),
            Map.entry("tm2", new String[] {EASTMOOR, Roles.TEAM_MANAGERS}),
            Map.entry("cm2", new String[] {EASTMOOR, Roles.COMMISSIONING_MANAGERS}));

    /** The demo's home whose provider has not confirmed its vacancies for three weeks: the walk shows it flagged stale. */
    static final String STALE_HOME = "Brightwater Cottage";

    private final IdentityService identityService;
    private final ProviderService providers;
    private final TenantAccess tenantAccess;
    private final TransactionTemplate tx;
    private final DemoHistory history;
    private final ChildService childService;
    private final Clock clock;

    public DemoData(IdentityService identityService, ProviderService providers, TenantAccess tenantAccess,
                    TransactionTemplate tx, DemoHistory history, ChildService childService, Clock clock) {
        this.childService = childService;
        this.history = history;
        this.identityService = identityService;
        this.providers = providers;
        this.tenantAccess = tenantAccess;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Order(2)
    public void onDeployed() {
        ensureTenant(NORTHSHIRE, "Northshire County Council");
        ensureTenant(EASTMOOR, "Eastmoor Borough Council");
        USERS.forEach((id, councilAndGroup) -> ensureUser(id, councilAndGroup[0], councilAndGroup[1]));
        tx.executeWithoutResult(s -> {
            if (providers.registerEmpty()) {
                createRegister();
            }
        });
        // provider groups belong to every council's tenant (see TenantAccess)
        providers.allProviders().stream().filter(p -> !p.isInHouse())
                .forEach(p -> tenantAccess.grantProviderGroup(p.candidateGroup()));
        ensureProviderUser("prov1", "Brightwater Care", "Pat", "Provider");
        // every other independent provider has a member of staff too (a provider nobody signs in for is sent no referrals),
        // but Stepping Stones Housing, which takes referrals by e-mail only (see createRegister)
        String[] others = {"Oakfield Homes", "Hearth Foster Care", "Northstar Fostering", "Ridgeway School", "Harbour Secure Services",
                "Family First Units", "Greyfield Care", "New Leaf Homes"};
        for (int i = 0; i < others.length; i++) {
            ensureProviderUser("prov" + (i + 2), others[i], "Staff", others[i]);
        }
        ensureConsortiumUser("cc1");
        tx.executeWithoutResult(s -> history.createIfEmpty());
        // every Northshire child has sw1 as allocated social worker and iro1 as IRO (a data folder of an earlier
        // release is brought up to date too)
        tx.executeWithoutResult(s -> childService.ofCouncil(NORTHSHIRE).stream()
                .filter(c -> c.getAllocatedSocialWorker() == null)
                .forEach(c -> childService.allocate(c.getId(), "sw1", "iro1")));
    }

    private void ensureTenant(String id, String name) {
        if (identityService.createTenantQuery().tenantId(id).count() == 0) {
            Tenant t = identityService.newTenant(id);
            t.setName(name);
            identityService.saveTenant(t);
        }
    }

    private void ensureUser(String id, String council, String group) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User u = identityService.newUser(id);
        u.setFirstName(id.toUpperCase());
        u.setLastName(group.replace('-', ' '));
        u.setEmail(id + "@" + council + ".example.gov.uk");
        u.setPassword(PASSWORD);
        identityService.saveUser(u);
        identityService.createMembership(id, group);
        identityService.createTenantUserMembership(council, id);
    }

    /** A consortium commissioner: the figures of every council, and no council's children. */
    private void ensureConsortiumUser(String id) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User u = identityService.newUser(id);
        u.setFirstName("CC1");
        u.setLastName("consortium commissioner");
        u.setEmail(id + "@consortium.example.gov.uk");
        u.setPassword(PASSWORD);
        identityService.saveUser(u);
        identityService.createMembership(id, Roles.CONSORTIUM_COMMISSIONERS);
    }

    private void ensureProviderUser(String id, String providerName, String first, String last) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        providers.allProviders().stream().filter(p -> p.getName().equals(providerName)).findFirst().ifPresent(p -> {
            User u = identityService.newUser(id);
            u.setFirstName(first);
            u.setLastName(last);
            u.setEmail(id + "@provider.example.org");
            u.setPassword(PASSWORD);
            identityService.saveUser(u);
            identityService.createMembership(id, Roles.PROVIDERS);
            identityService.createMembership(id, p.candidateGroup());
        });
    }

    private void createRegister() {
        // the demo's councils are not England's: they are local authorities of the demo only, with their neighbours
        for (String[] la : new String[][] {{NORTHSHIRE, "Northshire"}, {EASTMOOR, "Eastmoor"}, {"westdale", "Westdale"},
                {"southholm", "Southholm"}}) {
            providers.seedLocalAuthority(la[0], la[1]);
        }
        for (String[] pair : new String[][] {{NORTHSHIRE, EASTMOOR}, {EASTMOOR, NORTHSHIRE}, {NORTHSHIRE, "westdale"},
                {"westdale", NORTHSHIRE}, {EASTMOOR, "southholm"}, {"southholm", EASTMOOR}}) {
            providers.seedNeighbour(pair[0], pair[1]);
        }
        LocalDate expiry = UkTime.today(clock).plusMonths(11);
        // Northshire's own carers and homes (centre about 53.80, -1.55)
        Provider nsFostering = inHouse("Northshire Fostering Service", NORTHSHIRE, null);
        foster(nsFostering, "Carer household: the Okafors", NORTHSHIRE, "NS1 2AB", 53.801, -1.548, 2, 0, 17, 480, Set.of(NeedCode.EMOTIONAL_BEHAVIOURAL));
        foster(nsFostering, "Carer household: the Walshes", NORTHSHIRE, "NS2 4CD", 53.830, -1.580, 3, 0, 12, 450, Set.of(NeedCode.SIBLING_GROUP, NeedCode.LEARNING_DISABILITY));
        foster(nsFostering, "Carer household: the Hussains", NORTHSHIRE, "NS3 1EF", 53.770, -1.510, 1, 8, 17, 520, Set.of(NeedCode.UNACCOMPANIED_ASYLUM_SEEKING, NeedCode.GOING_MISSING));
        foster(nsFostering, "Carer household: the Browns", NORTHSHIRE, "NS4 7GH", 53.850, -1.620, 1, 0, 10, 430, Set.of(NeedCode.AUTISM, NeedCode.PHYSICAL_DISABILITY));
        foster(nsFostering, "Carer household: the Nowaks", NORTHSHIRE, "NS5 3JK", 53.760, -1.600, 2, 5, 15, 460, Set.of(NeedCode.EHCP_EDUCATION, NeedCode.AUTISM));
        foster(nsFostering, "Carer household: the Campbells", NORTHSHIRE, "NS6 8LM", 53.900, -1.700, 1, 11, 17, 500, Set.of(NeedCode.SELF_HARM, NeedCode.MENTAL_HEALTH));
        foster(nsFostering, "Parent and child carers: the Adeyemis", NORTHSHIRE, "NS7 2NP", 53.790, -1.450, 1, 0, 17, 650, Set.of(NeedCode.PARENT_AND_CHILD));
        Provider nsHomes = inHouse("Northshire Children's Homes", NORTHSHIRE, "SC400101");
        home(nsHomes, "Ashgrove House", PlacementType.CHILDRENS_HOME, NORTHSHIRE, "NS2 9QR", 53.815, -1.530, 4, 1, 11, 17, 3900,
                Set.of(NeedCode.EMOTIONAL_BEHAVIOURAL, NeedCode.GOING_MISSING, NeedCode.CRIMINAL_EXPLOITATION_RISK));
        home(nsHomes, "Beech Lodge", PlacementType.CHILDRENS_HOME, NORTHSHIRE, "NS8 5ST", 53.740, -1.650, 3, 1, 8, 16, 4100,
                Set.of(NeedCode.AUTISM, NeedCode.LEARNING_DISABILITY, NeedCode.EHCP_EDUCATION));
        home(nsHomes, "Northshire Supported Lodgings", PlacementType.SUPPORTED_ACCOMMODATION, NORTHSHIRE, "NS1 6UV", 53.805, -1.560, 6, 2, 16, 21, 900,
                Set.of(NeedCode.UNACCOMPANIED_ASYLUM_SEEKING, NeedCode.MENTAL_HEALTH));

        // Eastmoor's own provision (centre about 53.75, -0.95)
        Provider emFostering = inHouse("Eastmoor Fostering", EASTMOOR, null);
        foster(emFostering, "Carer household: the Patels", EASTMOOR, "EM1 2AA", 53.750, -0.950, 2, 0, 17, 470, Set.of(NeedCode.SIBLING_GROUP));
        foster(emFostering, "Carer household: the Greens", EASTMOOR, "EM2 4BB", 53.720, -0.900, 1, 5, 17, 455, Set.of(NeedCode.EMOTIONAL_BEHAVIOURAL, NeedCode.GOING_MISSING));
        Provider emHomes = inHouse("Eastmoor Residential", EASTMOOR, "SC400202");
        home(emHomes, "Moorview", PlacementType.CHILDRENS_HOME, EASTMOOR, "EM3 1CC", 53.760, -0.880, 4, 1, 12, 17, 4300,
                Set.of(NeedCode.EMOTIONAL_BEHAVIOURAL, NeedCode.SELF_HARM));

        // Independent providers in the shared register
        Provider brightwater = independent("Brightwater Care", Provider.Sector.PRIVATE, "SC512345", OfstedRating.GOOD, expiry);
        home(brightwater, "Brightwater House", PlacementType.CHILDRENS_HOME, NORTHSHIRE, "NS9 1WX", 53.780, -1.490, 4, 2, 10, 17, 5200,
                Set.of(NeedCode.EMOTIONAL_BEHAVIOURAL, NeedCode.SELF_HARM, NeedCode.MENTAL_HEALTH, NeedCode.GOING_MISSING));
        home(brightwater, "Brightwater Cottage", PlacementType.CHILDRENS_HOME, "westdale", "WD2 3YZ", 53.700, -1.900, 2, 1, 8, 15, 6100,
                Set.of(NeedCode.AUTISM, NeedCode.LEARNING_DISABILITY));
        Provider oakfield = independent("Oakfield Homes", Provider.Sector.PRIVATE, "SC523456", OfstedRating.OUTSTANDING, expiry);
        home(oakfield, "Oakfield Grange", PlacementType.CHILDRENS_HOME, EASTMOOR, "EM4 2DD", 53.740, -1.050, 5, 2, 12, 17, 5600,
                Set.of(NeedCode.SEXUAL_EXPLOITATION_RISK, NeedCode.CRIMINAL_EXPLOITATION_RISK, NeedCode.GOING_MISSING, NeedCode.EMOTIONAL_BEHAVIOURAL));
        home(oakfield, "Oakfield Lodge", PlacementType.CHILDRENS_HOME, "farshire", "FS1 1EE", 51.500, -0.120, 3, 2, 12, 17, 4800,
                Set.of(NeedCode.SEXUAL_EXPLOITATION_RISK, NeedCode.GOING_MISSING));
        Provider hearth = independent("Hearth Foster Care", Provider.Sector.VOLUNTARY, "SC534567", OfstedRating.GOOD, expiry);
        foster(hearth, "Hearth carers: the Lindqvists", NORTHSHIRE, "NS3 8FF", 53.820, -1.470, 2, 0, 17, 950, Set.of(NeedCode.EMOTIONAL_BEHAVIOURAL, NeedCode.SIBLING_GROUP));
        foster(hearth, "Hearth carers: the Mensahs", NORTHSHIRE, "NS5 9GG", 53.770, -1.630, 1, 5, 17, 990, Set.of(NeedCode.AUTISM, NeedCode.EHCP_EDUCATION));
        foster(hearth, "Hearth carers: the O'Neills", EASTMOOR, "EM5 3HH", 53.730, -0.990, 2, 0, 17, 920, Set.of(NeedCode.PARENT_AND_CHILD, NeedCode.SIBLING_GROUP));
        Provider northstar = independent("Northstar Fostering", Provider.Sector.PRIVATE, "SC545678", OfstedRating.REQUIRES_IMPROVEMENT, expiry);
        foster(northstar, "Northstar carers: the Kellys", NORTHSHIRE, "NS4 2JJ", 53.860, -1.520, 1, 8, 17, 870, Set.of(NeedCode.EMOTIONAL_BEHAVIOURAL, NeedCode.SELF_HARM));
        Provider ridgeway = independent("Ridgeway School", Provider.Sector.VOLUNTARY, "SC556789", OfstedRating.GOOD, expiry);
        home(ridgeway, "Ridgeway Residential School", PlacementType.RESIDENTIAL_SCHOOL, "westdale", "WD4 5KK", 53.680, -1.850, 20, 3, 8, 19, 7400,
                Set.of(NeedCode.AUTISM, NeedCode.LEARNING_DISABILITY, NeedCode.EHCP_EDUCATION, NeedCode.PHYSICAL_DISABILITY));
        Provider harbour = independent("Harbour Secure Services", Provider.Sector.PRIVATE, "SC567890", OfstedRating.GOOD, expiry);
        home(harbour, "Harbour Secure Children's Home", PlacementType.SECURE_CHILDRENS_HOME, "southholm", "SH1 2LL", 53.500, -1.100, 8, 1, 10, 17, 9800,
                Set.of(NeedCode.SELF_HARM, NeedCode.MENTAL_HEALTH, NeedCode.CRIMINAL_EXPLOITATION_RISK));
        // no one signs in for it: its referrals go by e-mail, answered through the placements team (with spring.mail.host
        // set; without a mail server it cannot be reached, and the register page lists it so)
        Provider stepping = independent("Stepping Stones Housing", Provider.Sector.VOLUNTARY, "SC578901", OfstedRating.NOT_YET_INSPECTED, expiry,
                "referrals@steppingstones.example.org");
        home(stepping, "Stepping Stones Flats", PlacementType.SUPPORTED_ACCOMMODATION, NORTHSHIRE, "NS2 7MM", 53.810, -1.570, 8, 3, 16, 21, 1100,
                Set.of(NeedCode.UNACCOMPANIED_ASYLUM_SEEKING, NeedCode.SUBSTANCE_MISUSE));
        Provider family = independent("Family First Units", Provider.Sector.PRIVATE, "SC589012", OfstedRating.GOOD, expiry);
        home(family, "Family First Parent and Child Unit", PlacementType.PARENT_AND_CHILD, EASTMOOR, "EM6 1NN", 53.770, -0.930, 4, 1, 0, 21, 3200,
                Set.of(NeedCode.PARENT_AND_CHILD));
        // in the register but not eligible for referrals: rated inadequate, and one not yet accredited
        Provider greyfield = independent("Greyfield Care", Provider.Sector.PRIVATE, "SC590123", OfstedRating.INADEQUATE, expiry);
        home(greyfield, "Greyfield House", PlacementType.CHILDRENS_HOME, NORTHSHIRE, "NS6 2PP", 53.790, -1.560, 4, 2, 10, 17, 3500,
                Set.of(NeedCode.EMOTIONAL_BEHAVIOURAL, NeedCode.GOING_MISSING));
        Provider newleaf = independent("New Leaf Homes", Provider.Sector.PRIVATE, "SC601234", OfstedRating.GOOD, null);
        home(newleaf, "New Leaf House", PlacementType.CHILDRENS_HOME, NORTHSHIRE, "NS7 4QQ", 53.830, -1.500, 3, 2, 10, 17, 4700,
                Set.of(NeedCode.EMOTIONAL_BEHAVIOURAL));
    }

    private Provider inHouse(String name, String council, String urn) {
        return providers.seedProvider(new Provider(name, ProviderKind.IN_HOUSE, Provider.Sector.PUBLIC, council, urn, urn == null
                ? OfstedRating.NOT_YET_INSPECTED : OfstedRating.GOOD, clock.instant()), null, null);
    }

    private Provider independent(String name, Provider.Sector sector, String urn, OfstedRating rating, LocalDate accreditedUntil) {
        return independent(name, sector, urn, rating, accreditedUntil, null);
    }

    private Provider independent(String name, Provider.Sector sector, String urn, OfstedRating rating, LocalDate accreditedUntil,
                                 String referralEmail) {
        Provider saved = providers.seedProvider(new Provider(name, ProviderKind.INDEPENDENT, sector, null, urn, rating, clock.instant()), accreditedUntil,
                referralEmail);
        if (identityService.createGroupQuery().groupId(saved.candidateGroup()).count() == 0) {
            var group = identityService.newGroup(saved.candidateGroup());
            group.setName(name);
            group.setType("PROVIDER");
            identityService.saveGroup(group);
        }
        return saved;
    }

    private void foster(Provider p, String name, String la, String postcode, double lat, double lon, int places, int minAge, int maxAge,
                        int fee, Set<NeedCode> specialisms) {
        providers.seedHome(new CareService(p, name, specialisms.contains(NeedCode.PARENT_AND_CHILD) && p.isInHouse()
                ? PlacementType.PARENT_AND_CHILD : PlacementType.FOSTER, minAge, maxAge, places, places, la, postcode, lat, lon,
                BigDecimal.valueOf(fee), specialisms.isEmpty() ? EnumSet.noneOf(NeedCode.class) : EnumSet.copyOf(specialisms)),
                places, vacanciesConfirmed(name));
    }

    private void home(Provider p, String name, PlacementType type, String la, String postcode, double lat, double lon, int places,
                      int vacancies, int minAge, int maxAge, int fee, Set<NeedCode> specialisms) {
        providers.seedHome(new CareService(p, name, type, minAge, maxAge, places, vacancies, la, postcode, lat, lon, BigDecimal.valueOf(fee),
                EnumSet.copyOf(specialisms)), vacancies, vacanciesConfirmed(name));
    }

    /** Every other home's figure was confirmed two days before the demo began. */
    private Instant vacanciesConfirmed(String home) {
        return clock.instant().minus(home.equals(STALE_HOME) ? 21 : 2, ChronoUnit.DAYS);
    }

}
