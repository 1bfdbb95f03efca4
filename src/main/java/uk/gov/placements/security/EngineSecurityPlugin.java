package uk.gov.placements.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/** Engine settings that security depends on, kept in code so no property file can drop them. */
@Component
public class EngineSecurityPlugin extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl config) {
        config.setAuthorizationEnabled(true);
        config.setTenantCheckEnabled(true);
        config.setTenantIdProvider(new CouncilTenantIdProvider());
        config.setEnableExpressionsInAdhocQueries(false);
        config.setEnableExpressionsInStoredQueries(true);
        // a task's candidates and assignee may claim and complete it, not add people to it, reassign it or write its
        // variables: the engine's default (UPDATE) allows all three
        config.setDefaultUserPermissionNameForTask("TASK_WORK");
        // failed sign-ins are throttled (each failure locks the account a little longer, up to a minute), but never for
        // good: the engine's default locks an account permanently after 10 failures, so anyone could lock a colleague out
        config.setLoginMaxAttempts(Integer.MAX_VALUE);
        config.setLoginDelayBase(2);
        config.setLoginDelayFactor(2);
        config.setLoginDelayMaxTime(60);
        // an Object variable names the class the engine builds from it: only plain collections and values
        // (the display tables the product itself writes), never a class a client names
        config.setDeserializationTypeValidationEnabled(true);
        // the spec's ids have dashes (social-workers, provider-42); still no spaces, quotes or markup
        config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}|camunda-admin");
        // history is written through HistoryFilter, which keeps children's personal data out of it (and what
        // carries nothing a person decided: the engine's multi-instance counters, a provider's answer declared empty)
        config.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers =
                new ArrayList<>(config.getCustomHistoryEventHandlers() == null ? List.of() : config.getCustomHistoryEventHandlers());
        handlers.add(new HistoryFilter());
        config.setCustomHistoryEventHandlers(handlers);
    }
}
