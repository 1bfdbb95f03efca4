/** Tasks: what each task shows and who it is assigned to. */
@ApplicationModule(displayName = "Tasks")
package uk.gov.placements.tasks;

import org.springframework.modulith.ApplicationModule;
