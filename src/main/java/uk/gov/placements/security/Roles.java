package uk.gov.placements.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The candidate groups of the spec: a contract with clients, tests and the BPMN files. */
public final class Roles {
    public static final String SOCIAL_WORKERS = "social-workers";
    public static final String PLACEMENTS_TEAM = "placements-team";
    public static final String TEAM_MANAGERS = "team-managers";
    public static final String HEADS_OF_SERVICE = "heads-of-service";
    public static final String ASSISTANT_DIRECTORS = "assistant-directors";
    public static final String DIRECTORS = "directors";
    public static final String IROS = "iros";
    public static final String CONTRACTS_OFFICERS = "contracts-officers";
    public static final String COMMISSIONING_MANAGERS = "commissioning-managers";
    public static final String PROVIDERS = "providers";
    /** Sees the sufficiency figures of every council of the consortium side by side (and no child's record). */
    public static final String CONSORTIUM_COMMISSIONERS = "consortium-commissioners";
    public static final String ADMIN = "camunda-admin";
    /** The council's virtual school head and staff: told by e-mail of a placement of a child of school age. */
    public static final String VIRTUAL_SCHOOL = "virtual-school";

    /** Council staff groups, in the order they are shown. */
    public static final List<String> STAFF = List.of(SOCIAL_WORKERS, PLACEMENTS_TEAM, TEAM_MANAGERS, HEADS_OF_SERVICE,
            ASSISTANT_DIRECTORS, DIRECTORS, IROS, CONTRACTS_OFFICERS, COMMISSIONING_MANAGERS);

    /** The approval tiers, lowest first: an escalation moves one step up. */
    public static final List<String> APPROVAL_TIERS = List.of(TEAM_MANAGERS, HEADS_OF_SERVICE, ASSISTANT_DIRECTORS, DIRECTORS);

    /** What people call each group: the Tasklist, the pages and "waiting on" show these, never the ids. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(SOCIAL_WORKERS, "Social workers"), Map.entry(PLACEMENTS_TEAM, "Placements team"),
            Map.entry(TEAM_MANAGERS, "Team managers"), Map.entry(HEADS_OF_SERVICE, "Heads of service"),
            Map.entry(ASSISTANT_DIRECTORS, "Assistant directors"), Map.entry(DIRECTORS, "Directors"),
            Map.entry(IROS, "Independent reviewing officers"), Map.entry(CONTRACTS_OFFICERS, "Contracts officers"),
            Map.entry(COMMISSIONING_MANAGERS, "Commissioning managers"), Map.entry(PROVIDERS, "Providers"),
            Map.entry(CONSORTIUM_COMMISSIONERS, "Consortium commissioners"), Map.entry(ADMIN, "Administrators"),
            Map.entry(VIRTUAL_SCHOOL, "Virtual school"));

    private Roles() {
    }

    /** The plain name of one of the spec's groups, or null for another group (a provider's is named after the provider). */
    public static String name(String group) {
        return NAMES.get(group);
    }

    /** Groups as a refusal names them: "team managers or heads of service". */
    public static String names(String... groups) {
        return Arrays.stream(groups).map(g -> name(g) == null ? g : name(g).toLowerCase()).collect(Collectors.joining(" or "));
    }

    public static String nextTier(String group) {
        int i = APPROVAL_TIERS.indexOf(group);
        return i < 0 || i == APPROVAL_TIERS.size() - 1 ? DIRECTORS : APPROVAL_TIERS.get(i + 1);
    }
}
