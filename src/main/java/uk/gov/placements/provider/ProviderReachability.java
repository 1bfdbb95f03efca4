package uk.gov.placements.provider;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.security.SystemActions;

/**
 * Whether a referral can reach an independent provider, and how. A referral nobody can answer only waits for its
 * deadline, holding the child's search up until then, so a provider is sent referrals only when one of its staff
 * signs in to answer them (a user in its group {@code provider-<id>}: Camunda keeps no disabled flag, and a user
 * removed in Admin is gone), or else when it gave a referral e-mail address and the application can send e-mail.
 * Everyone else is left out of the search and listed for the register's keepers to put right.
 */
@Component
public class ProviderReachability {
    /** How a referral reaches the provider: its staff's Tasklist, an e-mail, or not at all. */
    public enum Way { STAFF, EMAIL, NONE }

    private final IdentityService identityService;
    private final SystemActions system;
    private final NotificationSender sender;
    private final ProviderRepository providers;

    public ProviderReachability(IdentityService identityService, SystemActions system, NotificationSender sender, ProviderRepository providers) {
        this.identityService = identityService;
        this.system = system;
        this.sender = sender;
        this.providers = providers;
    }

    public Way way(Provider p) {
        if (hasStaff(p.getId())) {
            return Way.STAFF;
        }
        return p.getReferralEmail() != null && sender.canEmail() ? Way.EMAIL : Way.NONE;
    }

    /**
     * Whether a member of the provider's staff signs in, to see what is asked of it in the Tasklist (Form A, Form D,
     * an action plan). Asked as the application: whoever is signed in (or no one, in a job) must get the same answer.
     */
    public boolean hasStaff(Long providerId) {
        return system.run(() -> identityService.createUserQuery().memberOfGroup(Provider.groupOf(providerId)).count() > 0);
    }

    /** Why a provider cannot be reached, in the words the commissioning managers read. */
    public String whyUnreachable(Provider p) {
        return p.getReferralEmail() == null ? "No member of staff signs in for it, and it has given no referral e-mail address"
                : "It has only a referral e-mail address, and no mail server is configured to send to it";
    }

    public record Unreachable(Provider provider, String why) {
    }

    /** The independent providers no referral can reach now, by name. */
    @Transactional(readOnly = true)
    public List<Unreachable> unreachable() {
        return providers.findByKindOrderByNameAsc(ProviderKind.INDEPENDENT).stream().filter(p -> way(p) == Way.NONE)
                .map(p -> new Unreachable(p, whyUnreachable(p))).toList();
    }
}
