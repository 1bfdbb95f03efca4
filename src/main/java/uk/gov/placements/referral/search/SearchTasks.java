package uk.gov.placements.referral.search;

import static uk.gov.placements.referral.search.PlacementSearchProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.TaskPresenter;
import uk.gov.placements.tasks.TaskView;

/**
 * The user tasks of placementSearch as a person sees and completes them: the placements team's review of in-house
 * options, each provider's answer to the referral, and the head of service's procurement waiver. The referral is the
 * one the instance was started for ({@link ReferralService#ofInstance}).
 */
@Component
class SearchTasks {
    private final SearchService search;
    private final ProviderReferralService providerReferrals;
    private final ReferralService referrals;
    private final TaskPresenter presenter;
    private final Clock clock;

    SearchTasks(SearchService search, ProviderReferralService providerReferrals, ReferralService referrals, TaskPresenter presenter, Clock clock) {
        this.clock = clock;
        this.search = search;
        this.providerReferrals = providerReferrals;
        this.referrals = referrals;
        this.presenter = presenter;
    }

    /** The task as created: named, dated and shown. {@code providerReferralId} names the provider's referral on its task. */
    TaskView created(String taskKey, String taskId, DelegateExecution instance, Long providerReferralId) {
        Referral r = referrals.ofInstance(instance);
        return switch (taskKey) {
            case TASK_REVIEW_IN_HOUSE_OPTIONS -> {
                TaskView view = presenter.present(taskId, r, "Review in-house options", null);
                presenter.showOptions(taskId, r.getId(), false);
                yield presenter.dueIn(view, 24);
            }
            case TASK_RESPOND_TO_REFERRAL -> presentToProvider(taskId, r, providerReferrals.get(providerReferralId));
            case TASK_APPROVE_PROCUREMENT_WAIVER -> {
                TaskView view = presenter.present(taskId, r, "Procurement waiver", "fewer than two written offers");
                presenter.showRankedOptionsAndAnswers(taskId, r);
                presenter.display().show(taskId, "commitmentSummary", presenter.commitment(r));
                yield presenter.dueIn(view, 24);
            }
            default -> TaskView.unchanged();
        };
    }

    /** The task's form checked and recorded, or refused with the field named: returns the variables the process reads next. */
    TaskView completed(String taskKey, String taskId, DelegateExecution instance, Long providerReferralId, VariableScope form) {
        Long referralId = referrals.ofInstance(instance).getId();
        return switch (taskKey) {
            case TASK_REVIEW_IN_HOUSE_OPTIONS -> reviewInHouse(taskId, referralId, form);
            case TASK_RESPOND_TO_REFERRAL -> {
                answer(taskId, referralId, providerReferralId, form);
                yield TaskView.unchanged();
            }
            case TASK_APPROVE_PROCUREMENT_WAIVER -> {
                FieldErrors errors = new FieldErrors();
                FormValues f = new FormValues(form, errors);
                Boolean approved = f.bool(WAIVER_APPROVED);
                String reason = f.text(WAIVER_REASON);
                errors.throwIfAny();
                if (approved == null) {
                    throw InvalidInputException.of(WAIVER_APPROVED, "is required: waive the two-offer rule or not");
                }
                search.decideWaiver(referralId, approved, reason, taskId);
                yield TaskView.unchanged();
            }
            default -> TaskView.unchanged();
        };
    }

    private TaskView reviewInHouse(String taskId, Long referralId, VariableScope form) {
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(form, errors);
        List<Long> unsuitable = f.ids(UNSUITABLE_OPTION_IDS, "must list option ids");
        Boolean restrict = f.bool(RESTRICT_TO_IN_HOUSE);
        errors.throwIfAny();
        boolean restricted = Boolean.TRUE.equals(restrict);
        LocalDate proposedStart = f.date(PROPOSED_START_DATE);
        errors.throwIfAny();
        search.reviewInHouse(referralId, unsuitable, f.text(SUITABILITY_NOTES), restricted, f.text(RESTRICTION_REASON), proposedStart, taskId);
        return TaskView.unchanged().set(RESTRICT_TO_IN_HOUSE, restricted);
    }

    /** The provider's task: what it needs to decide an offer ({@link ReferralForProvider}), and, for an e-mailed one, whose answer it is. */
    private TaskView presentToProvider(String taskId, Referral r, ProviderReferral pr) {
        String summary = ReferralForProvider.summary(r, pr, UkTime.today(clock));
        if (pr.isByEmail()) {
            // the placements team types what the provider answered by e-mail: the form says whose answer it is
            summary = "**Answering on behalf of " + pr.getService().getProvider().getName() + ", by e-mail.** "
                    + (pr.getEmailFailure() != null
                    // refused for good: said plainly, so the team reaches the provider another way or lets the deadline pass
                    ? "**The referral was not delivered:** " + pr.getEmailFailure() + ". The provider has not been told of it; reach it"
                    + " another way (and put its referral address right) or let the deadline pass. Record only an answer it gave.\n\n"
                    : "The referral was e-mailed to " + pr.getEmailedTo() + " on " + UkFormat.dateTime(pr.getEmailedAt())
                    + "; record the answer the provider gave, as it gave it.\n\n")
                    + summary;
        }
        presenter.display().show(taskId, TaskPresenter.SUMMARY, summary);
        return TaskView.named(ReferralForProvider.title(r, UkTime.today(clock))).due(Date.from(pr.getDeadline())).priority(TaskPresenter.priority(r.getUrgency()));
    }

    private void answer(String taskId, Long referralId, Long providerReferralId, VariableScope form) {
        providerReferrals.answerTask(referralId, providerReferralId, () -> {
            FieldErrors errors = new FieldErrors();
            FormValues f = new FormValues(form, errors);
            Double fee = f.decimal(WEEKLY_FEE);
            ProviderReferralService.Answer answer = new ProviderReferralService.Answer(f.text(RESPONSE), fee == null ? null : BigDecimal.valueOf(fee),
                    f.date(START_DATE), f.text(NAMED_CARER_OR_HOME, 300), f.text(HOW_NEEDS_MET), f.text(DECLINE_REASON), f.text(DECLINE_DETAILS));
            errors.throwIfAny();
            return answer;
        }, taskId);
    }
}
