package uk.gov.placements.accreditation;

import static uk.gov.placements.accreditation.ProviderAccreditationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** The service tasks of providerAccreditation, one small delegate each. */
final class AccreditationDelegates {
    private AccreditationDelegates() {
    }

    static Long accreditationId(DelegateExecution execution) {
        return ProcessVariables.id(execution, ACCREDITATION_ID);
    }

    /** Task_SummariseVisits: the inputs of decision accreditationOutcome from Ofsted's register and Forms B and C. */
    @Component("summariseVisitsDelegate")
    static class SummariseVisits implements JavaDelegate {
        private final AccreditationService service;

        SummariseVisits(AccreditationService service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            AccreditationService.VisitSummary visits = service.summariseVisits(accreditationId(execution));
            execution.setVariable(OFSTED_RATING, visits.ofstedRating());
            execution.setVariable(LOWEST_SCORE, visits.lowestScore());
            execution.setVariable(CRITICAL_CONCERN, visits.criticalConcern());
            execution.setVariable(SPOKE_TO_CHILDREN, visits.spokeToChildren());
            execution.setVariable(HAS_DISCREPANCIES, visits.hasDiscrepancies());
        }
    }

    /** Task_DecideAccreditationOutcome, on its end: the decided outcome goes on the accreditation's record, as proposed. */
    @Component("recordAccreditationOutcomeListener")
    static class RecordOutcome implements ExecutionListener {
        private final AccreditationService service;

        RecordOutcome(AccreditationService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateExecution execution) {
            service.recordOutcome(accreditationId(execution), (String) execution.getVariable(ACCREDITATION_OUTCOME));
        }
    }

    /**
     * Whether the model records the outcome as the decision ends ({@link RecordOutcome}); the models from before it was
     * there leave it to the confirmation task's creation.
     */
    static boolean decisionRecordsOutcome(BpmnModelInstance model) {
        BaseElement decision = model.getModelElementById(TASK_DECIDE_OUTCOME);
        return decision != null && decision.getExtensionElements() != null && decision.getExtensionElements().getElementsQuery()
                .filterByType(CamundaExecutionListener.class).list().stream()
                .anyMatch(l -> "${recordAccreditationOutcomeListener}".equals(l.getCamundaDelegateExpression()));
    }

    /** Task_RemindProvider: Form A not back after 14 days. */
    @Component("remindProviderDelegate")
    static class RemindProvider implements JavaDelegate {
        private final AccreditationService service;

        RemindProvider(AccreditationService service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            service.remindProvider(accreditationId(execution));
        }
    }

    /** Task_RecordFormAExpired: no Form A within 28 days. */
    @Component("recordFormAExpiredDelegate")
    static class RecordFormAExpired implements JavaDelegate {
        private final AccreditationService service;

        RecordFormAExpired(AccreditationService service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            service.formAExpired(accreditationId(execution));
        }
    }

    /** Task_StartReaccreditation: 90 days before expiry the renewal starts; the provider stays accredited meanwhile. */
    @Component("startReaccreditationDelegate")
    static class StartReaccreditation implements JavaDelegate {
        private final AccreditationService service;

        StartReaccreditation(AccreditationService service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            service.startRenewal(accreditationId(execution), ProcessVariables.id(execution, PROVIDER_ID),
                    execution.getBpmnModelInstance().getModelElementById(TASK_LAPSE_UNLESS_RENEWED) == null);
        }
    }

    /** Task_LapseUnlessRenewed: at the expiry date, a provider whose renewal was not confirmed in time lapses. */
    @Component("lapseUnlessRenewedDelegate")
    static class LapseUnlessRenewed implements JavaDelegate {
        private final AccreditationService service;

        LapseUnlessRenewed(AccreditationService service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(ACCREDITATION_LAPSED, service.lapseUnlessRenewed(accreditationId(execution)));
        }
    }
}
