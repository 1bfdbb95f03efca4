package uk.gov.placements.child;

import java.util.Collection;
import java.util.Optional;
import uk.gov.placements.common.ModuleListener;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.LegalStatus;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.Postcodes;
import uk.gov.placements.common.Ssda903;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

@Service
public class ChildService {
    static final int MAX_AGE = 25;

    private static final Pattern POSTCODE =
            Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");
    private final ChildRepository children;
    private final IdentityService identityService;
    private final SystemActions system;
    private final ApplicationEventPublisher events;
    private final TaskService taskService;
    private final ChildStatusRepository statuses;
    private final Decisions decisions;
    private final Postcodes postcodes;
    private final Clock clock;

    public ChildService(ChildRepository children, IdentityService identityService, SystemActions system, ApplicationEventPublisher events,
                        TaskService taskService, ChildStatusRepository statuses, Decisions decisions, Postcodes postcodes, Clock clock) {
        this.postcodes = postcodes;
        this.decisions = decisions;
        this.statuses = statuses;
        this.taskService = taskService;
        this.identityService = identityService;
        this.system = system;
        this.events = events;
        this.children = children;
        this.clock = clock;
    }

    public record NewChild(String firstName, String lastName, LocalDate dateOfBirth, String gender, String council,
                           String postcode, Double latitude, Double longitude, String legalStatus, String categoryOfNeed,
                           String ethnicity, String upn) {
        public NewChild(String firstName, String lastName, LocalDate dateOfBirth, String gender, String council, String postcode,
                        Double latitude, Double longitude, String legalStatus, String categoryOfNeed) {
            this(firstName, lastName, dateOfBirth, gender, council, postcode, latitude, longitude, legalStatus, categoryOfNeed, null, null);
        }

        public NewChild(String firstName, String lastName, LocalDate dateOfBirth, String gender, String council, String postcode,
                        Double latitude, Double longitude, String legalStatus) {
            this(firstName, lastName, dateOfBirth, gender, council, postcode, latitude, longitude, legalStatus, null);
        }
    }


    /**
     * Validates every field (reporting each bad one) and saves the child in the given council. A child given a postcode
     * and no coordinates is placed at the centre of the postcode's district.
     */
    @Transactional
    public Child register(NewChild c, String council) {
        FieldErrors errors = new FieldErrors();
        if (c.latitude() == null && c.longitude() == null) {
            Postcodes.Centroid at = postcodes.locate(errors, "postcode", c.postcode()).orElse(null);
            if (at != null) {
                c = new NewChild(c.firstName(), c.lastName(), c.dateOfBirth(), c.gender(), c.council(), c.postcode(), at.latitude(),
                        at.longitude(), c.legalStatus(), c.categoryOfNeed(), c.ethnicity(), c.upn());
            }
        }
        requireText(errors, "firstName", c.firstName(), 100);
        requireText(errors, "lastName", c.lastName(), 100);
        String sex = sex(errors, c.gender());
        if (c.dateOfBirth() == null) {
            errors.reject("dateOfBirth", "is required");
        } else if (c.dateOfBirth().isAfter(UkTime.today(clock))) {
            errors.reject("dateOfBirth", "must not be in the future");
        } else if (c.dateOfBirth().isBefore(UkTime.today(clock).minusYears(MAX_AGE))) {
            errors.reject("dateOfBirth", "is too long ago for a child in care (age out of range)");
        }
        validatePostcode(errors, "postcode", c.postcode());
        if (c.latitude() != null || c.longitude() != null || !errors.asMap().containsKey("postcode")) {
            // a child given neither is placed by the postcode, whose fault alone is then named
            validateLocation(errors, c.latitude(), c.longitude());
        }
        LegalStatus status = FieldErrors.parseEnum(LegalStatus.class, c.legalStatus(), "legalStatus", errors);
        String cin = categoryOfNeed(errors, c.categoryOfNeed());
        String ethnicity = code(errors, "ethnicity", c.ethnicity(), Ssda903.ETHNICITIES, "an SSDA903 ethnicity code such as WBRI");
        String upn = upn(errors, c.upn());
        errors.throwIfAny();
        Child child = new Child(council, c.firstName().trim(), c.lastName().trim(), c.dateOfBirth(), sex,
                normalisePostcode(c.postcode()), c.latitude(), c.longitude(), status, clock.instant()).categoryOfNeed(cin);
        child.ssda903(ethnicity, upn, false, null, null, null);
        // the social worker who registers a child is the child's social worker until a team manager allocates another;
        // the IRO is appointed by the team manager
        var auth = identityService.getCurrentAuthentication();
        if (auth != null && auth.getGroupIds() != null && auth.getGroupIds().contains(Roles.SOCIAL_WORKERS)) {
            child.allocate(auth.getUserId(), null);
        }
        Child saved = children.save(child);
        // the status given at registration stands for the child's care until a change is recorded from a later day (dated
        // from birth, so that a change recorded later from an earlier day than registration still takes effect)
        statuses.save(new ChildStatus(saved.getId(), saved.getDateOfBirth(), status, cin, decisions.actor(), clock.instant()));
        return saved;
    }

    /**
     * Sex as a code: MALE or FEMALE (the 903's 1 and 2, also taken as M, F, 1 and 2), or OTHER or NOT_STATED, which the
     * 903 cannot report (its header then shows the sex missing, as it is). Free text is refused.
     */
    static String sex(FieldErrors errors, String gender) {
        String g = gender == null ? "" : gender.trim().toUpperCase();
        return switch (g) {
            case "M", "MALE", "1" -> "MALE";
            case "F", "FEMALE", "2" -> "FEMALE";
            case "OTHER", "NOT_STATED" -> g;
            default -> {
                errors.reject("gender", g.isEmpty() ? "is required: FEMALE, MALE, OTHER or NOT_STATED"
                        : "must be FEMALE, MALE, OTHER or NOT_STATED (the SSDA903 records sex as 1 male or 2 female)");
                yield null;
            }
        };
    }

    static String categoryOfNeed(FieldErrors errors, String cin) {
        return code(errors, "categoryOfNeed", cin, Ssda903.CATEGORIES_OF_NEED, "an SSDA903 CIN code, N1 to N8");
    }

    /** An optional code of one of the DfE's lists; blank is none. */
    static String code(FieldErrors errors, String field, String value, Set<String> codes, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toUpperCase();
        if (!codes.contains(v)) {
            errors.reject(field, "must be " + what);
            return null;
        }
        return v;
    }

    static String upn(FieldErrors errors, String upn) {
        if (upn == null || upn.isBlank()) {
            return null;
        }
        String v = upn.trim().toUpperCase();
        if (!Ssda903.UPN.matcher(v).matches()) {
            errors.reject("upn", "must be a unique pupil number (13 characters: a letter, 11 digits and a digit or letter) or UN1 to UN10");
            return null;
        }
        return v;
    }

    /** A change of legal status or category of need from a day (not in the future, not before the child's birth). */
    public record StatusChange(String legalStatus, String categoryOfNeed, LocalDate from) {
    }

    @Transactional
    public Child changeStatus(Long childId, StatusChange change) {
        Child child = get(childId);
        FieldErrors errors = new FieldErrors();
        LegalStatus status = FieldErrors.parseEnum(LegalStatus.class, change.legalStatus(), "legalStatus", errors);
        String cin = categoryOfNeed(errors, change.categoryOfNeed());
        if (change.categoryOfNeed() == null || change.categoryOfNeed().isBlank()) {
            errors.reject("categoryOfNeed", "is required: an SSDA903 CIN code, N1 to N8");
        }
        if (change.from() == null) {
            errors.reject("from", "is required: the day the legal status or category of need changed");
        } else if (change.from().isAfter(UkTime.today(clock))) {
            errors.reject("from", "must not be in the future");
        } else if (change.from().isBefore(child.getDateOfBirth())) {
            errors.reject("from", "must not be before the child's date of birth");
        }
        errors.throwIfAny();
        statuses.save(new ChildStatus(childId, change.from(), status, cin, decisions.actor(), clock.instant()));
        // the child's current values are those of the latest day recorded
        ChildStatus latest = statuses.findByChildIdOrderByFromDateAscIdAsc(childId).stream().reduce((a, b) -> b).orElseThrow();
        child.status(latest.getLegalStatus(), latest.getCategoryOfNeed());
        return child;
    }

    /** The child's details the SSDA903 header and UASC tables report. */
    public record Ssda903Details(String ethnicity, String upn, Boolean uasc, LocalDate uascCeased, Boolean mother, LocalDate motherChildDob) {
    }

    @Transactional
    public Child recordSsda903(Long childId, Ssda903Details d) {
        Child child = get(childId);
        FieldErrors errors = new FieldErrors();
        String ethnicity = code(errors, "ethnicity", d.ethnicity(), Ssda903.ETHNICITIES, "an SSDA903 ethnicity code such as WBRI");
        String upn = upn(errors, d.upn());
        boolean uasc = Boolean.TRUE.equals(d.uasc());
        if (d.uascCeased() != null && !uasc) {
            errors.reject("uascCeased", "is only for a child who was an unaccompanied asylum-seeker (uasc true)");
        } else if (d.uascCeased() != null && (d.uascCeased().isAfter(UkTime.today(clock)) || d.uascCeased().isBefore(child.getDateOfBirth()))) {
            errors.reject("uascCeased", "must be a day between the child's birth and today");
        }
        boolean female = "FEMALE".equals(child.getGender());
        if (d.mother() != null && !female) {
            errors.reject("mother", "is recorded for girls only");
        }
        if (d.motherChildDob() != null && !Boolean.TRUE.equals(d.mother())) {
            errors.reject("motherChildDob", "is only for a child who is a mother (mother true)");
        } else if (d.motherChildDob() != null && (d.motherChildDob().isAfter(UkTime.today(clock)) || !d.motherChildDob().isAfter(child.getDateOfBirth()))) {
            errors.reject("motherChildDob", "must be a day after the child's own birth and not in the future");
        }
        errors.throwIfAny();
        child.ssda903(ethnicity, upn, uasc, d.uascCeased(), female ? d.mother() : null, d.motherChildDob());
        return child;
    }

    /** The demo's children, made without a person: their category of need, ethnicity and status from their first placement. */
    @Transactional
    public void demoSsda903(Child child, String cin, String ethnicity, LocalDate lookedAfterFrom) {
        child.categoryOfNeed(cin);
        child.ssda903(ethnicity, null, false, null, null, null);
        children.save(child);
        statuses.save(new ChildStatus(child.getId(), lookedAfterFrom, child.getLegalStatus(), cin, "demo", clock.instant()));
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

    /** A worker's load: the children allocated to them and the open tasks they hold. */
    public record CaseloadRow(String role, String worker, long children, long openTasks) {
    }

    /**
     * Per allocated worker of the councils: their role, the children in care allocated to them and the open tasks they
     * hold (counted as the application: a manager need not see each task to see the load); and the children in care
     * with no social worker yet.
     */
    @Transactional(readOnly = true)
    public List<CaseloadRow> caseload(Set<String> councils) {
        Map<List<String>, Long> byWorker = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        long unallocated = 0;
        for (String council : councils) {
            for (Child c : children.findByCouncilOrderByLastNameAsc(council)) {
                if (c.getLookedAfterSince() == null || c.getLookedAfterSince().isAfter(UkTime.today(clock))) {
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
        List<CaseloadRow> rows = new ArrayList<>();
        byWorker.forEach((key, count) -> rows.add(new CaseloadRow(key.get(0), key.get(1), count,
                system.run(() -> taskService.createTaskQuery().taskAssignee(key.get(1)).count()))));
        rows.add(new CaseloadRow("social worker", "(none allocated)", unallocated, 0L));
        return rows;
    }

    @ModuleListener
    public void on(ChildLeftCare left) {
        get(left.childId()).leftCare();
    }

    /** The child's first placement dates their being looked after; a later one changes nothing. */
    @Transactional
    public void becameLookedAfter(Long childId, LocalDate date) {
        get(childId).becameLookedAfter(date);
    }

    public Child get(Long id) {
        return NotFoundException.findOrThrow(children, "Child", id);
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

    /** The child with the id, if there is one (the caller decides what a missing or unseen child means). */
    @Transactional(readOnly = true)
    public Optional<Child> find(Long id) {
        return children.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Child> withIds(Collection<Long> ids) {
        return children.findAllById(ids);
    }

    /** The children of the councils allocated to the social worker, by name. */
    @Transactional(readOnly = true)
    public List<Child> allocatedTo(String socialWorker, Collection<String> councils) {
        return children.findByAllocatedSocialWorkerAndCouncilInOrderByLastNameAscFirstNameAscIdAsc(socialWorker, councils);
    }

    @Transactional(readOnly = true)
    public List<Child> ofCouncil(String council) {
        return children.findByCouncilOrderByLastNameAsc(council);
    }

    /** The status histories of the children, oldest first per child. */
    @Transactional(readOnly = true)
    public List<ChildStatus> statusHistories(Collection<Long> childIds) {
        return statuses.findByChildIdInOrderByFromDateAscIdAsc(childIds);
    }

    /** The demo's children, made without a person. */
    @Transactional
    public Child saveDemo(Child child) {
        return children.save(child);
    }
}
