/** Placements: the placement record, its end, missing episodes. */
@ApplicationModule(displayName = "Placements")
package uk.gov.placements.placement;

import org.springframework.modulith.ApplicationModule;
