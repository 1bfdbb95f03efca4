/** Reporting: sufficiency and the SSDA903 return. */
@ApplicationModule(displayName = "Reporting")
package uk.gov.placements.reporting;

import org.springframework.modulith.ApplicationModule;
