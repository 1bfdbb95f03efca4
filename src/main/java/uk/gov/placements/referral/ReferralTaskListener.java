package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.AllocatedWorker;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.notification.Notification;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.notification.Notification;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.placement.PlacementStatus;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.SearchService;

/**
 * The user tasks of placementReferral. On create: name, priority, due date and what the form shows.
 * On complete: the decision is checked and recorded (who, when, why) by the business service; a
 * bad or missing value throws, the Tasklist shows the message, and the task stays open.
 */
@Component
public class ReferralTaskListener implements TaskListener {
    private final ReferralService referrals;
    private final SearchService search;
    private final PlacementService placements;
    private final TaskPresenter presenter;
    private final ApprovalRouting routing;
    private final Notifications notifications;
    private final PlacementApproval approval;
    private final Clock clock;

    public ReferralTaskListener(ReferralService referrals, SearchService search, PlacementService placements, TaskPresenter presenter,
                                ApprovalRouting routing, Notifications notifications, PlacementApproval approval, Clock clock) {
        this.approval = approval;
        this.routing = routing;
        this.notifications = notifications;
        this.referrals = referrals;
        this.search = search;
        this.placements = placements;
        this.presenter = presenter;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Referral referral = referrals.ofInstance(task.getExecution());
        Long referralId = referral.getId();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            onCreate(task, referral);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            onComplete(task, referralId);
        }
    }

    private void onCreate(DelegateTask task, Referral r) {
        switch (task.getTaskDefinitionKey()) {
            case TASK_CARER_REVIEW -> {
                presenter.present(task, r, "Review referral as current carer", null);
                presenter.dueIn(task, r, 24);
            }
            case TASK_TRIAGE -> {
                presenter.present(task, r, "Triage referral", UkFormat.label(r.getUrgency()));
                presenter.dueIn(task, r, 24);
            }
            case TASK_PROVIDE_MORE_INFORMATION -> {
                presenter.present(task, r, "Provide more information", null);
                presenter.dueIn(task, r, 48);
            }
            case TASK_SELECT_PLACEMENT -> {
                // a choice is asked afresh each time: an earlier round's "search again" must not decide this one
                task.removeVariable(SEARCH_AGAIN);
                presenter.present(task, r, "Choose a placement", null);
                presenter.showOptions(task, r.getId(), true);
                presenter.showProviderAnswers(task, r);
                presenter.dueIn(task, r, 48);
            }
            case TASK_APPROVE_PLACEMENT -> {
                // the approver is the product's record: the tier the scheme of delegation gives the selected option now
                String approvers = referrals.routeApproval(r.getId(), routing.approverGroup(r.getId()));
                for (var link : task.getCandidates()) {
                    if (link.getGroupId() != null && !link.getGroupId().equals(approvers)) {
                        task.deleteCandidateGroup(link.getGroupId());
                    }
                }
                task.addCandidateGroup(approvers);
                PlacementOption o = search.option(r.getSelectedOptionId());
                presenter.present(task, r, "Approve placement", UkFormat.money(o.getWeeklyFee()) + " a week");
                presenter.showOptions(task, r.getId(), true);
                presenter.showProviderAnswers(task, r);
                presenter.display().show(task, "selectedSummary", selected(r, o));
                presenter.display().show(task, "waiverSummary", presenter.waiverDecision(r));
                presenter.dueIn(task, r, 48);
            }
            case TASK_ANSWER_APPROVER -> presenter.present(task, r, "Answer the approver", null);
            case TASK_REVIEW_OVERDUE_REFERRAL -> {
                presenter.present(task, r, "Required-by date passed with no placement", null);
                task.setPriority(TaskPresenter.OVERDUE_PRIORITY);
                presenter.dueIn(task, 4);
            }
            case TASK_SEND_NOTIFICATIONS -> {
                Long placementId = ProcessVariables.id(task, PLACEMENT_ID);
                presenter.present(task, r, "Send notification letters", null);
                List<Notification> letters = notifications.lettersToSend(placementId);
                StringBuilder s = new StringBuilder("**Letters to send**, each a PDF at /api/placements/" + placementId
                        + "/notifications/{id}/letter:\n\n");
                letters.forEach(n -> s.append("- ").append(n.getRecipient()).append(" (letter ").append(n.getId()).append("), due by ")
                        .append(UkFormat.date(n.getDueBy())).append('\n'));
                presenter.display().show(task, "lettersSummary", s.toString());
                presenter.display().showJson(task, "letterChoices", letters.stream()
                        .map(n -> Map.of("label", n.getRecipient(), "value", n.getId().toString())).toList());
                presenter.dueIn(task, r, 48);
            }
            case TASK_WRITE_PLACEMENT_PLAN -> {
                Placement p = placements.get(ProcessVariables.id(task, PLACEMENT_ID));
                presenter.present(task, r, "Write placement plan", "due " + UkFormat.date(p.getPlanDue()));
                task.setDueDate(UkTime.endOfWorkingDay(p.getPlanDue()));
                PlacementOption o = search.option(r.getSelectedOptionId());
                presenter.display().show(task, "placementSummary", "**The placement:** " + o.getService().getName() + ", "
                        + o.getService().getProvider().getName() + (o.getNamedCarer() == null ? "" : " (" + o.getNamedCarer() + ")") + ", "
                        + UkFormat.label(p.getPlacementType()) + ", " + (p.getStatus() == PlacementStatus.PLANNED
                        ? "starting " : "started ") + UkFormat.date(p.getStartDate()) + ", " + UkFormat.money(p.getWeeklyCost()) + " a week"
                        + "\n\n**The plan is due by " + UkFormat.date(p.getPlanDue()) + "**" + (r.getUrgency() == Urgency.PLANNED
                        ? ": before a planned placement starts (the working day before)." : ": within 5 working days of the start."));
            }
            default -> presenter.present(task, r, task.getName(), null);
        }
        if (!TASK_CARER_REVIEW.equals(task.getTaskDefinitionKey())) {
            // the carer's review is the carer's to give: not handed to the social worker, who can still record it for them
            AllocatedWorker.assign(task, r.getChild());
        }
    }

    private void onComplete(DelegateTask task, Long referralId) {
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(task, errors);
        switch (task.getTaskDefinitionKey()) {
            case TASK_CARER_REVIEW -> referrals.carerReview(referralId, f.text(CARER_REVIEW), task.getId());
            case TASK_TRIAGE -> referrals.triage(referralId, f.text(TRIAGE_OUTCOME), f.text(TRIAGE_NOTES), task.getId());
            case TASK_PROVIDE_MORE_INFORMATION -> referrals.moreInformation(referralId, f.text(MORE_INFORMATION), task.getId());
            case TASK_SELECT_PLACEMENT -> {
                Boolean again = f.bool(SEARCH_AGAIN);
                errors.throwIfAny();
                if (Boolean.TRUE.equals(again)) {
                    task.setVariable(SEARCH_AGAIN, true);
                    return;
                }
                Long optionId = f.longValue(SELECTED_OPTION_ID);
                errors.throwIfAny();
                if (optionId == null) {
                    throw InvalidInputException.of(SELECTED_OPTION_ID, "is required: choose one of the options, or ask for a new search");
                }
                search.select(referralId, optionId, f.text(SELECTION_REASON, 500), task.getId());
                task.setVariable(SEARCH_AGAIN, false);
                task.setVariable(SELECTED_OPTION_ID, optionId);
            }
            case TASK_APPROVE_PLACEMENT -> {
                approval.decide(referralId, f.text(APPROVAL_DECISION), f.text(APPROVAL_REASON), task.getId());
            }
            case TASK_ANSWER_APPROVER -> referrals.answerApprover(referralId, f.text(APPROVER_ANSWER), task.getId());
            case TASK_WRITE_PLACEMENT_PLAN -> {
                String plan = f.text(PLACEMENT_PLAN_SUMMARY);
                if (plan == null || plan.isBlank()) {
                    throw InvalidInputException.of(PLACEMENT_PLAN_SUMMARY, "is required: the plan's goals and arrangements");
                }
                placements.planWritten(ProcessVariables.id(task, PLACEMENT_ID));
            }
            case TASK_REVIEW_OVERDUE_REFERRAL -> referrals.overduePlan(referralId, f.text(OVERDUE_PLAN), task.getId());
            case TASK_SEND_NOTIFICATIONS -> {
                List<Long> confirmed = new ArrayList<>();
                for (String id : f.list(LETTERS_SENT)) {
                    try {
                        confirmed.add(Long.valueOf(id));
                    } catch (NumberFormatException e) {
                        errors.reject(LETTERS_SENT, "must list the letters sent");
                    }
                }
                errors.throwIfAny();
                notifications.lettersSent(ProcessVariables.id(task, PLACEMENT_ID), confirmed, LETTERS_SENT);
            }
            default -> {
            }
        }
        errors.throwIfAny();
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
