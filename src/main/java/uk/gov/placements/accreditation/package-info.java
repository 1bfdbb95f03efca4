/** Accreditation: Forms A, B and C, the outcome, conditions followed as an action plan, re-accreditation. */
@ApplicationModule(displayName = "Accreditation")
package uk.gov.placements.accreditation;

import org.springframework.modulith.ApplicationModule;
