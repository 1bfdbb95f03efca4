package uk.gov.placements.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
        // the spec's ids have dashes (social-workers, provider-42); still no spaces, quotes or markup
        config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}|camunda-admin");
        // history is written through HistoryFilter, which keeps children's personal data out of it (and what
        // carries nothing a person decided: the engine's multi-instance counters, a provider's answer declared empty)
        config.setEnableDefaultDbHistoryEventHandler(false);
        java.util.List<org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler> handlers =
                new java.util.ArrayList<>(config.getCustomHistoryEventHandlers() == null ? java.util.List.of() : config.getCustomHistoryEventHandlers());
        handlers.add(new HistoryFilter());
        config.setCustomHistoryEventHandlers(handlers);
    }
}
