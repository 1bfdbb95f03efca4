package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.AllocatedWorker;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.notification.Notification;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.placement.PlacementStatus;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.tasks.TaskView;

/**
 * The user tasks of placementReferral as a person sees and completes them. On create: name, priority, due date and
 * what the form shows. On complete: the decision is checked and recorded (who, when, why); a bad or missing value
 * throws, the Tasklist shows the message, and the task stays open. The referral is the one the instance was started
 * for ({@link ReferralService#ofInstance}).
 */
@Component
class ReferralTasks {
    private final ReferralService referrals;
    private final SearchService search;
    private final PlacementService placements;
    private final TaskPresenter presenter;
    private final ApprovalRouting routing;
    private final Notifications notifications;
    private final PlacementApproval approval;
    private final Clock clock;

    ReferralTasks(ReferralService referrals, SearchService search, PlacementService placements, TaskPresenter presenter,
                  ApprovalRouting routing, Notifications notifications, PlacementApproval approval, Clock clock) {
        this.clock = clock;
        this.approval = approval;
        this.routing = routing;
        this.notifications = notifications;
        this.referrals = referrals;
        this.search = search;
        this.placements = placements;
        this.presenter = presenter;
    }

    /** Whether the task is about the approved placement (its id is then the instance's placementId). */
    static boolean aboutPlacement(String taskKey) {
        return TASK_SEND_NOTIFICATIONS.equals(taskKey) || TASK_WRITE_PLACEMENT_PLAN.equals(taskKey);
    }

    TaskView created(String taskKey, String modelName, String taskId, DelegateExecution instance, Long placementId, Set<String> candidateGroups) {
        Referral r = referrals.ofInstance(instance);
        TaskView view = switch (taskKey) {
            case TASK_CARER_REVIEW -> presenter.dueIn(presenter.present(taskId, r, "Review referral as current carer", null), r, 24);
            case TASK_TRIAGE -> presenter.dueIn(presenter.present(taskId, r, "Triage referral", UkFormat.label(r.getUrgency())), r, 24);
            case TASK_PROVIDE_MORE_INFORMATION -> presenter.dueIn(presenter.present(taskId, r, "Provide more information", null), r, 48);
            case TASK_SELECT_PLACEMENT -> {
                // a choice is asked afresh each time: an earlier round's "search again" must not decide this one
                TaskView choose = presenter.present(taskId, r, "Choose a placement", null).remove(SEARCH_AGAIN);
                presenter.showRankedOptionsAndAnswers(taskId, r);
                yield presenter.dueIn(choose, r, 48);
            }
            case TASK_APPROVE_PLACEMENT -> {
                // the approver is the product's record: the tier the scheme of delegation gives the selected option now
                String approvers = referrals.routeApproval(r.getId(), routing.approverGroup(r.getId()));
                PlacementOption o = search.option(r.getSelectedOptionId());
                TaskView approve = presenter.present(taskId, r, "Approve placement", UkFormat.money(o.getWeeklyFee()) + " a week").onlyFor(approvers);
                presenter.showRankedOptionsAndAnswers(taskId, r);
                presenter.display().show(taskId, "selectedSummary", selected(r, o));
                presenter.display().show(taskId, "waiverSummary", presenter.waiverDecision(r));
                yield presenter.dueIn(approve, r, 48);
            }
            case TASK_ANSWER_APPROVER -> presenter.present(taskId, r, "Answer the approver", null);
            case TASK_REVIEW_OVERDUE_REFERRAL -> presenter.dueIn(presenter.present(taskId, r, "Required-by date passed with no placement", null)
                    .priority(TaskPresenter.OVERDUE_PRIORITY), 4);
            case TASK_SEND_NOTIFICATIONS -> {
                TaskView send = presenter.present(taskId, r, "Send notification letters", null);
                List<Notification> letters = notifications.lettersToSend(placementId);
                StringBuilder s = new StringBuilder("**Letters to send**, each a PDF at /api/placements/" + placementId
                        + "/notifications/{id}/letter:\n\n");
                letters.forEach(n -> s.append("- ").append(n.getRecipient()).append(" (letter ").append(n.getId()).append("), due by ")
                        .append(UkFormat.date(n.getDueBy())).append('\n'));
                presenter.display().show(taskId, "lettersSummary", s.toString());
                presenter.display().showJson(taskId, "letterChoices", letters.stream()
                        .map(n -> Map.of("label", n.getRecipient(), "value", n.getId().toString())).toList());
                yield presenter.dueIn(send, r, 48);
            }
            case TASK_WRITE_PLACEMENT_PLAN -> {
                Placement p = placements.get(placementId);
                TaskView plan = presenter.present(taskId, r, "Write placement plan", "due " + UkFormat.date(p.getPlanDue()))
                        .due(UkTime.endOfWorkingDay(p.getPlanDue()));
                PlacementOption o = search.option(r.getSelectedOptionId());
                presenter.display().show(taskId, "placementSummary", "**The placement:** " + o.getService().getName() + ", "
                        + o.getService().getProvider().getName() + (o.getNamedCarer() == null ? "" : " (" + o.getNamedCarer() + ")") + ", "
                        + UkFormat.label(p.getPlacementType()) + ", " + (p.getStatus() == PlacementStatus.PLANNED
                        ? "starting " : "started ") + UkFormat.date(p.getStartDate()) + ", " + UkFormat.money(p.getWeeklyCost()) + " a week"
                        + "\n\n**The plan is due by " + UkFormat.date(p.getPlanDue()) + "**" + (r.getUrgency() == Urgency.PLANNED
                        ? ": before a planned placement starts (the working day before)." : ": within 5 working days of the start."));
                yield plan;
            }
            default -> presenter.present(taskId, r, modelName, null);
        };
        if (TASK_CARER_REVIEW.equals(taskKey)) {
            // the carer's review is the carer's to give: not handed to the social worker, who can still record it for them
            return view;
        }
        return view.assignedTo(AllocatedWorker.workerFor(view.candidateGroup() != null ? Set.of(view.candidateGroup()) : candidateGroups,
                r.getChild()));
    }

    /** The task's decision checked and recorded, or refused with the field named: returns the variables the process reads next. */
    TaskView completed(String taskKey, String taskId, DelegateExecution instance, Long placementId, VariableScope form) {
        Long referralId = referrals.ofInstance(instance).getId();
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(form, errors);
        TaskView result = TaskView.unchanged();
        switch (taskKey) {
            case TASK_CARER_REVIEW -> referrals.carerReview(referralId, f.text(CARER_REVIEW), taskId);
            case TASK_TRIAGE -> referrals.triage(referralId, f.text(TRIAGE_OUTCOME), f.text(TRIAGE_NOTES), taskId);
            case TASK_PROVIDE_MORE_INFORMATION -> referrals.moreInformation(referralId, f.text(MORE_INFORMATION), taskId);
            case TASK_SELECT_PLACEMENT -> {
                Boolean again = f.bool(SEARCH_AGAIN);
                errors.throwIfAny();
                if (Boolean.TRUE.equals(again)) {
                    return result.set(SEARCH_AGAIN, true);
                }
                Long optionId = f.longValue(SELECTED_OPTION_ID);
                errors.throwIfAny();
                if (optionId == null) {
                    throw InvalidInputException.of(SELECTED_OPTION_ID, "is required: choose one of the options, or ask for a new search");
                }
                search.select(referralId, optionId, f.text(SELECTION_REASON, 500), taskId);
                result = result.set(SEARCH_AGAIN, false).set(SELECTED_OPTION_ID, optionId);
            }
            case TASK_APPROVE_PLACEMENT -> approval.decide(referralId, f.text(APPROVAL_DECISION), f.text(APPROVAL_REASON), taskId);
            case TASK_ANSWER_APPROVER -> referrals.answerApprover(referralId, f.text(APPROVER_ANSWER), taskId);
            case TASK_WRITE_PLACEMENT_PLAN -> {
                String plan = f.text(PLACEMENT_PLAN_SUMMARY);
                if (plan == null || plan.isBlank()) {
                    throw InvalidInputException.of(PLACEMENT_PLAN_SUMMARY, "is required: the plan's goals and arrangements");
                }
                placements.planWritten(placementId);
            }
            case TASK_REVIEW_OVERDUE_REFERRAL -> referrals.overduePlan(referralId, f.text(OVERDUE_PLAN), taskId);
            case TASK_SEND_NOTIFICATIONS -> {
                List<Long> confirmed = f.ids(LETTERS_SENT, "must list the letters sent");
                errors.throwIfAny();
                notifications.lettersSent(placementId, confirmed, LETTERS_SENT);
            }
            default -> {
            }
        }
        errors.throwIfAny();
        return result;
    }

    /**
     * What the approver decides on: the chosen option, the offer (its start date, named home or carer and how it meets
     * the child's needs), the commitment, and the social worker's reason.
     */
    private String selected(Referral r, PlacementOption o) {
        BigDecimal commitment = SearchService.commitment(o, r.getPlannedWeeks());
        StringBuilder s = new StringBuilder("**Chosen:** ").append(o.getService().getName()).append(", ")
                .append(o.getService().getProvider().getName()).append(o.isInHouse() ? " (in-house)" : " (independent)")
                .append(", rank ").append(o.getRankPosition()).append(", ").append(UkFormat.miles(o.getDistanceMiles())).append(" miles from home, ")
                .append(UkFormat.money(o.getWeeklyFee())).append(" a week × ").append(r.getPlannedWeeks()).append(" weeks = **")
                .append(UkFormat.money(commitment)).append("** commitment");
        s.append("\n\n**Start date:** ").append(UkFormat.date(PlacementStart.agreedStart(r, o, UkTime.today(clock))))
                .append(o.isWrittenOffer() ? " (offered by the provider)" : r.getProposedStartDate() != null ? " (proposed by the placements team)"
                        : " (the required-by date)");
        if (o.getNamedCarer() != null) {
            s.append("\n\n**Named home or carer:** ").append(o.getNamedCarer());
        }
        if (o.isWrittenOffer()) {
            String how = presenter.howNeedsMet(o);
            s.append("\n\n**How the provider will meet the needs:** ").append(how == null || how.isBlank() ? "not said" : how);
        }
        if (o.isSecondBest()) {
            s.append("\n\n**Second-best:** ").append(o.getSecondBestReason());
        }
        s.append("\n\n**Social worker's reason:** ").append(r.getSelectionReason() == null || r.getSelectionReason().isBlank()
                ? "none given (the top-ranked option)" : r.getSelectionReason());
        return s.toString();
    }
}
