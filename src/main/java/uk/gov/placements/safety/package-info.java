/** Placement safety reviews after a home is rated inadequate. */
@ApplicationModule(displayName = "Placement safety reviews after a home is rated inadequate")
package uk.gov.placements.safety;

import org.springframework.modulith.ApplicationModule;
