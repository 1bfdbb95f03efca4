package uk.gov.placements.referral;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.audit.DecisionRecordRepository;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.provider.Vacancies;
import uk.gov.placements.search.PlacementOption;
import uk.gov.placements.search.PlacementOptionRepository;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {
    private final ReferralService service;
    private final ReferralRepository referrals;
    private final PlacementOptionRepository options;
    private final DecisionRecordRepository decisions;
    private final CurrentUser currentUser;
    private final ReferralTimeline timeline;

    ReferralController(ReferralService service, ReferralRepository referrals, PlacementOptionRepository options,
                       DecisionRecordRepository decisions, CurrentUser currentUser, ReferralTimeline timeline) {
        this.timeline = timeline;
        this.service = service;
        this.referrals = referrals;
        this.options = options;
        this.decisions = decisions;
        this.currentUser = currentUser;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody ReferralService.NewReferral body) {
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS);
        Referral r = service.submit(body, currentUser::canSeeCouncil, currentUser.userId());
        return Map.of("id", r.getId(), "reference", r.getReference(), "processInstanceId", r.getProcessInstanceId());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable Long id) {
        Referral r = visible(id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.getId());
        view.put("reference", r.getReference());
        view.put("childId", r.getChild().getId());
        view.put("council", r.getCouncil());
        view.put("status", r.getStatus());
        view.put("urgency", r.getUrgency());
        view.put("requiredBy", r.getRequiredBy().toString());
        view.put("placementType", r.getPlacementType());
        view.put("plannedWeeks", r.getPlannedWeeks());
        view.put("maxDistanceMiles", r.getMaxDistanceMiles());
        view.put("needs", r.getNeeds().stream().map(n -> Map.of("code", n.getCode(), "essential", n.isEssential())).toList());
        view.put("restrictToInHouse", r.getRestrictToInHouse());
        view.put("restrictionReason", r.getRestrictionReason());
        view.put("selectedOptionId", r.getSelectedOptionId());
        view.put("selectionReason", r.getSelectionReason());
        view.put("placementId", r.getPlacementId());
        view.put("processInstanceId", r.getProcessInstanceId());
        return view;
    }

    /** Every option considered, in-house and external, ranked, each with the reasons for its rank. */
    @GetMapping("/{id}/options")
    List<Map<String, Object>> options(@PathVariable Long id) {
        visible(id);
        return options.findByReferralIdOrderByRankPositionAscIdAsc(id).stream()
                .sorted(Comparator.comparing((PlacementOption o) -> o.getRankPosition() == null ? Integer.MAX_VALUE : o.getRankPosition())
                        .thenComparing(PlacementOption::getId))
                .map(ReferralController::optionView).toList();
    }

    /** The audit trail: who decided what, when and why. */
    @GetMapping("/{id}/decisions")
    List<Map<String, Object>> decisions(@PathVariable Long id) {
        visible(id);
        return decisions.findByReferralIdOrderByDecidedAtAscIdAsc(id).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", d.getKind());
            m.put("outcome", d.getOutcome());
            m.put("reason", d.getReason());
            m.put("decidedBy", d.getDecidedBy());
            m.put("decidedAt", d.getDecidedAt().toString());
            m.put("taskId", d.getTaskId());
            return m;
        }).toList();
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

    static Map<String, Object> optionView(PlacementOption o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.getId());
        m.put("serviceId", o.getService().getId());
        m.put("serviceName", o.getService().getName());
        m.put("providerId", o.getProviderId());
        m.put("providerName", o.getService().getProvider().getName());
        m.put("inHouse", o.isInHouse());
        m.put("source", o.getSource());
        m.put("searchRound", o.getSearchRound());
        m.put("secondBest", o.isSecondBest());
        m.put("secondBestReason", o.getSecondBestReason());
        m.put("placementType", o.getService().getPlacementType());
        m.put("weeklyFee", o.getWeeklyFee());
        m.put("distanceMiles", o.getDistanceMiles());
        m.put("needsMet", o.needsMet().stream().map(NeedCode::name).toList());
        m.put("needsUnmet", o.needsUnmet().stream().map(NeedCode::name).toList());
        m.put("ofstedRating", o.getOfstedRating());
        m.put("accreditationStatus", o.getService().getProvider().getAccreditationStatus());
        // the home's vacancies now, with their date: an option found weeks ago may have lost its place since
        m.putAll(Vacancies.view(o.getService(), UkTime.today()));
        m.put("suitable", o.isSuitable());
        m.put("suitabilityReason", o.getSuitabilityReason());
        m.put("rank", o.getRankPosition());
        m.put("reasons", o.getRankReasons());
        return m;
    }

    private Referral visible(Long id) {
        return referrals.findById(id).filter(r -> currentUser.canSeeCouncil(r.getCouncil()))
                .orElseThrow(() -> new NotFoundException("Referral", id));
    }
}
