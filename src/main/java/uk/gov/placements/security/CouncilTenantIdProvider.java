package uk.gov.placements.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Shared definitions, council-specific instances: a process instance belongs to its calling
 * instance's council, else to the council of the person who started it, else (a start by the
 * application itself, from a record it has checked) to the council named by its {@code council}
 * variable. A person's own council always wins over a variable they could have sent: a start
 * naming another council is placed in the starter's own, where the product then refuses what does
 * not belong to it.
 */
public class CouncilTenantIdProvider implements TenantIdProvider {
    public static final String COUNCIL_VARIABLE = "council";

    /** Processes of the shared register belong to no council: every council's staff work them. */
    static final Set<String> CONSORTIUM_PROCESSES = Set.of("providerAccreditation");

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (CONSORTIUM_PROCESSES.contains(ctx.getProcessDefinition().getKey())) {
            return null;
        }
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        Object council = ctx.getVariables() == null ? null : ctx.getVariables().get(COUNCIL_VARIABLE);
        Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
        List<String> tenants = auth == null || auth.getUserId() == null ? null : auth.getTenantIds();
        if (tenants != null && !tenants.isEmpty()) {
            // a person: their council, or the one named if they work for several (an administrator)
            if (council instanceof String s && tenants.contains(s)) {
                return s;
            }
            return tenants.size() == 1 ? tenants.get(0) : null;
        }
        return council instanceof String s && !s.isBlank() ? s : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
    }
}
