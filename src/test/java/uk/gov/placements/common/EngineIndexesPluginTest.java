package uk.gov.placements.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.placements.IntegrationTest;

@IntegrationTest
class EngineIndexesPluginTest {
    /** The engine's statement behind every read of an execution's variables (VariableInstance.xml, selectVariablesByExecutionId). */
    static final String ENGINE_STATEMENT = "SELECT RES.* FROM ACT_RU_VARIABLE RES LEFT JOIN ACT_RU_EXECUTION EXECUTION ON RES.EXECUTION_ID_ = EXECUTION.ID_ "
            + "LEFT JOIN ACT_RU_EXECUTION PARENT_EXECUTION ON EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_ WHERE EXECUTION_ID_ = ? AND TASK_ID_ is null";

    @Autowired JdbcTemplate jdbc;

    @Test
    void shouldReadAnExecutionsVariablesThroughTheIndexOnBothColumnsOnH2AndLeavePostgresAlone() {
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("H2".equals(database)) {
            String plan = jdbc.query("explain " + ENGINE_STATEMENT, ps -> ps.setString(1, "some-execution"), rs -> rs.next() ? rs.getString(1) : "");
            assertThat(plan).contains(EngineIndexesPlugin.VARIABLE_EXECUTION_TASK + ": EXECUTION_ID_ = ?1").contains("AND TASK_ID_ IS NULL");
        } else {
            assertThat(database).isEqualTo("PostgreSQL");
            Integer pgIndexes = jdbc.queryForObject("select count(*) from pg_indexes where lower(indexname) = lower(?)", Integer.class,
                    EngineIndexesPlugin.VARIABLE_EXECUTION_TASK);
            assertThat(pgIndexes).as("PostgreSQL plans from its statistics; no index added").isZero();
        }
    }
}
