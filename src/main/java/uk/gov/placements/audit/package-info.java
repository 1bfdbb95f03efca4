/** Audit: who decided what, when and why. */
@ApplicationModule(displayName = "Audit")
package uk.gov.placements.audit;

import org.springframework.modulith.ApplicationModule;
