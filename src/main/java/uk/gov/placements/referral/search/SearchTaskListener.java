package uk.gov.placements.referral.search;

import static uk.gov.placements.referral.search.PlacementSearchProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.TaskPresenter;

/**
 * The user tasks of placementSearch: the placements team's review of in-house options, each
 * provider's answer to the referral, and the head of service's procurement waiver. Each is named,
 * dated and shown on create; on complete the answer is checked and recorded or refused.
 */
@Component
public class SearchTaskListener implements TaskListener {
    private final SearchService search;
    private final ProviderReferralService providerReferrals;
    private final ReferralService referrals;
    private final TaskPresenter presenter;
    private final Clock clock;

    public SearchTaskListener(SearchService search, ProviderReferralService providerReferrals, ReferralService referrals, TaskPresenter presenter, Clock clock) {
        this.search = search;
        this.providerReferrals = providerReferrals;
        this.referrals = referrals;
        this.presenter = presenter;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Long referralId = referrals.ofInstance(task.getExecution()).getId();
        boolean create = EVENTNAME_CREATE.equals(task.getEventName());
        switch (task.getTaskDefinitionKey()) {
            case TASK_REVIEW_IN_HOUSE_OPTIONS -> {
                if (create) {
                    presenter.present(task, referrals.get(referralId), "Review in-house options", null);
                    presenter.showOptions(task, referralId, false);
                    presenter.dueIn(task, 24);
                } else {
                    reviewInHouse(task, referralId);
                }
            }
            case TASK_RESPOND_TO_REFERRAL -> {
                Long providerReferralId = ProcessVariables.id(task, PROVIDER_REFERRAL_ID);
                if (create) {
                    presentToProvider(task, referrals.get(referralId), providerReferrals.get(providerReferralId));
                } else {
                    answer(task, referralId, providerReferralId);
                }
            }
            case TASK_APPROVE_PROCUREMENT_WAIVER -> {
                if (create) {
                    Referral r = referrals.get(referralId);
                    presenter.present(task, r, "Procurement waiver", "fewer than two written offers");
                    presenter.showOptions(task, referralId, true);
                    presenter.showProviderAnswers(task, r);
                    presenter.display().show(task, "commitmentSummary", presenter.commitment(r));
                    presenter.dueIn(task, 24);
                } else {
                    FieldErrors errors = new FieldErrors();
                    FormValues f = new FormValues(task, errors);
                    Boolean approved = f.bool(WAIVER_APPROVED);
                    String reason = f.text(WAIVER_REASON);
                    errors.throwIfAny();
                    if (approved == null) {
                        throw InvalidInputException.of(WAIVER_APPROVED, "is required: waive the two-offer rule or not");
                    }
                    search.decideWaiver(referralId, approved, reason, task.getId());
                }
            }
            default -> {
            }
        }
    }

    private void reviewInHouse(DelegateTask task, Long referralId) {
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(task, errors);
        List<Long> unsuitable = new ArrayList<>();
        for (String id : f.list(UNSUITABLE_OPTION_IDS)) {
            try {
                unsuitable.add(Long.valueOf(id));
            } catch (NumberFormatException e) {
                errors.reject(UNSUITABLE_OPTION_IDS, "must list option ids");
            }
        }
        Boolean restrict = f.bool(RESTRICT_TO_IN_HOUSE);
        errors.throwIfAny();
        boolean restricted = Boolean.TRUE.equals(restrict);
        LocalDate proposedStart = f.date(PROPOSED_START_DATE);
        errors.throwIfAny();
        search.reviewInHouse(referralId, unsuitable, f.text(SUITABILITY_NOTES), restricted, f.text(RESTRICTION_REASON), proposedStart,
                task.getId());
        task.setVariable(RESTRICT_TO_IN_HOUSE, restricted);
    }

    /** The provider's task: what it needs to decide an offer ({@link ReferralForProvider}), and, for an e-mailed one, whose answer it is. */
    private void presentToProvider(DelegateTask task, Referral r, ProviderReferral pr) {
        LocalDate today = UkTime.today(clock);
        task.setName(ReferralForProvider.title(r, today));
        task.setDueDate(Date.from(pr.getDeadline()));
        task.setPriority(TaskPresenter.priority(r.getUrgency()));
        String summary = ReferralForProvider.summary(r, pr, today);
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
        presenter.display().show(task, TaskPresenter.SUMMARY, summary);
    }

    private void answer(DelegateTask task, Long referralId, Long providerReferralId) {
        providerReferrals.answerTask(referralId, providerReferralId, () -> {
            FieldErrors errors = new FieldErrors();
            FormValues f = new FormValues(task, errors);
            Double fee = f.decimal(WEEKLY_FEE);
            ProviderReferralService.Answer answer = new ProviderReferralService.Answer(f.text(RESPONSE), fee == null ? null : BigDecimal.valueOf(fee),
                    f.date(START_DATE), f.text(NAMED_CARER_OR_HOME, 300), f.text(HOW_NEEDS_MET), f.text(DECLINE_REASON), f.text(DECLINE_DETAILS));
            errors.throwIfAny();
            return answer;
        }, task.getId());
    }
}
