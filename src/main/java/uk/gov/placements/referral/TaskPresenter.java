package uk.gov.placements.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.gov.placements.audit.DecisionRecord;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.provider.MonitoringRating;
import uk.gov.placements.provider.MonitoringRatings;
import uk.gov.placements.provider.ProviderKind;
import uk.gov.placements.provider.Vacancies;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.ProviderReferral;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.tasks.TaskDisplay;
import uk.gov.placements.tasks.TaskView;

/**
 * What a person sees on a task: a name with its context ("Approve placement — REF-0042, A.B., 14,
 * £4,200.00 a week"), a priority from urgency so emergencies sort first, a due date, and task-local
 * variables the form displays. Task-local display values vanish from the runtime with the task;
 * the business data stays in its tables.
 */
@Component
public class TaskPresenter {
    public static final String SUMMARY = "referralSummary";
    public static final String OPTIONS = "options";
    public static final String OPTION_CHOICES = "optionChoices";
    public static final String OPTIONS_EXPLAINED = "optionsExplained";
    public static final String TOP_OPTION_ID = "topOptionId";
    public static final String PROVIDER_ANSWERS = "providerAnswers";
    /** What is overdue (an approval escalated, a required-by date passed) goes above every emergency. */
    public static final int OVERDUE_PRIORITY = 100;
    private final SearchService search;
    private final Decisions decisionRecords;
    private final MonitoringRatings monitoringRatings;
    private final TaskDisplay display;
    private final Clock clock;

    public TaskPresenter(SearchService search, Decisions decisionRecords,
                         MonitoringRatings monitoringRatings, TaskDisplay display, Clock clock) {
        this.clock = clock;
        this.search = search;
        this.decisionRecords = decisionRecords;
        this.monitoringRatings = monitoringRatings;
        this.display = display;
    }

    /** Where a form's display values are kept (never in Camunda's variables). */
    public TaskDisplay display() {
        return display;
    }

    public TaskView present(String taskId, Referral r, String action, String extra) {
        String context = r.getReference() + ", " + r.getChild().initials() + ", " + r.childAge(UkTime.today(clock)) + (extra == null ? "" : ", " + extra);
        display.show(taskId, SUMMARY, summary(r, UkTime.today(clock)));
        return TaskView.named(action + " — " + context).priority(priority(r.getUrgency()));
    }

    /** Emergencies sort first in every queue. */
    public static int priority(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> 90;
            case URGENT -> 70;
            case PLANNED -> 50;
        };
    }

    /** Due in the given hours, or sooner for an emergency (2 hours at most) or an urgent referral (12). */
    public TaskView dueIn(TaskView view, Referral r, long hours) {
        return dueIn(view, switch (r.getUrgency()) {
            case EMERGENCY -> Math.min(hours, 2);
            case URGENT -> Math.min(hours, 12);
            case PLANNED -> hours;
        });
    }

    /** Due in the given hours, with a follow-up halfway: when a person should look again. */
    public TaskView dueIn(TaskView view, long hours) {
        long now = clock.instant().toEpochMilli();
        return view.due(new Date(now + hours * 3600_000L)).followUp(new Date(now + hours * 1800_000L));
    }

    static String summary(Referral r, LocalDate today) {
        StringBuilder s = new StringBuilder();
        s.append("**").append(r.getReference()).append("** · ").append(r.getChild().initials()).append(", age ").append(r.childAge(today))
                .append(" · ").append(UkFormat.label(r.getUrgency())).append(" · needed by ").append(UkFormat.date(r.getRequiredBy()))
                .append(" · ").append(UkFormat.label(r.getPlacementType())).append(" for ").append(r.getPlannedWeeks()).append(" weeks")
                .append(" · within ").append(r.getMaxDistanceMiles()).append(" miles of home\n\n");
        appendNeedsAndRisks(s, r, true);
        appendIf(s, "Current carer's review", r.getCarerReview());
        appendIf(s, "Search restricted to in-house because", r.getRestrictionReason());
        s.append("\n\nCompleted by ").append(r.getCompletedBy()).append(r.isKnowsChild() ? " (knows the child)" : " (does not know the child)");
        return s.toString();
    }

    /**
     * What every summary of a referral says of the child: needs, siblings, the risks, education and health, and the
     * child's views where the reader may see them (a provider may not).
     */
    public static void appendNeedsAndRisks(StringBuilder s, Referral r, boolean withChildViews) {
        s.append("Needs: ").append(needs(r));
        if (r.getSiblings() > 0) {
            s.append("\n\nSiblings: ").append(r.getSiblings()).append(r.isSiblingsTogether() ? ", to be placed together" : "");
        }
        if (withChildViews) {
            appendIf(s, "Child's views", r.getChildViews());
        }
        appendIf(s, "Risks to the child", r.getRisksToChild());
        appendIf(s, "Risks from the child", r.getRisksFromChild());
        appendIf(s, "Education", r.getEducation());
        appendIf(s, "Health", r.getHealth());
    }

    /** The referral's needs in words, each essential or desirable. */
    public static String needs(Referral r) {
        return r.getNeeds().isEmpty() ? "none listed" : r.getNeeds().stream()
                .map(n -> n.getCode().label() + (n.isEssential() ? " (essential)" : " (desirable)")).collect(Collectors.joining(", "));
    }

    /** A labelled paragraph, left out when there is nothing to say. */
    public static void appendIf(StringBuilder s, String label, String value) {
        if (value != null && !value.isBlank()) {
            s.append("\n\n").append(label).append(": ").append(value);
        }
    }

    /**
     * The options of a referral for the form's table, its radio group and the text below it. The table keeps to the
     * short facts that fit a 1,366-pixel screen (rank, home, miles, fee, Ofsted, and the monitoring rating the ranking
     * uses, which for the council's own provision, never contract-monitored, says In-house); the long ones (the
     * provider, needs met and not, the offer and how it meets the needs, why it ranks there) are told under it.
     * {@value #TOP_OPTION_ID} names the top-ranked option, so the form can ask a reason for any other choice.
     */
    public void showOptions(String taskId, Long referralId, boolean rankedOnly) {
        showOptions(taskId, referralId, rankedOnly, search.providerReferralsOf(referralId));
    }

    /** The ranked options and the answers of the providers asked this round, from one read of the referral's provider referrals. */
    public void showRankedOptionsAndAnswers(String taskId, Referral r) {
        List<ProviderReferral> providerReferrals = search.providerReferralsOf(r.getId());
        showOptions(taskId, r.getId(), true, providerReferrals);
        showProviderAnswers(taskId, r, providerReferrals);
    }

    private void showOptions(String taskId, Long referralId, boolean rankedOnly, List<ProviderReferral> providerReferrals) {
        List<PlacementOption> all = search.optionsOf(referralId).stream()
                .filter(o -> !rankedOnly || o.getRankPosition() != null)
                .sorted(PlacementOption.RANK_ORDER)
                .toList();
        Map<Long, String> ratings = monitoringRatings.latestRatings(all.stream().filter(o -> !o.isInHouse())
                .map(PlacementOption::getProviderId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, ProviderReferral> answers = providerReferrals.stream()
                .collect(Collectors.toMap(ProviderReferral::getId, pr -> pr));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> choices = new ArrayList<>();
        StringBuilder explained = new StringBuilder();
        for (PlacementOption o : all) {
            String rank = o.getRankPosition() == null ? "Not ranked" : o.getRankPosition().toString();
            String home = o.getService().getName();
            String fee = UkFormat.money(o.getWeeklyFee());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", rank);
            row.put("home", home);
            row.put("miles", UkFormat.miles(o.getDistanceMiles()));
            row.put("weeklyFee", fee);
            row.put("ofsted", UkFormat.label(o.getOfstedRating()));
            row.put("monitoring", o.isInHouse() ? UkFormat.label(ProviderKind.IN_HOUSE) : MonitoringRating.describe(ratings.get(o.getProviderId())));
            rows.add(row);
            explained.append("**").append(o.getRankPosition() == null ? "" : o.getRankPosition() + ". ").append(home).append("**, ")
                    .append(o.getService().getProvider().getName()).append(o.isInHouse() ? " (in-house)" : " (independent)")
                    .append(o.isSecondBest() ? ", second-best" : "").append("\n\n");
            explained.append("- Needs met: ").append(o.needsMet().isEmpty() ? "none of those listed"
                    : o.needsMet().stream().map(NeedCode::label).collect(Collectors.joining(", ")));
            if (!o.needsUnmet().isEmpty()) {
                explained.append("; not met: ").append(o.needsUnmet().stream().map(NeedCode::label).collect(Collectors.joining(", ")));
            }
            explained.append('\n');
            explained.append("- Vacancies now: ").append(Vacancies.describe(o.getService(), UkTime.today(clock))).append('\n');
            if (o.isWrittenOffer()) {
                ProviderReferral answer = answers.get(o.getProviderReferralId());
                explained.append("- Offer: ").append(fee).append(" a week from ").append(UkFormat.date(o.getStartDate()))
                        .append(o.getNamedCarer() == null ? "" : ", " + o.getNamedCarer()).append('\n');
                if (answer != null && answer.getHowNeedsMet() != null && !answer.getHowNeedsMet().isBlank()) {
                    explained.append("- How the provider will meet the needs: ").append(answer.getHowNeedsMet()).append('\n');
                }
            }
            if (o.getRankReasons() != null) {
                explained.append("- ").append(o.getRankPosition() == null ? "" : "Why rank " + o.getRankPosition() + ": ")
                        .append(o.getRankReasons()).append('\n');
            }
            explained.append('\n');
            choices.add(Map.of("label", (o.getRankPosition() == null ? "" : o.getRankPosition() + ". ") + home + " — "
                    + UkFormat.miles(o.getDistanceMiles()) + " miles, " + fee + " a week", "value", o.getId().toString()));
        }
        display.show(taskId, OPTIONS_EXPLAINED, explained.length() == 0 ? "No options." : explained.toString());
        display.showJson(taskId, OPTIONS, rows);
        display.showJson(taskId, OPTION_CHOICES, choices);
        display.show(taskId, TOP_OPTION_ID, all.stream().filter(o -> Integer.valueOf(1).equals(o.getRankPosition())).findFirst()
                .map(o -> o.getId().toString()).orElse(""));
    }

    /**
     * Every independent provider asked in the referral's current search round and its answer: the offer, the reason it
     * declined, or that it did not answer by its deadline; those that never answered are named again at the end.
     */
    private void showProviderAnswers(String taskId, Referral r, List<ProviderReferral> providerReferrals) {
        List<ProviderReferral> asked = askedThisRound(r, providerReferrals);
        StringBuilder s = new StringBuilder("**Independent providers asked**\n\n");
        if (asked.isEmpty()) {
            s.append("None: ").append(Boolean.TRUE.equals(r.getRestrictToInHouse()) ? "the search was kept to the council's own provision."
                    : "no accredited provider's home matched the referral.");
            display.show(taskId, PROVIDER_ANSWERS, s.toString());
            return;
        }
        for (ProviderReferral pr : asked) {
            s.append("- ").append(pr.getService().getProvider().getName()).append(" (").append(pr.getService().getName()).append("): ");
            switch (pr.getStatus()) {
                case OFFERED -> s.append("offered ").append(UkFormat.money(pr.getWeeklyFee())).append(" a week from ")
                        .append(UkFormat.date(pr.getStartDate())).append(pr.getNamedCarer() == null ? "" : ", " + pr.getNamedCarer())
                        .append(pr.getHowNeedsMet() == null || pr.getHowNeedsMet().isBlank() ? ""
                                : ". How it meets the needs: " + pr.getHowNeedsMet());
                case DECLINED -> s.append("declined: ").append(UkFormat.declineReason(pr.getDeclineReason()))
                        .append(pr.getDeclineDetails() == null || pr.getDeclineDetails().isBlank() ? "" : " (" + pr.getDeclineDetails() + ")");
                case NO_RESPONSE -> s.append(pr.getEmailFailure() == null ? "did not answer by " + UkFormat.dateTime(pr.getDeadline())
                        : "never reached: " + pr.getEmailFailure());
                case SENT -> s.append("not answered yet; due by ").append(UkFormat.dateTime(pr.getDeadline()));
            }
            s.append('\n');
        }
        List<String> silent = asked.stream().filter(pr -> pr.getStatus() == ProviderReferral.Status.NO_RESPONSE
                || pr.getStatus() == ProviderReferral.Status.SENT).map(pr -> pr.getService().getProvider().getName()).toList();
        s.append("\n").append(silent.isEmpty() ? "Every provider asked answered." : "**Never answered:** " + String.join(", ", silent));
        display.show(taskId, PROVIDER_ANSWERS, s.toString());
    }

    /**
     * The providers asked in the current round: those sent the referral since the round's in-house review (each round
     * reviews its in-house options before it asks anyone), so an earlier round's silence is not counted against this one.
     */
    private List<ProviderReferral> askedThisRound(Referral r, List<ProviderReferral> providerReferrals) {
        Instant roundStart = decisionRecords.ofReferral(r.getId()).stream()
                .filter(d -> "IN_HOUSE_REVIEW".equals(d.getKind())).map(DecisionRecord::getDecidedAt).reduce((a, b) -> b).orElse(Instant.EPOCH);
        return providerReferrals.stream().filter(pr -> !pr.getSentAt().isBefore(roundStart)).toList();
    }

    /** What the provider wrote, with its offer, of how the placement meets the child's needs. */
    public String howNeedsMet(PlacementOption o) {
        return o.getProviderReferralId() == null ? null
                : search.findProviderReferral(o.getProviderReferralId()).map(ProviderReferral::getHowNeedsMet).orElse(null);
    }

    /** The procurement waiver of this selection: who decided, when and why, or that none was needed. */
    public String waiverDecision(Referral r) {
        if (r.getWaiverApproved() == null) {
            return "**Procurement waiver:** none was needed (two or more written offers, or a commitment under "
                    + UkFormat.money(SearchService.PROCUREMENT_THRESHOLD) + ").";
        }
        DecisionRecord d = decisionRecords.ofReferral(r.getId()).stream()
                .filter(x -> "PROCUREMENT_WAIVER".equals(x.getKind())).reduce((a, b) -> b).orElse(null);
        return "**Procurement waiver:** " + (r.getWaiverApproved() ? "waived" : "refused")
                + (d == null ? "" : " by " + d.getDecidedBy() + " on " + UkFormat.dateTime(d.getDecidedAt()))
                + ". Reason: " + r.getWaiverReason();
    }

    /** What the waiver would allow: each written offer that needs it, its weekly fee × the planned weeks. */
    public String commitment(Referral r) {
        List<PlacementOption> offers = search.optionsOf(r.getId()).stream()
                .filter(PlacementOption::isWrittenOffer).filter(PlacementOption::isSuitable).toList();
        StringBuilder s = new StringBuilder("**Commitment** (weekly fee × " + r.getPlannedWeeks() + " planned weeks)\n\n");
        for (PlacementOption o : offers) {
            s.append("- ").append(o.getService().getName()).append(", ").append(o.getService().getProvider().getName()).append(": ")
                    .append(UkFormat.money(o.getWeeklyFee())).append(" × ").append(r.getPlannedWeeks()).append(" = **")
                    .append(UkFormat.money(SearchService.commitment(o, r.getPlannedWeeks()))).append("**\n");
        }
        s.append("\nWritten offers received: ").append(offers.size()).append(" (two are needed from ")
                .append(UkFormat.money(SearchService.PROCUREMENT_THRESHOLD)).append(")");
        return s.toString();
    }
}
