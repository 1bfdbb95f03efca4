/** Demo data. */
@ApplicationModule(displayName = "Demo data")
package uk.gov.placements.demo;

import org.springframework.modulith.ApplicationModule;
