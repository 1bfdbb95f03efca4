package uk.gov.placements.monitoring;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Action plans written and read as tests set them up and check them, where no service of the module would do it. */
@Component
public class ActionPlanFixtures {
    private final ActionPlanRepository plans;

    ActionPlanFixtures(ActionPlanRepository plans) {
        this.plans = plans;
    }

    /** A plan recorded as it stands, without a process. */
    @Transactional
    public ActionPlan save(ActionPlan plan) {
        return plans.save(plan);
    }

    @Transactional(readOnly = true)
    public List<ActionPlan> ofProvider(Long providerId) {
        return plans.findByProviderIdOrderByIdAsc(providerId);
    }
}
