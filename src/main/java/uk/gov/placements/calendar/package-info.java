/** Calendar: bank holidays and working days. */
@ApplicationModule(displayName = "Calendar")
package uk.gov.placements.calendar;

import org.springframework.modulith.ApplicationModule;
