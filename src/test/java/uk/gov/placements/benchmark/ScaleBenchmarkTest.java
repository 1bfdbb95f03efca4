package uk.gov.placements.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import uk.gov.placements.TestDatabase;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * The register and the Tasklist at national scale, in a database of their own (so the other tests'
 * searches and queues are not disturbed): 3,000 children's homes and 40,000 foster households across
 * 150 councils and the independent sector, and 50,000 open tasks across groups and councils, times
 * {@code benchmark.scale} (1 with -Pbenchmark, 0.05 in the ordinary run, where only correctness is
 * asserted). Prints p50/p95/p99 of the options and register search, and p50/p95 of the two queues.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:national-scale;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512", "spring.mail.port=3027",
                // an engine of its own name: two Spring contexts in one JVM must not share Camunda's engine registry (or REST API)
                "camunda.bpm.process-engine-name=" + ScaleBenchmarkTest.ENGINE})
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("integration")
class ScaleBenchmarkTest {
    static final String ENGINE = "national-scale";
    static final int COUNCILS = 150;
    static final String[] TENANTS = {"northshire", "eastmoor"};

    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired ChildService children;
    @Autowired ReferralService referrals;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired FilterService filterService;
    final ObjectMapper json = new ObjectMapper();
    final Random random = new Random(5582);

    static double scale() {
        return Double.parseDouble(System.getProperty("benchmark.scale", "0.05"));
    }

    /** Council i's centre: spread over England; Northshire (council 0) where the demo puts it. */
    double[] centre(int council) {
        if (council == 0) {
            return new double[] {53.80, -1.55};
        }
        // SplittableRandom mixes its seed: java.util.Random's first values for seeds 1, 2, 3... are nearly equal,
        // which put all 150 councils on one line of latitude and every search in a crowd
        java.util.SplittableRandom r = new java.util.SplittableRandom(council);
        return new double[] {50.8 + r.nextDouble() * 3.9, -3.3 + r.nextDouble() * 4.8};
    }

    String councilId(int council) {
        return council < TENANTS.length ? TENANTS[council] : "council-" + council;
    }

    @Test
    void shouldSearchANationalRegisterAndListFiftyThousandTasks() throws Exception {
        int homes = (int) (3000 * scale());
        int fosterHouseholds = (int) (40000 * scale());
        long loadStart = System.nanoTime();
        int services = loadRegister(homes, fosterHouseholds);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        assertThat(services).isEqualTo(homes + fosterHouseholds);

        // the register search, as staff tick boxes on the register page: random places and needs
        double[] search = new double[Math.max(50, (int) (400 * Math.min(1, scale() * 4)))];
        int found = 0;
        for (int i = -20; i < search.length; i++) {
            double[] c = centre(random.nextInt(COUNCILS));
            String type = random.nextBoolean() ? "FOSTER" : "CHILDRENS_HOME";
            String url = "/api/providers/search?placementType=" + type + "&age=" + (11 + random.nextInt(6)) + "&latitude=" + c[0]
                    + "&longitude=" + c[1] + "&maxMiles=20" + (random.nextInt(3) == 0 ? "&needs=" + NeedCode.values()[random.nextInt(12)] : "");
            long t = System.nanoTime();
            ResponseEntity<String> r = get("co1", url);
            if (i >= 0) {
                search[i] = (System.nanoTime() - t) / 1e6;
                found += json.readTree(r.getBody()).size();
            }
            assertThat(r.getStatusCode().value()).isEqualTo(200);
        }
        assertThat(found).as("the register search finds homes").isPositive();

        // referrals of Northshire children, searched against the national register
        int referralCount = Math.max(5, (int) (40 * Math.min(1, scale() * 4)));
        List<Long> referralIds = new ArrayList<>();
        double[] inHouseSearch = new double[referralCount];
        double[] ranking = new double[referralCount];
        double[] externalSearch = new double[referralCount];
        int providersAsked = 0;
        for (int i = 0; i < referralCount; i++) {
            Child child = children.register(new ChildService.NewChild("Nat", "Scale", LocalDate.now().minusYears(12).minusDays(i), "FEMALE",
                    "northshire", "NS1 2AB", 53.80 + random.nextGaussian() * 0.05, -1.55 + random.nextGaussian() * 0.05, "C2"), "northshire");
            Referral r = referrals.submit(new ReferralService.NewReferral(child.getId(), "PLANNED", LocalDate.now().plusDays(20), "FOSTER", 12, 20,
                    List.of(), 0, false, null, false, null, false, null, null, null, null, null, "Near my school", "Sam", true, null, null),
                    council -> true, "sw1");
            referralIds.add(r.getId());
            complete(r.getProcessInstanceId(), PlacementReferralProcess.TASK_TRIAGE, Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
            ProcessInstance searchInstance = runtimeService.createProcessInstanceQuery().superProcessInstanceId(r.getProcessInstanceId()).singleResult();
            inHouseSearch[i] = runJob(searchInstance.getId(), PlacementSearchProcess.TASK_SEARCH_IN_HOUSE);
            // every other referral goes out to the independent sector; the rest stay in-house and are ranked
            boolean external = i % 2 == 1;
            complete(searchInstance.getId(), PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS, external ? Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false)
                    : Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, true, PlacementSearchProcess.RESTRICTION_REASON, "Sibling with these carers"));
            if (external) {
                externalSearch[i] = runJob(searchInstance.getId(), PlacementSearchProcess.TASK_SEND_TO_PROVIDERS);
                providersAsked += (int) taskService.createTaskQuery().processInstanceId(searchInstance.getId()).taskDefinitionKey(PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL).count();
            } else {
                ranking[i] = runJob(searchInstance.getId(), PlacementSearchProcess.TASK_RANK_OPTIONS);
            }
        }
        assertThat(providersAsked).as("independent providers asked").isPositive();
        double[] options = new double[Math.max(50, (int) (400 * Math.min(1, scale() * 4)))];
        int optionsSeen = 0;
        for (int i = -20; i < options.length; i++) {
            long id = referralIds.get(random.nextInt(referralIds.size()));
            long t = System.nanoTime();
            ResponseEntity<String> r = get("sw1", "/api/referrals/" + id + "/options");
            if (i >= 0) {
                options[i] = (System.nanoTime() - t) / 1e6;
                optionsSeen += json.readTree(r.getBody()).size();
            }
            assertThat(r.getStatusCode().value()).isEqualTo(200);
        }
        assertThat(optionsSeen).as("options listed").isPositive();

        // the Tasklist at scale: open tasks across groups and councils, and two role queues through the FilterService
        int tasks = Integer.getInteger("benchmark.openTasks", (int) (50000 * scale()));
        long taskStart = System.nanoTime();
        openTasks(tasks);
        double taskSeconds = (System.nanoTime() - taskStart) / 1e9;
        double[] triageQueue = queue("pt1", "Referrals to triage");
        double[] approvalQueue = queue("tm1", "Placements awaiting my approval");

        BenchmarkReport.section("The register and the Tasklist at national scale", List.of(
                String.format("register: %d children's homes and %d foster households across %d councils and the independent sector (loaded in %.1f s)",
                        homes, fosterHouseholds, COUNCILS, loadSeconds),
                "register search, GET /api/providers/search within 20 miles: " + BenchmarkReport.latencies(search)
                        + String.format(", %.1f homes found a search", (double) found / search.length),
                "options, GET /api/referrals/{id}/options: " + BenchmarkReport.latencies(options)
                        + String.format(", %.1f options a referral", (double) optionsSeen / options.length),
                "in-house search step (Task_SearchInHouse, in the engine): " + BenchmarkReport.latencies(inHouseSearch).replace("requests", "referrals"),
                "ranking step (Task_RankOptions): " + BenchmarkReport.latencies(only(ranking)).replace("requests", "referrals"),
                "external search step (Task_SendReferralToProviders): " + BenchmarkReport.latencies(only(externalSearch)).replace("requests", "referrals")
                        + String.format(", %.1f providers asked a referral", providersAsked / (double) only(externalSearch).length),
                String.format("open tasks: %d across 5 kinds and %d councils (created in %.1f s)", tasks, COUNCILS, taskSeconds),
                "\"Referrals to triage\" as pt1, first page of 15 (FilterService): " + BenchmarkReport.latencies(triageQueue),
                "\"Placements awaiting my approval\" as tm1, first page of 15 (FilterService): " + BenchmarkReport.latencies(approvalQueue)));
    }

    static double[] only(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> v > 0).toArray();
    }

    ResponseEntity<String> get(String user, String url) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, "demo");
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(h), String.class);
    }

    void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult().getId(),
                variables);
    }

    /** Runs the instance's job at that step and returns how long it took, in milliseconds. */
    double runJob(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        assertThat(job).as(activityId).isNotNull();
        long t = System.nanoTime();
        managementService.executeJob(job.getId());
        return (System.nanoTime() - t) / 1e6;
    }

    /** The register, written straight to its tables in batches (loading it through the API would take longer than the benchmark). */
    int loadRegister(int homes, int fosterHouseholds) {
        long nextId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from provider", Long.class);
        long nextService = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from care_service", Long.class);
        Timestamp now = Timestamp.from(Instant.now());
        Date expiry = Date.valueOf(LocalDate.now().plusMonths(10));
        List<Object[]> providers = new ArrayList<>();
        // each council's own fostering service and homes; independent providers of about five homes or forty households each
        Map<String, Long> inHouse = new HashMap<>();
        for (int council = 0; council < COUNCILS; council++) {
            for (String kind : new String[] {"fostering", "homes"}) {
                inHouse.put(council + kind, nextId + providers.size());
                providers.add(new Object[] {nextId + providers.size(), "Council " + council + " " + kind, "IN_HOUSE", "PUBLIC", councilId(council),
                        "GOOD", "ACCREDITED", null, now});
            }
        }
        List<Long> homeProviders = new ArrayList<>();
        List<Long> agencies = new ArrayList<>();
        for (int i = 0; i < Math.max(1, homes / 5) + Math.max(1, fosterHouseholds / 160); i++) {
            long id = nextId + providers.size();
            boolean homesProvider = i < Math.max(1, homes / 5);
            (homesProvider ? homeProviders : agencies).add(id);
            providers.add(new Object[] {id, (homesProvider ? "Independent homes " : "Independent fostering agency ") + id, "INDEPENDENT", "PRIVATE", null,
                    random.nextInt(10) == 0 ? "REQUIRES_IMPROVEMENT" : "GOOD", "ACCREDITED", expiry, now});
        }
        List<Object[]> services = new ArrayList<>();
        List<Object[]> specialisms = new ArrayList<>();
        for (int i = 0; i < homes + fosterHouseholds; i++) {
            boolean home = i < homes;
            int council = random.nextInt(COUNCILS);
            double[] c = centre(council);
            // four in five homes are independent; one in four foster households is with an agency
            long provider = home ? (random.nextInt(5) > 0 ? homeProviders.get(random.nextInt(homeProviders.size())) : inHouse.get(council + "homes"))
                    : (random.nextInt(4) == 0 ? agencies.get(random.nextInt(agencies.size())) : inHouse.get(council + "fostering"));
            long id = nextService + i;
            int places = home ? 2 + random.nextInt(4) : 1 + random.nextInt(2);
            services.add(new Object[] {id, provider, (home ? "Home " : "Household ") + i, home ? "CHILDRENS_HOME" : "FOSTER", home ? 8 + random.nextInt(4) : 0,
                    17, places, random.nextInt(places + 1), councilId(council), "EN1 1GL", c[0] + random.nextGaussian() * 0.12,
                    c[1] + random.nextGaussian() * 0.18, home ? 4000 + random.nextInt(3000) : 450 + random.nextInt(600)});
            java.util.EnumSet<NeedCode> needs = java.util.EnumSet.noneOf(NeedCode.class);
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                needs.add(NeedCode.values()[random.nextInt(12)]);
            }
            needs.forEach(n -> specialisms.add(new Object[] {id, n.name()}));
        }
        jdbc.batchUpdate("insert into provider (id, name, kind, sector, council, ofsted_rating, accreditation_status, accreditation_expiry, suspended, "
                + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, false, ?)", providers);
        jdbc.batchUpdate("insert into care_service (id, provider_id, name, placement_type, min_age, max_age, places, vacancies, local_authority, postcode, "
                + "latitude, longitude, weekly_fee) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", services);
        jdbc.batchUpdate("insert into care_service_specialism (service_id, need_code) values (?, ?)", specialisms);
        // each independent provider with one member of staff who signs in: a provider nobody can answer for is sent no referral
        List<Object[]> staffGroups = new ArrayList<>();
        List<Object[]> staff = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        for (Long id : concat(homeProviders, agencies)) {
            staffGroups.add(new Object[] {"provider-" + id, "Independent provider " + id});
            staff.add(new Object[] {"bench-staff-" + id, "Staff " + id});
            memberships.add(new Object[] {"bench-staff-" + id, "provider-" + id});
        }
        jdbc.batchUpdate("insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) values (?, 1, ?, 'PROVIDER')", staffGroups);
        jdbc.batchUpdate("insert into ACT_ID_USER (ID_, REV_, FIRST_) values (?, 1, ?)", staff);
        jdbc.batchUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", memberships);
        jdbc.execute("alter table provider alter column id restart with " + (nextId + providers.size() + 1));
        jdbc.execute("alter table care_service alter column id restart with " + (nextService + services.size() + 1));
        return services.size();
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Open tasks of five kinds (triage, choice, approval at each tier, review, monitoring) in every council, due over the next month. */
    void openTasks(int count) {
        AbstractFlowNodeBuilder<?, ?> gateway = Bpmn.createExecutableProcess("benchmarkQueues").name("Benchmark queues").camundaHistoryTimeToLive(1)
                .startEvent().exclusiveGateway("Gateway_Kind");
        String[][] kinds = {{PlacementReferralProcess.TASK_TRIAGE, "placements-team"}, {PlacementReferralProcess.TASK_SELECT_PLACEMENT, "social-workers"},
                {PlacementReferralProcess.TASK_APPROVE_PLACEMENT, "${approverGroup}"}, {IroReviewProcess.TASK_HOLD_REVIEW, "iros"}, {ContractMonitoringProcess.TASK_REVIEW_MONITORING, "contracts-officers"}};
        for (String[] k : kinds) {
            gateway = gateway.condition(k[0], "${kind == '" + k[0] + "'}").userTask(k[0]).name(k[0]).camundaCandidateGroups(k[1])
                    .camundaDueDate("${due}").camundaPriority("${priority}").endEvent().moveToNode("Gateway_Kind");
        }
        BpmnModelInstance model = gateway.done();
        repositoryService.createDeployment().name("benchmark queues").addModelInstance("benchmarkQueues.bpmn", model).deploy();
        for (int council = TENANTS.length; council < COUNCILS; council++) {
            if (identityService.createTenantQuery().tenantId(councilId(council)).count() == 0) {
                identityService.saveTenant(identityService.newTenant(councilId(council)));
            }
        }
        List<String> tiers = List.of("team-managers", "heads-of-service", "assistant-directors", "directors");
        for (int i = 0; i < count; i++) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("kind", kinds[i % kinds.length][0]);
            vars.put("council", councilId(random.nextInt(COUNCILS)));
            vars.put("approverGroup", tiers.get(random.nextInt(tiers.size())));
            vars.put("due", java.util.Date.from(Instant.now().plusSeconds(random.nextInt(30 * 24 * 3600))));
            vars.put("priority", 50 + random.nextInt(3) * 25);
            runtimeService.startProcessInstanceByKey("benchmarkQueues", vars);
        }
    }

    /**
     * Latencies of a shared filter's first page for the given user, through the FilterService as the
     * filter REST API calls it, with the user's groups and councils (tenants) authenticated as the
     * application's security filter sets them. (This context's engine has a name of its own, which the
     * starter's REST API does not serve, so the HTTP layer is left out here.)
     */
    double[] queue(String user, String filterName) {
        return FilterLatency.firstPage(filterService, identityService, user, filterName, Math.max(50, (int) (300 * Math.min(1, scale() * 4))), true);
    }
}
