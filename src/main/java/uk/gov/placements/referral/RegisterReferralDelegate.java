package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import java.time.Clock;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.common.UkTime;

/**
 * Task_RegisterReferral. A referral made through the API is already saved (variable referralId);
 * one made from the Tasklist's start form is saved here from the form's fields, whose raw values
 * are then removed from the instance: the business data lives in the referral table.
 */
@Component
public class RegisterReferralDelegate implements JavaDelegate {
    /** End of the working day on the required-by date: when the "no placement yet" alert goes. */
    static final LocalTime REQUIRED_BY_TIME = LocalTime.of(17, 0);
    private final ReferralService referrals;
    private final Clock clock;

    public RegisterReferralDelegate(ReferralService referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral;
        Long id = ProcessVariables.optionalId(execution, REFERRAL_ID);
        if (id != null) {
            referral = referrals.bind(id, execution.getProcessInstanceId());
        } else {
            Map<String, Object> form = new HashMap<>(execution.getVariables());
            var auth = Context.getCommandContext().getAuthentication();
            String user = auth != null && auth.getUserId() != null ? auth.getUserId() : "system";
            referral = referrals.registerFromForm(form, execution.getTenantId(), user, execution.getProcessInstanceId());
            execution.removeVariables(form.keySet());
            execution.setProcessBusinessKey(referral.getReference());
        }
        execution.setVariable(REFERRAL_ID, referral.getId());
        execution.setVariable(COUNCIL, referral.getCouncil());
        execution.setVariable(URGENCY, referral.getUrgency().name());
        execution.setVariable(CHILD_MOVING, referral.isMoving());
        execution.setVariable(REQUIRED_BY_DEADLINE, UkTime.timerDate(referral.getRequiredBy().atTime(REQUIRED_BY_TIME)));
        // what the Tasklist queues show: initials and age, never a name
        execution.setVariable(CHILD_INITIALS, referral.getChild().initials());
        execution.setVariable(CHILD_AGE, referral.childAge(UkTime.today(clock)));
        execution.setVariable(REQUIRED_BY, referral.getRequiredBy().toString());
    }
}
