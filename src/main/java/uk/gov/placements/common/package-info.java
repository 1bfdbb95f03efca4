/** Common: the formats, errors and codes every module shares. */
@ApplicationModule(displayName = "Common")
package uk.gov.placements.common;

import org.springframework.modulith.ApplicationModule;
