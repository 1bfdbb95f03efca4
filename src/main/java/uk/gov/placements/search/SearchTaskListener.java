package uk.gov.placements.search;

import static uk.gov.placements.search.PlacementSearchProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.TaskPresenter;

/** Task_ReviewInHouseOptions: shows the in-house options; on completion records suitability and any restriction. */
@Component
public class SearchTaskListener implements TaskListener {
    private final SearchService search;
    private final ReferralService referrals;
    private final TaskPresenter presenter;

    public SearchTaskListener(SearchService search, ReferralService referrals, TaskPresenter presenter) {
        this.search = search;
        this.referrals = referrals;
        this.presenter = presenter;
    }

    @Override
    public void notify(DelegateTask task) {
        Long referralId = ((Number) task.getVariable(PlacementReferralProcess.REFERRAL_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            presenter.present(task, referrals.get(referralId), "Review in-house options", null);
            presenter.showOptions(task, referralId, false);
            presenter.dueIn(task, 24);
            return;
        }
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(task.getVariables(), errors);
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
        search.reviewInHouse(referralId, unsuitable, f.text(SUITABILITY_NOTES), restricted, f.text(RESTRICTION_REASON), task.getId());
        task.setVariable(RESTRICT_TO_IN_HOUSE, restricted);
    }
}
