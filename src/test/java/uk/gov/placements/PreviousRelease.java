package uk.gov.placements;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Process definitions of the release before (commit 24a9735, copied to src/test/resources/previous-release/), deployed
 * for one test so that an instance started on them can be driven with this release's listeners and delegates, as the
 * instances running in production are. Closing it deletes the deployment and its instances, so the current resources
 * are the latest version again for every other test in the Spring context.
 */
public final class PreviousRelease implements AutoCloseable {
    private final RepositoryService repositoryService;
    private final Deployment deployment;

    private PreviousRelease(RepositoryService repositoryService, Deployment deployment) {
        this.repositoryService = repositoryService;
        this.deployment = deployment;
    }

    /**
     * The named model of previous-release/ with the old forms its user tasks name, in one deployment, as it was deployed:
     * its formRefBinding="deployment" looks for them there, and the product checks submitted fields against them.
     */
    public static PreviousRelease deploy(RepositoryService repositoryService, String bpmn) {
        String resource = "previous-release/" + bpmn;
        var builder = repositoryService.createDeployment().name("previous release (test)").addClasspathResource(resource);
        try (InputStream in = PreviousRelease.class.getClassLoader().getResourceAsStream(resource)) {
            Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
                    .filter(Objects::nonNull).distinct().forEach(form -> builder.addClasspathResource("previous-release/" + form + ".form"));
        } catch (IOException e) {
            throw new IllegalStateException(resource + " could not be read", e);
        }
        return new PreviousRelease(repositoryService, builder.deploy());
    }

    /** The old definition's id, to start an instance on it rather than on the latest version. */
    public String definitionId(String key) {
        return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).processDefinitionKey(key).singleResult().getId();
    }

    @Override
    public void close() {
        repositoryService.deleteDeployment(deployment.getId(), true);
    }
}
