package uk.gov.placements.provider;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.UkTime;

/** Task_RemindStaleProviders: e-mails each provider whose vacancies are stale; safe to retry (what went is not sent again). */
@Component
public class RemindStaleVacanciesDelegate implements JavaDelegate {
    private final VacancyReminders reminders;

    public RemindStaleVacanciesDelegate(VacancyReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remindStaleProviders(UkTime.today());
    }
}
