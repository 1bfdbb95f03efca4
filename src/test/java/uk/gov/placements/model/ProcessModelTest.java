package uk.gov.placements.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * Reads every file in processes/ with the Camunda BPMN model API and fails when a user task has
 * no candidate group or form, a form reference has no form in forms/, a delegate or listener bean
 * does not exist, or a called process or decision is missing.
 */
class ProcessModelTest {
    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");

    @Test
    void everyUserTaskHasACandidateGroupAndADeployedForm() throws IOException {
        Set<String> formIds = formIds();
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
                    problems.add(task.getId() + " has no candidate group");
                }
                if (task.getCamundaFormRef() == null || !formIds.contains(task.getCamundaFormRef())) {
                    problems.add(task.getId() + " has no form in forms/ (formRef " + task.getCamundaFormRef() + ")");
                } else if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                    problems.add(task.getId() + " must bind its form by deployment");
                }
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null && !formIds.contains(start.getCamundaFormRef())) {
                    problems.add(start.getId() + " references missing form " + start.getCamundaFormRef());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDelegateAndListenerBeanExists() throws IOException {
        Set<String> beans = componentBeanNames();
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                String bean = beanName(task.getCamundaDelegateExpression());
                if (bean == null || !beans.contains(bean)) {
                    problems.add(task.getId() + " delegate " + task.getCamundaDelegateExpression() + " is not a bean");
                }
            }
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                String bean = beanName(listener.getCamundaDelegateExpression());
                if (bean == null || !beans.contains(bean)) {
                    problems.add("task listener " + listener.getCamundaDelegateExpression() + " is not a bean");
                }
            }
            for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                String bean = beanName(listener.getCamundaDelegateExpression());
                if (bean == null || !beans.contains(bean)) {
                    problems.add("execution listener " + listener.getCamundaDelegateExpression() + " is not a bean");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyCalledProcessAndDecisionExists() throws IOException {
        Set<String> processKeys = new HashSet<>();
        for (BpmnModelInstance model : models()) {
            model.getModelElementsByType(Process.class).forEach(p -> processKeys.add(p.getId()));
        }
        Set<String> decisions = new HashSet<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path dmn : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                org.camunda.bpm.model.dmn.Dmn.readModelFromFile(dmn.toFile())
                        .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
                        .forEach(d -> decisions.add(d.getId()));
            }
        }
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                if (!processKeys.contains(call.getCalledElement())) {
                    problems.add(call.getId() + " calls missing process " + call.getCalledElement());
                }
            }
            for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
                if (!decisions.contains(rule.getCamundaDecisionRef())) {
                    problems.add(rule.getId() + " references missing decision " + rule.getCamundaDecisionRef());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(processKeys).contains(PlacementReferralProcess.KEY, PlacementSearchProcess.KEY);
        assertThat(decisions).contains("approvalLevel", "responseDeadline");
    }

    @Test
    void everyBpmnFileIsNamedAfterItsProcessKey() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                String key = Bpmn.readModelFromFile(f.toFile()).getModelElementsByType(Process.class).iterator().next().getId();
                assertThat(f.getFileName().toString()).isEqualTo(key + ".bpmn");
            }
        }
    }

    static List<BpmnModelInstance> models() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<BpmnModelInstance> models = files.filter(f -> f.toString().endsWith(".bpmn")).map(Path::toFile)
                    .map(Bpmn::readModelFromFile).toList();
            assertThat(models).isNotEmpty();
            return models;
        }
    }

    static Set<String> formIds() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (File f : FORMS.toFile().listFiles((d, n) -> n.endsWith(".form"))) {
            ids.add(mapper.readTree(f).get("id").asText());
        }
        return ids;
    }

    static String beanName(String expression) {
        if (expression == null || !expression.matches("\\$\\{[A-Za-z0-9]+\\}")) {
            return null;
        }
        return expression.substring(2, expression.length() - 1);
    }

    /** Bean names as Spring derives them from @Component classes of the application. */
    static Set<String> componentBeanNames() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Set<String> names = new HashSet<>();
        for (BeanDefinition bd : scanner.findCandidateComponents("uk.gov.placements")) {
            Object explicit = ((org.springframework.beans.factory.annotation.AnnotatedBeanDefinition) bd).getMetadata()
                    .getAnnotationAttributes(Component.class.getName()).get("value");
            if (explicit instanceof String name && !name.isEmpty()) {
                names.add(name);
            } else {
                String simple = bd.getBeanClassName().substring(bd.getBeanClassName().lastIndexOf('.') + 1);
                names.add(Character.toLowerCase(simple.charAt(0)) + simple.substring(1));
            }
        }
        return names;
    }
}
