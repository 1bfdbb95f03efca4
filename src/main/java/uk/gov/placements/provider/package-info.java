/** The register: providers, their homes, ratings and vacancies. */
@ApplicationModule(displayName = "The register")
package uk.gov.placements.provider;

import org.springframework.modulith.ApplicationModule;
