package uk.gov.placements.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.DecisionRecord;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.notification.Notification;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.referral.search.ProviderReferral;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

/**
 * A referral's whole story in order: submitted, each decision (triage, more information, search rounds, restriction,
 * waiver, selection, approval) with who, when and why, each provider asked with its deadline and its answer or its
 * silence, the placement, its notifications and its plan; and what the referral is waiting on now: the open tasks with
 * who must act and by when, and the providers yet to answer. A provider's staff see only their own offer's part.
 */
@Service
public class ReferralTimeline {

    /** The audit record's kinds in words; any other is its code in lower case. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("TRIAGE", "Triage"), Map.entry("MORE_INFORMATION", "More information given"),
            Map.entry("CARER_REVIEW", "Current carer's review"), Map.entry("IN_HOUSE_REVIEW", "Council's own carers and homes reviewed"),
            Map.entry("SEARCH_RESTRICTION", "Search kept to the council's own provision"),
            Map.entry("EXTERNAL_SEARCH", "Independent providers searched"), Map.entry("SECOND_BEST_OFFERED", "Nearest alternatives offered"),
            Map.entry("PROCUREMENT_WAIVER", "Procurement waiver"), Map.entry("SELECTION", "Option chosen"), Map.entry("APPROVAL", "Approval"),
            Map.entry("APPROVER_ANSWERED", "Approver's question answered"), Map.entry("ESCALATION", "Approval escalated"),
            Map.entry("REQUIRED_BY_ALERT", "Required-by date passed"), Map.entry("OVERDUE_PLAN", "Placement plan overdue"),
            Map.entry("PLACEMENT_END", "Placement ended"), Map.entry("MISSING_EPISODE", "Missing or away"));

    /** One event: when (ISO and as people read it), what kind, what happened, who, and why. */
    public record Event(String at, String when, String kind, String what, String who, String why) {
    }

    /** Who must act next, and by when. */
    public record Waiting(String what, String who, String dueBy) {
    }

    public record Timeline(Long referralId, String reference, List<Event> events, List<Waiting> waitingOn) {
    }

    private final Decisions decisions;
    private final SearchService providerReferrals;
    private final PlacementService placements;
    private final Notifications notifications;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final SystemActions system;
    private final IdentityService identityService;

    public ReferralTimeline(Decisions decisions, SearchService providerReferrals, PlacementService placements,
                            Notifications notifications, RuntimeService runtimeService, TaskService taskService, SystemActions system,
                            IdentityService identityService) {
        this.decisions = decisions;
        this.providerReferrals = providerReferrals;
        this.placements = placements;
        this.notifications = notifications;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.system = system;
        this.identityService = identityService;
    }

    /** The council's whole timeline of the referral. */
    @Transactional(readOnly = true)
    public Timeline of(Referral r) {
        List<Event> events = new ArrayList<>();
        events.add(event(r.getCreatedAt(), "SUBMITTED", "Referral submitted (" + UkFormat.label(r.getUrgency()) + ", needed by "
                + UkFormat.date(r.getRequiredBy()) + ")", r.getCreatedBy(), null));
        // a provider's answer is told with its offer below, not again from the audit record
        for (DecisionRecord d : decisions.ofReferral(r.getId()).stream()
                .filter(d -> !"PROVIDER_RESPONSE".equals(d.getKind())).toList()) {
            events.add(event(d.getDecidedAt(), d.getKind(), label(d.getKind()) + (d.getOutcome() == null ? "" : ": " + UkFormat.outcome(d.getOutcome())),
                    d.getDecidedBy(), d.getReason()));
        }
        List<ProviderReferral> asked = providerReferrals.providerReferralsOf(r.getId());
        asked.forEach(pr -> events.addAll(providerEvents(pr)));
        if (r.getPlacementId() != null) {
            placements.find(r.getPlacementId()).ifPresent(p -> events.addAll(placementEvents(p)));
        }
        events.sort(Comparator.comparing(Event::at));
        List<Waiting> waiting = new ArrayList<>(openTasks(r));
        asked.stream().filter(pr -> pr.getStatus() == ProviderReferral.Status.SENT).forEach(pr -> waiting.add(new Waiting(
                "An answer to the referral", pr.getService().getProvider().getName(), when(pr.getDeadline()))));
        return new Timeline(r.getId(), r.getReference(), events, waiting);
    }

    /**
     * The timeline as this person may see it: the council's whole story for its own staff, a provider's own part for its
     * staff, and nothing (as for a referral that does not exist) for anyone else.
     */
    @Transactional(readOnly = true)
    public Optional<Timeline> visibleTo(Referral r, CurrentUser user) {
        if (user.canSeeCouncil(r.getCouncil())) {
            return Optional.of(of(r));
        }
        if (user.inGroup(Roles.PROVIDERS)) {
            Timeline theirs = forProvider(r, provider -> user.inGroup(Provider.groupOf(provider)));
            if (!theirs.events().isEmpty()) {
                return Optional.of(theirs);
            }
        }
        return Optional.empty();
    }

    /** What a provider's staff see: the referral sent to them, their answer or silence, and whether they are awaited. */
    @Transactional(readOnly = true)
    public Timeline forProvider(Referral r, Predicate<Long> ownProvider) {
        List<ProviderReferral> theirs = providerReferrals.providerReferralsOf(r.getId()).stream()
                .filter(pr -> ownProvider.test(pr.getProviderId())).toList();
        List<Event> events = new ArrayList<>();
        theirs.forEach(pr -> events.addAll(providerEvents(pr)));
        events.sort(Comparator.comparing(Event::at));
        List<Waiting> waiting = theirs.stream().filter(pr -> pr.getStatus() == ProviderReferral.Status.SENT)
                .map(pr -> new Waiting("Your answer to the referral", pr.getService().getProvider().getName(), when(pr.getDeadline()))).toList();
        return new Timeline(r.getId(), r.getReference(), events, waiting);
    }

    private List<Event> providerEvents(ProviderReferral pr) {
        String provider = pr.getService().getProvider().getName() + " (" + pr.getService().getName() + ")";
        List<Event> events = new ArrayList<>();
        events.add(event(pr.getSentAt(), "PROVIDER_ASKED", "Referral sent to " + provider + ", answer due " + when(pr.getDeadline()),
                null, null));
        switch (pr.getStatus()) {
            case OFFERED -> events.add(event(pr.getRespondedAt(), "OFFER", provider + " offered a place at " + money(pr.getWeeklyFee())
                    + " a week from " + (pr.getStartDate() == null ? "a date to agree" : UkFormat.date(pr.getStartDate())), pr.getRespondedBy(),
                    pr.getHowNeedsMet()));
            case DECLINED -> events.add(event(pr.getRespondedAt(), "DECLINE", provider + " declined", pr.getRespondedBy(),
                    UkFormat.declineReason(pr.getDeclineReason()) + (pr.getDeclineDetails() == null || pr.getDeclineDetails().isBlank() ? ""
                            : ": " + pr.getDeclineDetails())));
            case NO_RESPONSE -> events.add(event(pr.getDeadline(), "NO_RESPONSE", pr.getEmailFailure() == null
                    ? provider + " did not answer by the deadline" : provider + " was never reached: " + pr.getEmailFailure(), null, null));
            case SENT -> {
                // still awaited: shown in waitingOn
            }
        }
        return events;
    }

    private List<Event> placementEvents(Placement p) {
        List<Event> events = new ArrayList<>();
        events.add(event(p.getApprovedAt(), "PLACEMENT", "Placement recorded, starting " + UkFormat.date(p.getStartDate())
                + " (" + UkFormat.label(p.getStatus()).toLowerCase(Locale.UK) + ")", p.getApprovedBy(), p.getApprovalReason()));
        for (Notification n : notifications.of(p.getId())) {
            if (n.getSentAt() != null) {
                events.add(event(n.getSentAt(), "NOTIFICATION", (n.getChannel() == Notification.Channel.EMAIL ? "E-mailed " : "Letter posted to ")
                        + n.getRecipient(), n.getSentBy(), null));
            }
        }
        if (p.getPlanWrittenAt() != null) {
            events.add(event(p.getPlanWrittenAt(), "PLAN", "Placement plan written", null, null));
        }
        return events;
    }

    /** The open tasks of the referral and of its searches: what, who (the person holding it, or the groups), and when due. */
    private List<Waiting> openTasks(Referral r) {
        return r.getProcessInstanceId() == null ? List.of() : openTasks(List.of(r.getProcessInstanceId()));
    }

    /**
     * The open tasks of these process instances and the instances they called, soonest due first: what each asks, who
     * must act (the person holding it, or the groups that may, by the names people know them by) and by when.
     */
    public List<Waiting> openTasks(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return system.run(() -> {
            List<String> instances = new ArrayList<>(processInstanceIds);
            for (String id : processInstanceIds) {
                runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().stream().map(ProcessInstance::getId)
                        .forEach(instances::add);
            }
            List<Waiting> waiting = new ArrayList<>();
            for (Task t : taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).orderByDueDate().asc().list()) {
                String who = t.getAssignee() != null ? t.getAssignee() : String.join(" or ", taskService.getIdentityLinksForTask(t.getId()).stream()
                        .filter(l -> l.getGroupId() != null).map(l -> groupName(l.getGroupId())).toList());
                waiting.add(new Waiting(t.getName(), who, t.getDueDate() == null ? null : when(t.getDueDate().toInstant())));
            }
            return waiting;
        });
    }

    private String groupName(String groupId) {
        String name = Roles.name(groupId);
        if (name != null) {
            return name;
        }
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null ? groupId : group.getName();
    }

    private static Event event(Instant at, String kind, String what, String who, String why) {
        Instant instant = at == null ? Instant.EPOCH : at;
        return new Event(instant.toString(), at == null ? null : when(at), kind, what, who, why);
    }

    static String when(Instant at) {
        return at == null ? null : UkFormat.dateTime(at);
    }

    static String money(BigDecimal amount) {
        return amount == null ? "an amount to agree" : UkFormat.money(amount);
    }

    /** The plain name of a kind of decision or event ("APPROVAL" → "Approval"). */
    public static String label(String kind) {
        return LABELS.getOrDefault(kind, kind.charAt(0) + kind.substring(1).toLowerCase().replace('_', ' '));
    }
}
