package uk.gov.placements.referral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.placements.tasks.TaskDisplay;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.search.PlacementOption;
import uk.gov.placements.search.PlacementOptionRepository;

/**
 * What a person sees on a task: a name with its context ("Approve placement — REF-0042, A.B., 14,
 * £4,200/week"), a priority from urgency so emergencies sort first, a due date, and task-local
 * variables the form displays. Task-local display values vanish from the runtime with the task;
 * the business data stays in its tables.
 */
@Component
public class TaskPresenter {
    public static final String SUMMARY = "referralSummary";
    public static final String OPTIONS = "options";
    public static final String OPTION_CHOICES = "optionChoices";
    public static final String OPTIONS_EXPLAINED = "optionsExplained";
    private final PlacementOptionRepository options;
    private final TaskDisplay display;

    public TaskPresenter(PlacementOptionRepository options, TaskDisplay display) {
        this.options = options;
        this.display = display;
    }

    /** Where a form's display values are kept (never in Camunda's variables). */
    public TaskDisplay display() {
        return display;
    }

    public void present(DelegateTask task, Referral r, String action, String extra) {
        String context = r.getReference() + ", " + r.getChild().initials() + ", " + r.childAge() + (extra == null ? "" : ", " + extra);
        task.setName(action + " — " + context);
        task.setPriority(priority(r.getUrgency()));
        display.show(task, SUMMARY, summary(r));
    }

    /** Emergencies sort first in every queue. */
    public static int priority(uk.gov.placements.common.Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> 90;
            case URGENT -> 70;
            case PLANNED -> 50;
        };
    }

    /** Due in the given hours, with a follow-up halfway: when a person should look again. */
    public void dueIn(DelegateTask task, long hours) {
        long now = Decisions.now().toEpochMilli();
        task.setDueDate(new Date(now + hours * 3600_000L));
        task.setFollowUpDate(new Date(now + hours * 1800_000L));
    }

    static String summary(Referral r) {
        StringBuilder s = new StringBuilder();
        s.append("**").append(r.getReference()).append("** · ").append(r.getChild().initials()).append(", age ").append(r.childAge())
                .append(" · ").append(r.getUrgency()).append(" · needed by ").append(r.getRequiredBy())
                .append(" · ").append(r.getPlacementType()).append(" for ").append(r.getPlannedWeeks()).append(" weeks")
                .append(" · within ").append(r.getMaxDistanceMiles()).append(" miles of home\n\n");
        s.append("Needs: ").append(r.getNeeds().isEmpty() ? "none listed" : r.getNeeds().stream()
                .map(n -> n.getCode().label() + (n.isEssential() ? " (essential)" : " (desirable)")).collect(Collectors.joining(", ")));
        if (r.getSiblings() > 0) {
            s.append("\n\nSiblings: ").append(r.getSiblings()).append(r.isSiblingsTogether() ? ", to be placed together" : "");
        }
        appendIf(s, "Child's views", r.getChildViews());
        appendIf(s, "Risks to the child", r.getRisksToChild());
        appendIf(s, "Risks from the child", r.getRisksFromChild());
        appendIf(s, "Education", r.getEducation());
        appendIf(s, "Health", r.getHealth());
        appendIf(s, "Current carer's review", r.getCarerReview());
        appendIf(s, "Search restricted to in-house because", r.getRestrictionReason());
        s.append("\n\nCompleted by ").append(r.getCompletedBy()).append(r.isKnowsChild() ? " (knows the child)" : " (does not know the child)");
        return s.toString();
    }

    private static void appendIf(StringBuilder s, String label, String value) {
        if (value != null && !value.isBlank()) {
            s.append("\n\n").append(label).append(": ").append(value);
        }
    }

    /** The options of a referral for the form's table, and the choices for its radio group. */
    public void showOptions(DelegateTask task, Long referralId, boolean rankedOnly) {
        List<PlacementOption> all = options.findByReferralIdOrderByRankPositionAscIdAsc(referralId).stream()
                .filter(o -> !rankedOnly || o.getRankPosition() != null)
                .sorted(Comparator.comparing((PlacementOption o) -> o.getRankPosition() == null ? Integer.MAX_VALUE : o.getRankPosition())
                        .thenComparing(PlacementOption::getId))
                .toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> choices = new ArrayList<>();
        StringBuilder explained = new StringBuilder();
        for (PlacementOption o : all) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", o.getId());
            row.put("rank", o.getRankPosition() == null ? "-" : o.getRankPosition());
            row.put("home", o.getService().getName() + " (" + o.getService().getProvider().getName() + ")");
            row.put("kind", o.isInHouse() ? "In-house" : "Independent offer");
            row.put("miles", o.getDistanceMiles());
            row.put("weeklyFee", "£" + o.getWeeklyFee().setScale(0, RoundingMode.HALF_UP));
            row.put("ofsted", o.getOfstedRating().name());
            row.put("needsMet", o.needsMet().stream().map(NeedCode::label).collect(Collectors.joining(", ")));
            row.put("why", o.getRankReasons() == null ? "" : o.getRankReasons());
            rows.add(row);
            if (o.getRankReasons() != null) {
                explained.append("- **#").append(row.get("rank")).append(' ').append(o.getService().getName()).append("**: ")
                        .append(o.getRankReasons()).append('\n');
            }
            choices.add(Map.of("label", "#" + row.get("rank") + " " + row.get("home") + " — " + row.get("miles") + " mi, "
                    + row.get("weeklyFee") + "/wk", "value", o.getId().toString()));
        }
        display.show(task, OPTIONS_EXPLAINED, explained.length() == 0 ? "No ranked options." : explained.toString());
        display.showJson(task, OPTIONS, rows);
        display.showJson(task, OPTION_CHOICES, choices);
    }

    public static String money(BigDecimal amount) {
        return "£" + String.format("%,d", amount.setScale(0, RoundingMode.HALF_UP).longValue());
    }
}
