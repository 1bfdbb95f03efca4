package uk.gov.placements.provider;

/** Ids of {@code processes/vacancyReminders.bpmn}. */
public final class VacancyRemindersProcess {
    public static final String KEY = "vacancyReminders";
    public static final String START_EVENT_FIRST_OF_THE_MONTH = "StartEvent_FirstOfTheMonth";
    public static final String TASK_REMIND_STALE_PROVIDERS = "Task_RemindStaleProviders";

    private VacancyRemindersProcess() {
    }
}
