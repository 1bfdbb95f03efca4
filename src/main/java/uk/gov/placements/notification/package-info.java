/** Notifications: notices and how they go, recorded truthfully. */
@ApplicationModule(displayName = "Notifications")
package uk.gov.placements.notification;

import org.springframework.modulith.ApplicationModule;
