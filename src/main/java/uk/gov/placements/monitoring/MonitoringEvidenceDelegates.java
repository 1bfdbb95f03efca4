package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ContractMonitoringProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** The round's evidence chased: a reminder when due, and the silence recorded when escalated. */
final class MonitoringEvidenceDelegates {
    private MonitoringEvidenceDelegates() {
    }

    static Long roundId(DelegateExecution execution) {
        return ProcessVariables.id(execution, ROUND_ID);
    }

    /** Which party's task the timer fired on, from the step the model reached (one delegate serves both branches). */
    static ContractMonitoringService.Evidence owed(DelegateExecution execution) {
        return switch (execution.getCurrentActivityId()) {
            case TASK_REMIND_SOCIAL_WORKER, TASK_RECORD_FEEDBACK_NOT_RETURNED -> ContractMonitoringService.Evidence.FEEDBACK;
            case TASK_REMIND_PROVIDER, TASK_RECORD_FORM_D_NOT_RETURNED -> ContractMonitoringService.Evidence.FORM_D;
            default -> throw new IllegalStateException("Not a monitoring evidence step: " + execution.getCurrentActivityId());
        };
    }

    /** Task_RemindSocialWorker and Task_RemindProviderOfFormD: whoever has not answered by the due date is reminded. */
    @Component("remindMonitoringEvidenceDelegate")
    static class Remind implements JavaDelegate {
        private final ContractMonitoringService monitoring;

        Remind(ContractMonitoringService monitoring) {
            this.monitoring = monitoring;
        }

        @Override
        public void execute(DelegateExecution execution) {
            monitoring.remindEvidence(roundId(execution), owed(execution));
        }
    }

    /** Task_RecordFeedbackNotReturned and Task_RecordFormDNotReturned: the silence on the round, which goes on without it. */
    @Component("recordEvidenceNotReturnedDelegate")
    static class NotReturned implements JavaDelegate {
        private final ContractMonitoringService monitoring;

        NotReturned(ContractMonitoringService monitoring) {
            this.monitoring = monitoring;
        }

        @Override
        public void execute(DelegateExecution execution) {
            monitoring.evidenceNotReturned(roundId(execution), owed(execution));
        }
    }
}
