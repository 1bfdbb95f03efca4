package uk.gov.placements.security;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Shared definitions, council-specific instances: a process instance belongs to the council
 * (tenant) named by its {@code council} variable, else to its calling instance's council, else
 * to the council of the user who started it.
 */
public class CouncilTenantIdProvider implements TenantIdProvider {
    public static final String COUNCIL_VARIABLE = "council";

    /** Processes of the shared register belong to no council: every council's staff work them. */
    static final java.util.Set<String> CONSORTIUM_PROCESSES = java.util.Set.of("providerAccreditation");

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (CONSORTIUM_PROCESSES.contains(ctx.getProcessDefinition().getKey())) {
            return null;
        }
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        Object council = ctx.getVariables() == null ? null : ctx.getVariables().get(COUNCIL_VARIABLE);
        if (council instanceof String s && !s.isBlank()) {
            return s;
        }
        Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
        List<String> tenants = auth == null ? null : auth.getTenantIds();
        return tenants != null && tenants.size() == 1 ? tenants.get(0) : null;
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
