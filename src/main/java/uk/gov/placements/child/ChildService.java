package uk.gov.placements.child;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.LegalStatus;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

@Service
public class ChildService {
    static final int MAX_AGE = 25;
    private final ChildRepository children;
    private final IdentityService identityService;
    private final SystemActions system;
    private final ApplicationEventPublisher events;
    private final TaskService taskService;

    public ChildService(ChildRepository children, IdentityService identityService, SystemActions system, ApplicationEventPublisher events,
                        TaskService taskService) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.system = system;
        this.events = events;
        this.children = children;
    }

    public record NewChild(String firstName, String lastName, LocalDate dateOfBirth, String gender, String council,
                           String postcode, Double latitude, Double longitude, String legalStatus, String categoryOfNeed) {
        public NewChild(String firstName, String lastName, LocalDate dateOfBirth, String gender, String council, String postcode,
                        Double latitude, Double longitude, String legalStatus) {
            this(firstName, lastName, dateOfBirth, gender, council, postcode, latitude, longitude, legalStatus, null);
        }
    }

    /** SSDA903 CIN codes: N1 abuse or neglect, N2 disability, N3 parental illness or disability, N4 family in acute stress,
     *  N5 family dysfunction, N6 socially unacceptable behaviour, N7 low income, N8 absent parenting. */
    static final java.util.Set<String> CATEGORIES_OF_NEED = java.util.Set.of("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

    /** Validates every field (reporting each bad one) and saves the child in the given council. */
    @Transactional
    public Child register(NewChild c, String council) {
        FieldErrors errors = new FieldErrors();
        requireText(errors, "firstName", c.firstName(), 100);
        requireText(errors, "lastName", c.lastName(), 100);
        requireText(errors, "gender", c.gender(), 20);
        if (c.dateOfBirth() == null) {
            errors.reject("dateOfBirth", "is required");
        } else if (c.dateOfBirth().isAfter(LocalDate.now())) {
            errors.reject("dateOfBirth", "must not be in the future");
        } else if (c.dateOfBirth().isBefore(LocalDate.now().minusYears(MAX_AGE))) {
            errors.reject("dateOfBirth", "is too long ago for a child in care (age out of range)");
        }
        validatePostcode(errors, "postcode", c.postcode());
        validateLocation(errors, c.latitude(), c.longitude());
        LegalStatus status = FieldErrors.parseEnum(LegalStatus.class, c.legalStatus(), "legalStatus", errors);
        if (c.categoryOfNeed() != null && !c.categoryOfNeed().isBlank() && !CATEGORIES_OF_NEED.contains(c.categoryOfNeed())) {
            errors.reject("categoryOfNeed", "must be an SSDA903 CIN code, N1 to N8");
        }
        errors.throwIfAny();
        Child child = new Child(council, c.firstName().trim(), c.lastName().trim(), c.dateOfBirth(), c.gender().trim(),
                normalisePostcode(c.postcode()), c.latitude(), c.longitude(), status)
                .categoryOfNeed(c.categoryOfNeed() == null || c.categoryOfNeed().isBlank() ? null : c.categoryOfNeed());
        // the social worker who registers a child is the child's social worker until a team manager allocates another;
        // the IRO is appointed by the team manager
        var auth = identityService.getCurrentAuthentication();
        if (auth != null && auth.getGroupIds() != null && auth.getGroupIds().contains(Roles.SOCIAL_WORKERS)) {
            child.allocate(auth.getUserId(), null);
        }
        return children.save(child);
    }

    /**
     * Allocates the child's social worker and IRO: each must be a member of that group and of the child's council.
     * Open tasks about the child move with the allocation ({@link ChildAllocated}).
     */
    @Transactional
    public Child allocate(Long childId, String socialWorker, String iro) {
        Child child = get(childId);
        FieldErrors errors = new FieldErrors();
        requireMember(errors, "socialWorker", socialWorker, Roles.SOCIAL_WORKERS, child.getCouncil());
        requireMember(errors, "iro", iro, Roles.IROS, child.getCouncil());
        errors.throwIfAny();
        String previousSocialWorker = child.getAllocatedSocialWorker();
        String previousIro = child.getIro();
        child.allocate(socialWorker.trim(), iro.trim());
        events.publishEvent(new ChildAllocated(childId, child.getCouncil(), previousSocialWorker, child.getAllocatedSocialWorker(),
                previousIro, child.getIro()));
        return child;
    }

    private void requireMember(FieldErrors errors, String field, String userId, String group, String council) {
        if (userId == null || userId.isBlank()) {
            errors.reject(field, "is required: the user id of the " + (group.equals(Roles.IROS) ? "IRO" : "social worker"));
            return;
        }
        String id = userId.trim();
        boolean member = id.length() <= 64 && system.run(() -> identityService.createUserQuery().userId(id).memberOfGroup(group).count() > 0
                && identityService.createTenantQuery().userMember(id).includingGroupsOfUser(true).tenantId(council).count() > 0);
        if (!member) {
            errors.reject(field, "must be a user of " + group + " in the child's council");
        }
    }

    /**
     * Per allocated worker of the councils: their role, the children in care allocated to them and the open tasks they
     * hold (counted as the application: a manager need not see each task to see the load); and the children in care
     * with no social worker yet.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> caseload(Set<String> councils) {
        Map<List<String>, Long> byWorker = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        long unallocated = 0;
        for (String council : councils) {
            for (Child c : children.findByCouncilOrderByLastNameAsc(council)) {
                if (c.getLookedAfterSince() == null || c.getLookedAfterSince().isAfter(UkTime.today())) {
                    continue;   // not in care now (or from a planned first placement's start)
                }
                if (c.getAllocatedSocialWorker() == null) {
                    unallocated++;
                } else {
                    byWorker.merge(List.of("social worker", c.getAllocatedSocialWorker()), 1L, Long::sum);
                }
                if (c.getIro() != null) {
                    byWorker.merge(List.of("IRO", c.getIro()), 1L, Long::sum);
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byWorker.forEach((key, count) -> rows.add(Map.of("role", key.get(0), "worker", key.get(1), "children", count,
                "openTasks", system.run(() -> taskService.createTaskQuery().taskAssignee(key.get(1)).count()))));
        rows.add(Map.of("role", "social worker", "worker", "(none allocated)", "children", unallocated, "openTasks", 0L));
        return rows;
    }

    @EventListener
    @Transactional
    public void on(ChildLeftCare left) {
        get(left.childId()).leftCare();
    }

    public Child get(Long id) {
        return children.findById(id).orElseThrow(() -> new NotFoundException("Child", id));
    }

    public static void requireText(FieldErrors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.reject(field, "is required");
        } else if (value.length() > max) {
            errors.reject(field, "must be at most " + max + " characters");
        }
    }

    public static void optionalText(FieldErrors errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.reject(field, "must be at most " + max + " characters");
        }
    }

    private static final java.util.regex.Pattern POSTCODE =
            java.util.regex.Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");

    public static void validatePostcode(FieldErrors errors, String field, String postcode) {
        if (postcode == null || postcode.isBlank()) {
            errors.reject(field, "is required");
        } else if (!POSTCODE.matcher(postcode.trim().toUpperCase()).matches()) {
            errors.reject(field, "must be a UK postcode such as NS1 4AB");
        }
    }

    public static String normalisePostcode(String postcode) {
        String p = postcode.trim().toUpperCase().replace(" ", "");
        return p.substring(0, p.length() - 3) + " " + p.substring(p.length() - 3);
    }

    public static void validateLocation(FieldErrors errors, Double latitude, Double longitude) {
        if (latitude == null) {
            errors.reject("latitude", "is required");
        } else if (!(latitude >= 49 && latitude <= 61)) {   // written so that NaN fails too
            errors.reject("latitude", "must be within the United Kingdom (49 to 61)");
        }
        if (longitude == null) {
            errors.reject("longitude", "is required");
        } else if (!(longitude >= -9 && longitude <= 2)) {
            errors.reject("longitude", "must be within the United Kingdom (-9 to 2)");
        }
    }
}
