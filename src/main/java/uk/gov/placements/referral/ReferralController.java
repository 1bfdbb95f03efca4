package uk.gov.placements.referral;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.provider.Vacancies;
import uk.gov.placements.referral.search.OptionSource;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {
    private final ReferralService service;
    private final ReferralRepository referrals;
    private final SearchService options;
    private final Decisions decisions;
    private final CurrentUser currentUser;
    private final ReferralTimeline timeline;
    private final Clock clock;

    ReferralController(ReferralService service, ReferralRepository referrals, SearchService options,
                       Decisions decisions, CurrentUser currentUser, ReferralTimeline timeline, Clock clock) {
        this.timeline = timeline;
        this.service = service;
        this.referrals = referrals;
        this.options = options;
        this.decisions = decisions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    record ReferralSubmitted(Long id, String reference, String processInstanceId) {
    }

    record ReferralView(Long id, String reference, Long childId, String council, ReferralStatus status, Urgency urgency, String requiredBy,
                        PlacementType placementType, int plannedWeeks, int maxDistanceMiles, List<ReferralNeedView> needs,
                        Boolean restrictToInHouse, String restrictionReason, Long selectedOptionId, String selectionReason, Long placementId,
                        String processInstanceId) {
    }

    record ReferralNeedView(NeedCode code, boolean essential) {
    }

    /** An option considered for the referral, with the home's vacancies now and the reasons for its rank. */
    record OptionView(Long id, Long serviceId, String serviceName, Long providerId, String providerName, boolean inHouse, OptionSource source,
                      int searchRound, boolean secondBest, String secondBestReason, PlacementType placementType, BigDecimal weeklyFee,
                      double distanceMiles, List<String> needsMet, List<String> needsUnmet, OfstedRating ofstedRating,
                      AccreditationStatus accreditationStatus, @JsonUnwrapped Vacancies.View vacancyFigure, boolean suitable,
                      String suitabilityReason, Integer rank, String reasons) {
    }

    record ReferralDecision(String kind, String outcome, String reason, String decidedBy, String decidedAt, String taskId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReferralSubmitted create(@RequestBody ReferralService.NewReferral body) {
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS);
        Referral r = service.submit(body, currentUser::canSeeCouncil, currentUser.userId());
        return new ReferralSubmitted(r.getId(), r.getReference(), r.getProcessInstanceId());
    }

    @GetMapping("/{id}")
    ReferralView get(@PathVariable Long id) {
        Referral r = visible(id);
        return new ReferralView(r.getId(), r.getReference(), r.getChild().getId(), r.getCouncil(), r.getStatus(), r.getUrgency(),
                r.getRequiredBy().toString(), r.getPlacementType(), r.getPlannedWeeks(), r.getMaxDistanceMiles(),
                r.getNeeds().stream().map(n -> new ReferralNeedView(n.getCode(), n.isEssential())).toList(), r.getRestrictToInHouse(),
                r.getRestrictionReason(), r.getSelectedOptionId(), r.getSelectionReason(), r.getPlacementId(), r.getProcessInstanceId());
    }

    /** Every option considered, in-house and external, ranked, each with the reasons for its rank. */
    @GetMapping("/{id}/options")
    List<OptionView> options(@PathVariable Long id) {
        visible(id);
        LocalDate today = UkTime.today(clock);
        return options.optionsOf(id).stream()
                .sorted(PlacementOption.RANK_ORDER)
                .map(o -> optionView(o, today)).toList();
    }

    /** The audit trail: who decided what, when and why. */
    @GetMapping("/{id}/decisions")
    List<ReferralDecision> decisions(@PathVariable Long id) {
        visible(id);
        return decisions.ofReferral(id).stream().map(d -> new ReferralDecision(d.getKind(), d.getOutcome(),
                d.getReason(), d.getDecidedBy(), d.getDecidedAt().toString(), d.getTaskId())).toList();
    }

    /**
     * Every event of the referral in order, with who, when and why, and {@code waitingOn}: who must act next and by
     * when. A provider's staff get the part about their own offer only; another council's referral is not there (404).
     */
    @GetMapping("/{id}/timeline")
    ReferralTimeline.Timeline timeline(@PathVariable Long id) {
        Referral r = NotFoundException.findOrThrow(referrals, "Referral", id);
        return timeline.visibleTo(r, currentUser).orElseThrow(() -> new NotFoundException("Referral", id));
    }

    static OptionView optionView(PlacementOption o, LocalDate today) {
        // the home's vacancies now, with their date: an option found weeks ago may have lost its place since
        return new OptionView(o.getId(), o.getService().getId(), o.getService().getName(), o.getProviderId(),
                o.getService().getProvider().getName(), o.isInHouse(), o.getSource(), o.getSearchRound(), o.isSecondBest(),
                o.getSecondBestReason(), o.getService().getPlacementType(), o.getWeeklyFee(), o.getDistanceMiles(),
                o.needsMet().stream().map(NeedCode::name).toList(), o.needsUnmet().stream().map(NeedCode::name).toList(), o.getOfstedRating(),
                o.getService().getProvider().getAccreditationStatus(), Vacancies.view(o.getService(), today),
                o.isSuitable(), o.getSuitabilityReason(), o.getRankPosition(), o.getRankReasons());
    }

    private Referral visible(Long id) {
        return referrals.findById(id).filter(r -> currentUser.canSeeCouncil(r.getCouncil()))
                .orElseThrow(() -> new NotFoundException("Referral", id));
    }
}
