package uk.gov.placements.referral.search;

import uk.gov.placements.common.UkTime;

import uk.gov.placements.notification.Recipient;

import uk.gov.placements.common.UkFormat;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.ForbiddenException;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.notification.Notification;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderReachability;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;
import org.camunda.bpm.engine.IdentityService;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.provider.ServiceMatcher;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;

/**
 * The external search: the referral goes only to accredited, unsuspended, not-inadequate
 * providers with a service that matches the child (type, age, vacancies, every essential need,
 * distance) — one referral per provider, for its best-placed matching service — with a deadline
 * from decision responseDeadline. Answers and silences are recorded against the referral.
 * Also the bean the BPMN's multi-instance and timer expressions call, by the name they have always used
 * ({@code providerReferrals}): running instances of every deployed version of placementSearch resolve it by that name.
 */
@Service("providerReferrals")
public class ProviderReferralService {
    /** The reasons a provider may decline, each with the words people read for it. */
    public static final Set<String> DECLINE_REASONS = UkFormat.DECLINE_REASONS.keySet();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The audit line names the nearest providers; a national search can ask hundreds, each kept as a provider referral. */
    static final int NAMED_IN_DECISION = 20;

    private final ProviderReferralRepository sent;
    private final ReferralService referrals;
    private final PlacementOptionRepository options;
    private final SearchService search;
    private final ServiceMatcher matcher;
    private final WorkingDays workingDays;
    private final Decisions decisions;
    private final NotificationSender sender;
    private final Notifications notifications;
    private final ProviderReachability reachability;
    private final IdentityService identityService;
    private final SystemActions system;
    private final Clock clock;

    public ProviderReferralService(ProviderReferralRepository sent, ReferralService referrals, PlacementOptionRepository options,
                             SearchService search, ServiceMatcher matcher, WorkingDays workingDays, Decisions decisions,
                             NotificationSender sender, Notifications notifications,
                             ProviderReachability reachability, IdentityService identityService, SystemActions system, Clock clock) {
        this.sender = sender;
        this.notifications = notifications;
        this.sent = sent;
        this.referrals = referrals;
        this.options = options;
        this.search = search;
        this.matcher = matcher;
        this.workingDays = workingDays;
        this.decisions = decisions;
        this.reachability = reachability;
        this.identityService = identityService;
        this.system = system;
        this.clock = clock;
    }

    /**
     * Sends the referral to every matching provider that can answer it; the deadline is the DMN's duration, whole days
     * counted as working days. A provider whose staff sign in gets a task; one reached only at its referral address is
     * e-mailed, and its answer is entered by the placements team; one reached neither way is left out, and the search's
     * record names it. Nothing is e-mailed here: the referrals commit first, and each e-mail goes in its own step
     * ({@link #emailReferral}), so one address the mail server refuses cannot hold back or undo the others.
     */
    @Transactional
    public List<ProviderReferral> send(Long referralId, String responseDeadline) {
        Referral r = referral(referralId);
        Instant now = clock.instant();
        Instant deadline = deadline(now, responseDeadline);
        Long currentService = search.currentServiceId(r);
        Map<Long, ServiceMatcher.Match> bestPerProvider = new LinkedHashMap<>();
        matcher.independent(SearchService.criteria(r, UkTime.day(now))).stream()
                .filter(m -> !m.service().getId().equals(currentService))
                .forEach(m -> bestPerProvider.putIfAbsent(m.service().getProvider().getId(), m));   // nearest first
        List<ProviderReferral> created = new ArrayList<>();
        List<String> byEmail = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (ServiceMatcher.Match m : bestPerProvider.values()) {
            Provider provider = m.service().getProvider();
            switch (reachability.way(provider)) {
                case STAFF -> created.add(new ProviderReferral(referralId, m.service(), m.distanceMiles(), now, deadline));
                case EMAIL -> {
                    created.add(new ProviderReferral(referralId, m.service(), m.distanceMiles(), now, deadline).byEmail());
                    byEmail.add(provider.getName());
                }
                case NONE -> unreachable.add(provider.getName());
            }
        }
        decisions.record(referralId, null, "EXTERNAL_SEARCH", "SENT TO " + created.size() + " PROVIDERS",
                "Deadline " + responseDeadline + ": " + created.stream().limit(NAMED_IN_DECISION)
                        .map(pr -> pr.getService().getProvider().getName()).collect(Collectors.joining(", "))
                        + (created.size() > NAMED_IN_DECISION ? " and " + (created.size() - NAMED_IN_DECISION) + " more (every one is in the "
                        + "referral's provider referrals)" : "")
                        + (byEmail.isEmpty() ? "" : ". To be e-mailed (each provider referral records when the mail server took it),"
                        + " answered through the placements team: " + String.join(", ", byEmail))
                        + (unreachable.isEmpty() ? "" : ". Not sent, as nobody can receive it (no member of staff signs in and no referral"
                        + " e-mail address can be used): " + String.join(", ", unreachable)), null);
        return sent.saveAll(created);
    }

    /** Whether the provider referral goes by e-mail: the BPMN e-mails it (Task_EmailReferral) before its answering task. */
    public boolean byEmail(Long providerReferralId) {
        return get(providerReferralId).isByEmail();
    }

    /**
     * Task_EmailReferral, one job per e-mailed provider referral, through the notification outbox: e-mailed once (a
     * retry after the mail server took it sends nothing again), recorded e-mailed only once the server took it. An address
     * refused for good is recorded against this provider referral, with the reason, for its answering task to show, and the
     * search goes on; the mail server unreachable throws, so this step alone retries and then raises an incident.
     */
    @Transactional
    public void emailReferral(Long providerReferralId) {
        ProviderReferral pr = get(providerReferralId);
        if (!pr.isByEmail() || pr.getEmailedAt() != null || pr.getEmailFailure() != null) {
            return;
        }
        Referral r = referral(pr.getReferralId());
        String address = pr.getService().getProvider().getReferralEmail();
        String council = system.run(() -> Optional.ofNullable(identityService.createTenantQuery().tenantId(r.getCouncil()).singleResult())
                .map(t -> t.getName() == null ? t.getId() : t.getName()).orElse(r.getCouncil()));
        String replyTo = system.run(() -> identityService.createUserQuery().memberOfGroup(Roles.PLACEMENTS_TEAM).memberOfTenant(r.getCouncil())
                .list().stream().map(u -> u.getEmail()).filter(e -> e != null && !e.isBlank()).sorted().collect(Collectors.joining(", ")));
        Notification n = notifications.emailOnce(pr.getProviderId(), "Referral address of " + pr.getService().getProvider().getName(),
                address, "Placement referral " + r.getReference() + " from " + council + ": please answer by "
                + UkFormat.dateTime(pr.getDeadline()), ReferralForProvider.email(r, pr, UkTime.today(clock), council,
                replyTo.isEmpty() ? "the address this e-mail came from" : replyTo), pr.getDeadline().atZone(LONDON).toLocalDate());
        if (n.getStatus() == Notification.Status.SENT) {
            pr.emailed(address, n.getSentAt());
        } else {
            pr.notDelivered(address, n.getFailure());
            decisions.record(r.getId(), null, "PROVIDER_REFERRAL", "NOT DELIVERED to provider " + pr.getProviderId(),
                    n.getFailure() + ". The referral stands; the placements team's task to answer for "
                    + pr.getService().getProvider().getName() + " says so", null);
        }
    }

    Instant deadline(Instant from, String isoDuration) {
        if (isoDuration.startsWith("PT")) {
            return from.plus(Duration.parse(isoDuration));
        }
        Period period = Period.parse(isoDuration);
        ZonedDateTime start = from.atZone(LONDON);
        LocalDate day = workingDays.plus(start.toLocalDate(), period.getDays());
        return day.atTime(start.toLocalTime()).atZone(LONDON).toInstant();
    }

    // ---- called from BPMN expressions

    /** The collection of the multi-instance: every provider referral still awaiting an answer. */
    public List<Long> awaiting(Long referralId) {
        return sent.findByReferralIdAndStatusOrderByIdAsc(referralId, ProviderReferral.Status.SENT).stream()
                .map(ProviderReferral::getId).toList();
    }

    /** The provider's staff; for a referral that went by e-mail, the referring council's placements team, who enter its answer. */
    public String candidateGroup(Long providerReferralId) {
        ProviderReferral pr = get(providerReferralId);
        return pr.isByEmail() ? Roles.PLACEMENTS_TEAM : Provider.groupOf(pr.getProviderId());
    }

    public String deadlineIso(Long providerReferralId) {
        return get(providerReferralId).getDeadline().toString();
    }

    // ---- answers

    public record Answer(String response, BigDecimal weeklyFee, LocalDate startDate, String namedCarer, String howNeedsMet,
                         String declineReason, String declineDetails) {
    }

    /**
     * The answer given on the provider's task. Only the task's own group answers it (the provider's staff, or for an
     * e-mailed referral the referring council's placements team), or an administrator. The form is read only then, so its
     * own errors are told only to someone allowed to answer.
     */
    @Transactional
    public ProviderReferral answerTask(Long referralId, Long providerReferralId, Supplier<Answer> form, String taskId) {
        ProviderReferral pr = get(providerReferralId);
        if (!pr.getReferralId().equals(referralId)) {
            throw new IllegalStateException("Provider referral " + providerReferralId + " is not of referral " + referralId);
        }
        var auth = identityService.getCurrentAuthentication();
        String group = candidateGroup(providerReferralId);
        boolean admin = auth != null && auth.getGroupIds() != null && auth.getGroupIds().contains(Roles.ADMIN);
        if (auth != null && auth.getGroupIds() != null && !admin && (!auth.getGroupIds().contains(group)
                || pr.isByEmail() && (auth.getTenantIds() == null || !auth.getTenantIds().contains(referral(referralId).getCouncil())))) {
            throw new ForbiddenException(pr.isByEmail() ? "Only the referring council's placements team may record an answer the provider gave by e-mail"
                    : "Only staff of the provider this referral was sent to may answer it");
        }
        return answer(providerReferralId, form.get(), decisions.actor(), taskId);
    }

    /** An offer or a decline from the provider; invalid answers are refused and nothing changes. */
    @Transactional
    public ProviderReferral answer(Long providerReferralId, Answer a, String userId, String taskId) {
        ProviderReferral pr = get(providerReferralId);
        Referral r = referral(pr.getReferralId());
        if (pr.getStatus() != ProviderReferral.Status.SENT) {
            throw InvalidInputException.of("response", "was already given (" + UkFormat.label(pr.getStatus()).toLowerCase(Locale.UK) + ")");
        }
        FieldErrors errors = new FieldErrors();
        if ("OFFER".equals(a.response())) {
            LocalDate today = UkTime.today(clock);
            if (a.weeklyFee() == null) {
                errors.reject("weeklyFee", "is required for an offer");
            } else if (a.weeklyFee().signum() <= 0) {
                errors.reject("weeklyFee", "must be more than zero");
            } else if (a.weeklyFee().compareTo(new BigDecimal("100000")) > 0) {
                errors.reject("weeklyFee", "must be at most 100000");
            }
            if (a.startDate() == null) {
                errors.reject("startDate", "is required for an offer");
            } else if (a.startDate().isBefore(today)) {
                errors.reject("startDate", "must not be before today");
            } else if (a.startDate().isAfter(r.getRequiredBy())) {
                errors.reject("startDate", "must be on or before the required-by date " + UkFormat.date(r.getRequiredBy()));
            }
            if (a.namedCarer() == null || a.namedCarer().isBlank()) {
                errors.reject("namedCarerOrHome", "is required: the home or carer offered");
            }
            if (!r.getNeeds().isEmpty() && (a.howNeedsMet() == null || a.howNeedsMet().isBlank())) {
                errors.reject("howNeedsMet", "is required: how the placement meets each of the child's needs");
            }
            errors.throwIfAny();
            Set<NeedCode> wanted = EnumSet.noneOf(NeedCode.class);
            r.getNeeds().forEach(n -> wanted.add(n.getCode()));
            Set<NeedCode> met = EnumSet.noneOf(NeedCode.class);
            Set<NeedCode> unmet = EnumSet.noneOf(NeedCode.class);
            wanted.forEach(n -> (pr.getService().getSpecialisms().contains(n) ? met : unmet).add(n));
            PlacementOption option = options.save(PlacementOption.offer(r.getId(), pr.getService(), pr.getDistanceMiles(), met, unmet,
                    a.weeklyFee(), a.startDate(), a.namedCarer().trim(), pr.getId()).inRound(r.getSearchRound()));
            if (!ServiceMatcher.homeRegistrationAllowsReferrals(pr.getService())) {
                // the offer is the provider's record, and kept; the home was judged inadequate after it was asked
                option.markSuitability(false, InadequateHomes.reason(pr.getService()));
            }
            pr.offered(userId, clock.instant(), a.weeklyFee(), a.startDate(), a.namedCarer().trim(), a.howNeedsMet(), option.getId());
            decisions.record(r.getId(), null, "PROVIDER_RESPONSE", "OFFER from provider " + pr.getProviderId(),
                    UkFormat.money(a.weeklyFee()) + " a week from " + UkFormat.date(a.startDate()) + ", " + a.namedCarer() + onBehalf(pr), taskId);
        } else if ("DECLINE".equals(a.response())) {
            if (a.declineReason() == null || a.declineReason().isBlank()) {
                errors.reject("declineReason", "is required to decline");
            } else if (!DECLINE_REASONS.contains(a.declineReason())) {
                errors.reject("declineReason", "must be one of " + DECLINE_REASONS);
            }
            errors.throwIfAny();
            pr.declined(userId, clock.instant(), a.declineReason(), a.declineDetails());
            decisions.record(r.getId(), null, "PROVIDER_RESPONSE", "DECLINE from provider " + pr.getProviderId(),
                    UkFormat.declineReason(a.declineReason()) + (a.declineDetails() == null ? "" : ": " + a.declineDetails()) + onBehalf(pr), taskId);
        } else {
            throw InvalidInputException.of("response", "must be OFFER or DECLINE");
        }
        return pr;
    }

    /** An answer the provider gave by e-mail is recorded as entered by the placements team member, for the provider. */
    private String onBehalf(ProviderReferral pr) {
        return pr.isByEmail() ? " (answered by e-mail; entered on the provider's behalf by " + decisions.actor() + ")" : "";
    }

    @Transactional
    public void recordNoResponse(Long providerReferralId) {
        ProviderReferral pr = get(providerReferralId);
        if (pr.getStatus() == ProviderReferral.Status.SENT) {
            pr.noResponse(clock.instant());
            // a referral the mail server refused never reached the provider: its silence is not the provider's
            String notReached = pr.getEmailFailure() == null ? "" : "; the referral never reached the provider (" + pr.getEmailFailure() + ")";
            decisions.record(pr.getReferralId(), null, "PROVIDER_RESPONSE", "NO_RESPONSE from provider " + pr.getProviderId(),
                    "No answer by " + UkFormat.dateTime(pr.getDeadline()) + notReached, null);
            Referral r = referral(pr.getReferralId());
            sender.send(Recipient.group(Roles.PLACEMENTS_TEAM, r.getCouncil()),
                    "No answer from " + pr.getService().getProvider().getName(),
                    (notReached.isEmpty() ? "The provider did not answer referral " : "No answer was recorded to referral ") + r.getReference()
                            + " by its deadline " + UkFormat.dateTime(pr.getDeadline()) + notReached + ".");
        }
    }

    public ProviderReferral get(Long id) {
        return NotFoundException.findOrThrow(sent, "Provider referral", id);
    }

    private Referral referral(Long id) {
        return referrals.get(id);
    }
}
