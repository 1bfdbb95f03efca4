/** Independent reviewing officers: statutory reviews and disputes. */
@ApplicationModule(displayName = "Independent reviewing officers")
package uk.gov.placements.iro;

import org.springframework.modulith.ApplicationModule;
