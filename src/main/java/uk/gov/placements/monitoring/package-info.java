/** Contract monitoring: rounds, ratings, action plans, suspension. */
@ApplicationModule(displayName = "Contract monitoring")
package uk.gov.placements.monitoring;

import org.springframework.modulith.ApplicationModule;
