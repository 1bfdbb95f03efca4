package uk.gov.placements.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index the engine's own schema lacks, on H2 (the embedded default). Every time the engine reads
 * an execution's variables it asks {@code where EXECUTION_ID_ = ? and TASK_ID_ is null}, one of the
 * statements a journey issues most; H2 keeps a cached plan that fetches rows only to test the
 * condition (rows of other executions or tasks read and thrown away), and with an index on both
 * columns it reads only the execution's own. The figures are in benchmark-results.md. PostgreSQL
 * plans the statement from its statistics on the engine's own EXECUTION_ID_ index, so the index is
 * not added there. It is created after the engine has created or updated its schema; Camunda allows
 * additional indexes on its tables.
 */
@Component
public class EngineIndexesPlugin extends AbstractProcessEnginePlugin {
    static final String VARIABLE_EXECUTION_TASK = "ACT_IDX_VARIABLE_EXEC_TASK";
    private static final Logger log = LoggerFactory.getLogger(EngineIndexesPlugin.class);
    private ProcessEngineConfigurationImpl config;

    @Override
    public void postInit(ProcessEngineConfigurationImpl config) {
        this.config = config;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!"h2".equals(config.getDatabaseType())) {
            return;
        }
        String prefix = config.getDatabaseTablePrefix() == null ? "" : config.getDatabaseTablePrefix();
        try (Connection c = config.getDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create index if not exists " + VARIABLE_EXECUTION_TASK + " on " + prefix + "ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            // a missing index costs speed, never data: say so and start
            log.warn("Could not create index {} on ACT_RU_VARIABLE: {}", VARIABLE_EXECUTION_TASK, e.getMessage());
        }
    }
}
