package uk.gov.placements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
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

/**
 * Test data for process tests. Each test takes its own council at its own place on the map, far
 * from the demo register and from other tests (slots 25+ miles apart), so that searches within 20
 * miles see only that test's carers and homes. There are 192 places (12 rows of 16, west of the scale benchmark's
 * England and away from the demo's councils, within the latitudes and longitudes a location may have); a test run that
 * took more would put two tests' councils in one place, and one test's homes would answer another's referrals (as
 * happened when the run outgrew the first 121).
 */
@Component
public class Journeys {
    private static final AtomicInteger SLOT = new AtomicInteger();
    private static final double[] ROWS = {50.3, 50.9, 56.5, 57.1, 57.7, 58.3, 58.9, 59.5, 60.1, 49.1, 49.7, 60.7};
    private static final int COLUMNS = 16;

    final ChildService children;
    final ReferralService referrals;
    final ProviderFixtures register;
    final ManagementService managementService;
    final IdentityService identityService;
    final org.camunda.bpm.engine.TaskService taskService;
    final uk.gov.placements.referral.search.ProviderReferrals providerReferrals;
    final org.camunda.bpm.engine.RuntimeService runtimeService;

    Journeys(ChildService children, ReferralService referrals, ProviderFixtures register,
             ManagementService managementService, IdentityService identityService,
             org.camunda.bpm.engine.TaskService taskService, uk.gov.placements.referral.search.ProviderReferrals providerReferrals,
             org.camunda.bpm.engine.RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.providerReferrals = providerReferrals;
        this.children = children;
        this.referrals = referrals;
        this.register = register;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    /** A council of its own for one test, with its centre on the map. */
    public record Council(String id, double lat, double lon) {
    }

    public Council newCouncil() {
        int n = SLOT.getAndIncrement();
        return new Council("testshire" + n, ROWS[(n / COLUMNS) % ROWS.length], -8.5 + (n % COLUMNS) * 0.6);
    }

    public void neighbours(String a, String b) {
        register.neighbours(a, b);
    }

    public Child child(Council c, int age) {
        return children.register(new ChildService.NewChild("Tess", "Ting", LocalDate.now().minusYears(age).minusDays(10), "FEMALE",
                c.id(), "TE1 1ST", c.lat(), c.lon(), "C2"), c.id());
    }

    public CareService inHouse(Council c, String localAuthority, PlacementType type, int fee, NeedCode... needs) {
        Provider p = register.save(new Provider("In-house " + c.id(), ProviderKind.IN_HOUSE, Provider.Sector.PUBLIC, c.id(), "SC100001",
                OfstedRating.GOOD));
        return service(p, localAuthority, type, fee, c.lat() + 0.01, c.lon(), needs);
    }

    public CareService independent(Council c, String localAuthority, PlacementType type, int fee, OfstedRating rating, NeedCode... needs) {
        Provider p = new Provider("Independent " + c.id() + "-" + fee, ProviderKind.INDEPENDENT, Provider.Sector.PRIVATE, null, "SC200002",
                rating);
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

    /**
     * Triage accepted and the in-house options reviewed without restricting the search: the search's instance, at the
     * step that sends the referral out to providers (its job not yet run).
     */
    public org.camunda.bpm.engine.runtime.ProcessInstance toExternalSearch(Referral r) {
        taskService.complete(only(r.getProcessInstanceId(), "Task_TriageReferral").getId(), java.util.Map.of("triageOutcome", "ACCEPT"));
        runDueJobsOfTree(r.getProcessInstanceId());
        var search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(r.getProcessInstanceId()).singleResult();
        taskService.complete(only(search.getId(), "Task_ReviewInHouseOptions").getId(), java.util.Map.of("restrictToInHouse", false));
        return search;
    }

    /** Every provider asked offers its service at its standard fee, starting today. */
    public void offerAll(org.camunda.bpm.engine.runtime.ProcessInstance search) {
        offerAll(search.getId(), search.getRootProcessInstanceId());
    }

    /** The same, given the search's instance and the referral's (its root). */
    public void offerAll(String searchId, String rootId) {
        for (org.camunda.bpm.engine.task.Task t : taskService.createTaskQuery().processInstanceId(searchId)
                .taskDefinitionKey("Task_RespondToReferral").list()) {
            var pr = providerReferrals.get(((Number) taskService.getVariable(t.getId(), "providerReferralId")).longValue());
            taskService.complete(t.getId(), java.util.Map.of("response", "OFFER", "weeklyFee", pr.getService().getWeeklyFee().doubleValue(),
                    "startDate", LocalDate.now().toString(), "namedCarerOrHome", pr.getService().getName(), "howNeedsMet", "As described"));
        }
        runDueJobsOfTree(rootId);
    }

    /** Heads of service waive the two-offer rule if the search asks them to. */
    public void waiveIfAsked(org.camunda.bpm.engine.runtime.ProcessInstance search) {
        for (org.camunda.bpm.engine.task.Task t : taskService.createTaskQuery().processInstanceId(search.getId())
                .taskDefinitionKey("Task_ApproveProcurementWaiver").list()) {
            taskService.complete(t.getId(), java.util.Map.of("waiverApproved", true, "waiverReason", "Only provider able to meet needs"));
        }
        runDueJobsOf(search.getId(), search.getRootProcessInstanceId());
    }

    /** Runs every job that is due now (async continuations), repeatedly, as the job executor would. */
    public int runDueJobs() {
        return runDue(() -> managementService.createJobQuery().executable().list());
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

    private int runDue(Supplier<List<Job>> due) {
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

    /** The one open task of that key in the process instance (the test fails if there is none). */
    public org.camunda.bpm.engine.task.Task only(String processInstanceId, String taskKey) {
        org.camunda.bpm.engine.task.Task t = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        if (t == null) {
            throw new AssertionError("no open " + taskKey + " in " + processInstanceId);
        }
        return t;
    }

    /** Acts as a user of a group and council, as the Tasklist would authenticate them. */
    public <T> T as(String user, String group, String council, Supplier<T> action) {
        identityService.setAuthentication(user, List.of(group), List.of(council));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    public void as(String user, String group, String council, Runnable action) {
        as(user, group, council, () -> {
            action.run();
            return null;
        });
    }
}
