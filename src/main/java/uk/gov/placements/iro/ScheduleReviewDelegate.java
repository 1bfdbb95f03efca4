package uk.gov.placements.iro;

import static uk.gov.placements.iro.IroReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** Task_ScheduleReview: the next review on the statutory timetable, and the dates its timers carry. */
@Component
public class ScheduleReviewDelegate implements JavaDelegate {
    private final IroReviewService reviews;

    public ScheduleReviewDelegate(IroReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(reviews.scheduleNextVariables(ProcessVariables.id(execution, CHILD_ID), execution.getProcessInstanceId()));
    }
}
