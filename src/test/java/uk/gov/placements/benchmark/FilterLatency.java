package uk.gov.placements.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;

/**
 * How long a shared Tasklist filter's first page (15 tasks) takes for a person: through the FilterService as the filter
 * REST API calls it, with the person's groups and councils (tenants) authenticated as the application's security filter
 * sets them.
 */
final class FilterLatency {
    private FilterLatency() {
    }

    /** {@code samples} timings in ms after 20 untimed; with {@code mustList}, every page must hold a task. */
    static double[] firstPage(FilterService filterService, IdentityService identityService, String user, String filterName, int samples,
                              boolean mustList) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        assertThat(filter).as(filterName).isNotNull();
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(t -> t.getId()).toList();
        double[] millis = new double[samples];
        identityService.setAuthentication(user, groups, tenants);
        try {
            for (int i = -20; i < millis.length; i++) {
                long t = System.nanoTime();
                List<Task> page = filterService.listPage(filter.getId(), 0, 15);
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - t) / 1e6;
                }
                if (mustList) {
                    assertThat(page).as(filterName + " lists tasks").isNotEmpty();
                }
            }
        } finally {
            identityService.clearAuthentication();
        }
        return millis;
    }
}
