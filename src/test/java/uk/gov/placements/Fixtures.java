package uk.gov.placements;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderKind;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.search.PlacementSearchProcess;
import uk.gov.placements.referral.search.ProviderReferralService;

/**
 * What the tests' {@link Journeys} and the benchmark harness both need: a council of their own on the map, children,
 * carers and homes, referrals, providers' offers, and the due jobs run as the job executor would run them.
 * <p>
 * Each caller takes its own council at its own place on the map, far from the demo register and from every other
 * caller's (slots 25+ miles apart), so that searches within 20 miles see only that caller's carers and homes. There are
 * 192 places (12 rows of 16, west of the scale benchmark's England and away from the demo's councils, within the
 * latitudes and longitudes a location may have); a test run that took more would put two councils in one place, and one
 * test's homes would answer another's referrals.
 */
public class Fixtures {
    private static final AtomicInteger SLOT = new AtomicInteger();
    private static final double[] ROWS = {50.3, 50.9, 56.5, 57.1, 57.7, 58.3, 58.9, 59.5, 60.1, 49.1, 49.7, 60.7};
    private static final int COLUMNS = 16;

    @Autowired private ChildService children;
    @Autowired private Clock clock;
    @Autowired private ReferralService referrals;
    @Autowired private ProviderFixtures register;
    @Autowired private ManagementService managementService;
    @Autowired private IdentityService identityService;
    @Autowired private TaskService taskService;
    @Autowired private ProviderReferralService providerReferrals;

    /** A council of its own for one test or benchmark run, with its centre on the map. */
    public record Council(String id, double lat, double lon) {
    }

    public Council newCouncil() {
        int n = SLOT.getAndIncrement();
        return new Council("testshire" + n, ROWS[(n / COLUMNS) % ROWS.length], -8.5 + (n % COLUMNS) * 0.6);
    }

    public Child child(Council c, int age) {
        return children.register(new ChildService.NewChild("Tess", "Ting", LocalDate.now().minusYears(age).minusDays(10), "FEMALE",
                c.id(), "TE1 1ST", c.lat(), c.lon(), "C2"), c.id());
    }

    public CareService inHouse(Council c, String localAuthority, PlacementType type, int fee, NeedCode... needs) {
        Provider p = register.save(new Provider("In-house " + c.id(), ProviderKind.IN_HOUSE, Provider.Sector.PUBLIC, c.id(), "SC100001",
                OfstedRating.GOOD, clock.instant()));
        return service(p, localAuthority, type, fee, c.lat() + 0.01, c.lon(), needs);
    }

    public CareService independent(Council c, String localAuthority, PlacementType type, int fee, OfstedRating rating, NeedCode... needs) {
        Provider p = new Provider("Independent " + c.id() + "-" + fee, ProviderKind.INDEPENDENT, Provider.Sector.PRIVATE, null, "SC200002",
                rating, clock.instant());
        Provider saved = register.accredited(p, AccreditationStatus.ACCREDITED, LocalDate.now().plusMonths(6));
        staffUser(saved);
        return service(saved, localAuthority, type, fee, c.lat() - 0.02, c.lon(), needs);
    }

    /** A member of the provider's staff who signs in: without one (or a referral e-mail address) it is sent no referrals. */
    public String staffUser(Provider p) {
        String group = p.candidateGroup();
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            var g = identityService.newGroup(group);
            g.setName(p.getName());
            g.setType("PROVIDER");
            identityService.saveGroup(g);
        }
        String id = "staff-" + group;
        if (identityService.createUserQuery().userId(id).count() == 0) {
            var u = identityService.newUser(id);
            u.setFirstName("Staff");
            u.setLastName(p.getName());
            identityService.saveUser(u);
            identityService.createMembership(id, group);
        }
        return id;
    }

    private CareService service(Provider p, String la, PlacementType type, int fee, double lat, double lon, NeedCode... needs) {
        return service(p, la, type, fee, 3, lat, lon, needs);
    }

    /** A service with as many places (all vacant) as the caller needs, e.g. a benchmark placing thousands of children. */
    public CareService service(Provider p, String la, PlacementType type, int fee, int places, double lat, double lon, NeedCode... needs) {
        return register.save(new CareService(p, p.getName() + " " + type, type, 0, 17, places, places, la, "TE2 2ND", lat, lon,
                BigDecimal.valueOf(fee), needs.length == 0 ? EnumSet.noneOf(NeedCode.class) : EnumSet.copyOf(List.of(needs))));
    }

    public Referral refer(Child child, String urgency, PlacementType type, int weeks, Long currentPlacementId, NeedCode... essential) {
        return referrals.submit(new ReferralService.NewReferral(child.getId(), urgency, LocalDate.now().plusDays(14), type.name(), weeks,
                20, java.util.Arrays.stream(essential).map(n -> new ReferralService.Need(n.name(), true)).toList(), 0, false,
                null, false, null, false, null, null, null, null, null, "I want to stay near my school", "Sam Social Worker", true,
                currentPlacementId, currentPlacementId == null ? null : "CARPL"), council -> true, "sw-test");
    }

    /** Every provider asked offers its service at its standard fee, starting today; given the search's instance and the referral's (its root). */
    public void offerAll(String searchId, String rootId) {
        for (Task t : taskService.createTaskQuery().processInstanceId(searchId)
                .taskDefinitionKey(PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL).list()) {
            var pr = providerReferrals.get(((Number) taskService.getVariable(t.getId(), PlacementSearchProcess.PROVIDER_REFERRAL_ID)).longValue());
            taskService.complete(t.getId(), java.util.Map.of(PlacementSearchProcess.RESPONSE, "OFFER",
                    PlacementSearchProcess.WEEKLY_FEE, pr.getService().getWeeklyFee().doubleValue(),
                    PlacementSearchProcess.START_DATE, LocalDate.now().toString(), PlacementSearchProcess.NAMED_CARER_OR_HOME, pr.getService().getName(),
                    PlacementSearchProcess.HOW_NEEDS_MET, "As described"));
        }
        runDueJobsOfTree(rootId);
    }

    /**
     * Runs the due jobs of the given process instances only: tests that move the engine clock must
     * not fire the timers of other tests' instances (and the benchmark must not scan everyone's jobs).
     */
    public int runDueJobsOf(String... processInstanceIds) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(java.util.Arrays.asList(processInstanceIds));
        return runDue(() -> ids.stream().flatMap(id -> managementService.createJobQuery().processInstanceId(id).executable().list().stream()).toList());
    }

    /** Runs the due jobs of a process instance and of the instances it called, found by the root's id. */
    public int runDueJobsOfTree(String rootProcessInstanceId) {
        return runDue(() -> managementService.createJobQuery().rootProcessInstanceId(rootProcessInstanceId).executable().list());
    }

    /** Runs the jobs the query finds, again and again until it finds none, as the job executor would. */
    protected int runDue(Supplier<List<Job>> due) {
        int ran = 0;
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = due.get();
            if (jobs.isEmpty()) {
                return ran;
            }
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        throw new IllegalStateException("jobs keep coming");
    }
}
