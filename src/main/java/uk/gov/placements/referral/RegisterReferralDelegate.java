package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/**
 * Task_RegisterReferral. A referral made through the API is already saved (variable referralId);
 * one made from the Tasklist's start form is saved here from the form's fields, whose raw values
 * are then removed from the instance: the business data lives in the referral table.
 */
@Component
public class RegisterReferralDelegate implements JavaDelegate {
    private final ReferralService referrals;

    public RegisterReferralDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = ProcessVariables.optionalId(execution, REFERRAL_ID);
        Map<String, Object> form = id != null ? Map.of() : new HashMap<>(execution.getVariables());
        var auth = Context.getCommandContext().getAuthentication();
        String user = auth != null && auth.getUserId() != null ? auth.getUserId() : "system";
        ReferralService.Registered referral = referrals.register(id, form, execution.getTenantId(), user, execution.getProcessInstanceId());
        if (id == null) {
            execution.removeVariables(form.keySet());
            execution.setProcessBusinessKey(referral.reference());
        }
        execution.setVariables(referral.variables());
    }
}
