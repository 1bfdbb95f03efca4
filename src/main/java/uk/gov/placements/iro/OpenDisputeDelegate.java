package uk.gov.placements.iro;

import static uk.gov.placements.iro.IroReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/**
 * Task_OpenDispute: the dispute's record, its id held in the dispute's own scope so that a second dispute, raised
 * at a later review while this one runs, keeps its own.
 */
@Component
public class OpenDisputeDelegate implements JavaDelegate {
    private final IroDisputes disputes;

    public OpenDisputeDelegate(IroDisputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IroDispute dispute = disputes.open(ProcessVariables.id(execution, CHILD_ID), execution.getProcessInstanceId());
        execution.setVariableLocal(DISPUTE_ID, dispute.getId());
    }
}
