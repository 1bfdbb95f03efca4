package uk.gov.placements.monitoring;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Action plans read as tests check them, where no service of the module would do it. */
@Component
public class ActionPlanFixtures {
    private final ActionPlanRepository plans;

    ActionPlanFixtures(ActionPlanRepository plans) {
        this.plans = plans;
    }

    @Transactional(readOnly = true)
    public List<ActionPlan> ofProvider(Long providerId) {
        return plans.findByProviderIdOrderByIdAsc(providerId);
    }
}
