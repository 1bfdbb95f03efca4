/** Security: users, groups, councils as tenants, the engine's guards. */
@ApplicationModule(displayName = "Security")
package uk.gov.placements.security;

import org.springframework.modulith.ApplicationModule;
