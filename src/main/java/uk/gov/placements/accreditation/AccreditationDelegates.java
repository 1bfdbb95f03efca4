package uk.gov.placements.accreditation;

import static uk.gov.placements.accreditation.ProviderAccreditationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
            Long id = accreditationId(execution);
            // the register's rating, never the one Form A claims
            execution.setVariable(OFSTED_RATING, service.decideOnRegisterRating(id).name());
            Accreditation a = service.accreditation(id);
            execution.setVariable(LOWEST_SCORE, a.lowestScore());
            execution.setVariable(CRITICAL_CONCERN, a.anyCriticalConcern());
            execution.setVariable(SPOKE_TO_CHILDREN, a.getSpokeToChildren());
            execution.setVariable(HAS_DISCREPANCIES, a.hasDiscrepancies());
        }
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
            // The model from before this release (no Task_LapseUnlessRenewed) reaches this step at the expiry date itself and then
            // ends: the lapse it then made happens here, as that model meant, rather than migrating its instances.
            if (execution.getBpmnModelInstance().getModelElementById(TASK_LAPSE_UNLESS_RENEWED) == null) {
                service.lapseUnlessRenewed(accreditationId(execution));
            }
            service.reaccredit(ProcessVariables.id(execution, PROVIDER_ID));
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
