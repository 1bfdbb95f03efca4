/** Referrals: the referral, its search for a placement, the choice and the approval. */
@ApplicationModule(displayName = "Referrals")
package uk.gov.placements.referral;

import org.springframework.modulith.ApplicationModule;
