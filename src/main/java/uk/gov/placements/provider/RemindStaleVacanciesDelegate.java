package uk.gov.placements.provider;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.UkTime;

/** Task_RemindStaleProviders: e-mails each provider whose vacancies are stale; safe to retry (what went is not sent again). */
@Component
public class RemindStaleVacanciesDelegate implements JavaDelegate {
    private final VacancyReminders reminders;
    private final Clock clock;

    public RemindStaleVacanciesDelegate(VacancyReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remindStaleProviders(UkTime.today(clock));
    }
}
