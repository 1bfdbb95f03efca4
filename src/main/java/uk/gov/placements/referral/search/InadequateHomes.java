package uk.gov.placements.referral.search;

import uk.gov.placements.common.ModuleListener;

import uk.gov.placements.notification.Recipient;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.provider.HomeDowngraded;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.ReferralStatus;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

/**
 * A home judged inadequate while searches are open: new searches already pass it by (ServiceMatcher), and here the
 * searches that found it or asked it are told. Its options of every referral not yet placed are marked unsuitable, so
 * the social worker cannot choose it and an approver cannot approve it (a choice made before is refused at approval),
 * and a referral choosing is ranked again without it. A provider asked about that home keeps its task: what it answers
 * is its own record, but an offer there is recorded unsuitable. Nothing is withdrawn silently: each referral's record
 * says what changed, and its placements team is told. In the downgrade's own transaction, so the register never shows
 * the home inadequate while a search still offers it.
 *
 * <p>The placements teams are e-mailed only after that transaction commits, and a mail server that fails is recorded,
 * not thrown: the rating, the children's safety reviews, the IRO reviews brought forward and the options withdrawn are
 * the safeguard and must stand whatever the mail does (a keeper's rating by hand or an import line must not fail on
 * SMTP). The e-mail is an alert, not the record: the referral's record already says what changed, and the team's
 * choosing and approval refuse the home. So a failed e-mail is written into that record ("placements team not
 * e-mailed", with the mail server's reason) rather than retried by a job of its own, which a downgrade has no process for.
 */
@Component
class InadequateHomes {
    /** Referrals whose search is open: their options may still be chosen or approved. */
    static final Set<ReferralStatus> OPEN = EnumSet.of(ReferralStatus.SEARCHING, ReferralStatus.SELECTING, ReferralStatus.AWAITING_APPROVAL);
    private static final Logger LOG = LoggerFactory.getLogger(InadequateHomes.class);
    private final PlacementOptionRepository options;
    private final ProviderReferralRepository asked;
    private final ReferralService referrals;
    private final ProviderService services;
    private final SearchService search;
    private final Decisions decisions;
    private final NotificationSender sender;
    private final TransactionTemplate ownTransaction;
    private final SystemActions system;

    InadequateHomes(PlacementOptionRepository options, ProviderReferralRepository asked, ReferralService referrals,
                    ProviderService services, SearchService search, Decisions decisions, NotificationSender sender,
                    PlatformTransactionManager transactions, SystemActions system) {
        this.system = system;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.options = options;
        this.asked = asked;
        this.referrals = referrals;
        this.services = services;
        this.search = search;
        this.decisions = decisions;
        this.sender = sender;
    }

    static String reason(CareService home) {
        return "Ofsted rated " + home.getName() + " inadequate" + (home.getOfstedRatingDate() == null ? ""
                : " on " + UkFormat.date(home.getOfstedRatingDate())) + ": no child is placed there now";
    }

    @ModuleListener
    void on(HomeDowngraded downgraded) {
        if (!downgraded.toInadequate()) {
            return;
        }
        CareService home = services.findHome(downgraded.serviceId()).orElseThrow();
        String why = reason(home);
        Set<Long> affected = new LinkedHashSet<>();
        for (PlacementOption o : options.openAt(home.getId(), OPEN)) {
            o.markSuitability(false, why);
            affected.add(o.getReferralId());
        }
        for (ProviderReferral pr : asked.findByService_IdAndStatusOrderByIdAsc(home.getId(), ProviderReferral.Status.SENT)) {
            affected.add(pr.getReferralId());
        }
        for (Long referralId : affected) {
            Referral r = referrals.get(referralId);
            if (!OPEN.contains(r.getStatus())) {
                continue;
            }
            decisions.record(referralId, null, "HOME_RATED_INADEQUATE", "NOT TO BE CHOSEN service " + home.getId(),
                    why + (r.getStatus() == ReferralStatus.AWAITING_APPROVAL ? "; a choice of it awaiting approval cannot be approved" : ""), null);
            if (r.getStatus() == ReferralStatus.SELECTING) {
                search.rank(referralId);
            }
            Recipient to = Recipient.group(Roles.PLACEMENTS_TEAM, r.getCouncil());
            String subject = "Referral " + r.getReference() + ": a home in its search was rated inadequate";
            String text = why + ". Its option is no longer offered; an offer from it is recorded but cannot be chosen.";
            afterCommit(() -> tell(referralId, to, subject, text));
        }
    }

    /** After the downgrade's transaction commits; at once when there is none (nothing then can be undone by the mail). */
    private static void afterCommit(Runnable told) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    told.run();
                }
            });
        } else {
            told.run();
        }
    }

    private void tell(Long referralId, Recipient to, String subject, String text) {
        try {
            // as the application: the team's members are found whoever rated the home (a contracts officer may not read them)
            system.run(() -> sender.send(to, subject, text));
        } catch (RuntimeException e) {
            try {
                ownTransaction.executeWithoutResult(s -> decisions.record(referralId, null, "HOME_RATED_INADEQUATE", "PLACEMENTS TEAM NOT E-MAILED",
                        "The mail server did not accept the e-mail \"" + subject + "\": " + e.getMessage()
                                + ". What changed is in this record; the team's choosing and approval already refuse the home", null));
            } catch (RuntimeException recordFailed) {
                // the downgrade has committed: an answer of failure now would be untrue, so the log keeps what was not told
                LOG.error("Placements team not e-mailed about referral {} ({}), and that could not be recorded", referralId, subject, recordFailed);
            }
        }
    }
}
