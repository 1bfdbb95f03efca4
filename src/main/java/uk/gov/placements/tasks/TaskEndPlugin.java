package uk.gov.placements.tasks;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.gov.placements.security.FormFields;
import uk.gov.placements.security.HistoryFilter;

/**
 * Every user task, when it ends: its display values are removed from {@link TaskDisplay}; and when it is
 * completed, the free text its form submitted (notes, views, reasons) is removed from the process instance
 * after the task's own listeners have saved it to the product's tables. The engine writes variables at the
 * end of the command, so that text never reaches its runtime tables; {@link HistoryFilter} keeps it out of
 * history. What stays is what gateways, timers and decisions read (ids, codes, amounts, dates).
 */
@Component
public class TaskEndPlugin extends AbstractProcessEnginePlugin {
    private final TaskDisplay display;
    private final FormFields formFields;

    public TaskEndPlugin(@Lazy TaskDisplay display, @Lazy FormFields formFields) {
        this.display = display;
        this.formFields = formFields;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl config) {
        List<BpmnParseListener> listeners = config.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(config.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskEndPlugin.this::completed);
                definition.addTaskListener(TaskListener.EVENTNAME_DELETE, task -> display.forget(task.getId()));
            }
        });
        config.setCustomPostBPMNParseListeners(listeners);
    }

    void completed(DelegateTask task) {
        display.forget(task.getId());
        // a task without a Camunda Form has no fields (asking the form service for one would fail, and roll back the completion)
        if (task instanceof TaskEntity t && t.getTaskDefinition() != null && t.getTaskDefinition().getCamundaFormDefinitionKey() != null) {
            for (String field : formFields.ofTask(t)) {
                if (task.hasVariable(field) && (!HistoryFilter.kept(field) || !HistoryFilter.plainValue(task.getVariable(field)))) {
                    task.removeVariable(field);
                }
            }
        }
    }
}
