/** Children: their records, legal status and allocated workers. */
@ApplicationModule(displayName = "Children")
package uk.gov.placements.child;

import org.springframework.modulith.ApplicationModule;
