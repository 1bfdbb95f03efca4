/** Case files: the whole case of a referral or a child, read from every module. */
@ApplicationModule(displayName = "Case files")
package uk.gov.placements.casefile;

import org.springframework.modulith.ApplicationModule;
