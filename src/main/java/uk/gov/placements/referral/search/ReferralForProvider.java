package uk.gov.placements.referral.search;

import java.time.LocalDate;
import uk.gov.placements.common.Postcodes;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.TaskPresenter;

/**
 * What a provider is told of a referral, in its task or in the e-mail to its referral address: what it needs to decide
 * an offer (needs, risks, education and health, age, sex, home area) and nothing that identifies the child: no name or
 * initials, no date of birth, no postcode beyond its district, no views.
 */
final class ReferralForProvider {
    private ReferralForProvider() {
    }

    static String title(Referral r, LocalDate today) {
        return "Respond to referral — " + r.getReference() + ", age " + r.childAge(today) + ", " + UkFormat.label(r.getPlacementType());
    }

    static String summary(Referral r, ProviderReferral pr, LocalDate today) {
        StringBuilder s = new StringBuilder();
        s.append("**").append(r.getReference()).append("** · age ").append(r.childAge(today))
                .append(", ").append(UkFormat.sex(r.getChild().getGender())).append(" · ").append(UkFormat.label(r.getUrgency()))
                .append(" · needed by ").append(UkFormat.date(r.getRequiredBy())).append(" · ").append(UkFormat.label(r.getPlacementType())).append(" for ")
                .append(r.getPlannedWeeks()).append(" weeks\n\n");
        // the district only: the provider learns the area, not the address
        s.append("Home area: ").append(Postcodes.district(r.getChild().getPostcode()).orElse("not known")).append(" (").append(UkFormat.miles(pr.getDistanceMiles()))
                .append(" miles from your ").append(pr.getService().getName()).append(")\n\n");
        TaskPresenter.appendNeedsAndRisks(s, r, false);
        TaskPresenter.appendIf(s, "Communication needs", r.getCommunicationNeeds());
        TaskPresenter.appendIf(s, "Cultural needs", r.getCulturalNeeds());
        TaskPresenter.appendIf(s, "Who the child can live alongside", r.getLiveAlongside());
        s.append("\n\nPlease answer by ").append(UkFormat.dateTime(pr.getDeadline())).append(": after that the referral is recorded as not answered.");
        return s.toString();
    }

    /**
     * The e-mail to a provider's referral address: the same facts as the task, the council, and whom to answer. The
     * answer comes back to the placements team, who enter it; there is no link to answer through, so nothing about a
     * child is open to whoever holds the e-mail beyond what it says.
     */
    static String email(Referral r, ProviderReferral pr, LocalDate today, String councilName, String replyTo) {
        return "A placement referral from " + councilName + " for " + pr.getService().getProvider().getName() + " (" + pr.getService().getName()
                + ").\n\n" + summary(r, pr, today).replace("**", "")
                + "\n\nTo offer a placement or decline, reply to the placements team of " + councilName + " at " + replyTo
                + ", quoting " + r.getReference() + ": for an offer, the weekly fee, the start date, the home or carer offered and how it meets"
                + " the child's needs; to decline, the reason. The team records your answer in the placements system on your behalf.";
    }
}
