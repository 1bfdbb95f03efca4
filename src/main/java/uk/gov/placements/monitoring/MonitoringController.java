package uk.gov.placements.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.accreditation.AccreditationRepository;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

/** A provider's history in the shared register (accreditations with their Form scores, ratings, action plans, exit interviews), and suspension decisions. */
@RestController
@RequestMapping("/api/providers/{id}")
class MonitoringController {
    private final MonitoringRoundRepository rounds;
    private final ActionPlanRepository plans;
    private final ExitInterviewRepository exitInterviews;
    private final ContractMonitoringService monitoring;
    private final CurrentUser currentUser;
    private final AccreditationRepository accreditations;
    private final SystemActions system;
    private final ProviderService providers;

    MonitoringController(MonitoringRoundRepository rounds, ActionPlanRepository plans, ExitInterviewRepository exitInterviews,
                         ContractMonitoringService monitoring, CurrentUser currentUser,
                         AccreditationRepository accreditations,
                         SystemActions system, ProviderService providers) {
        this.providers = providers;
        this.system = system;
        this.accreditations = accreditations;
        this.rounds = rounds;
        this.plans = plans;
        this.exitInterviews = exitInterviews;
        this.monitoring = monitoring;
        this.currentUser = currentUser;
    }

    /** Ratings, action plans and exit interviews: shared by every council, with no child named. */
    @GetMapping("/history")
    Map<String, Object> history(@PathVariable Long id) {
        currentUser.requireAnyGroup(Roles.STAFF.toArray(String[]::new));
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("ratings", rounds.findByProviderIdOrderByIdAsc(id).stream().filter(r -> r.getRating() != null)
                .map(r -> Map.of("round", r.getRoundNumber(), "rating", r.getRating(), "ratedAt", r.getRatedAt().toString(),
                        "reason", r.getRatingReason() == null ? "" : r.getRatingReason())).toList());
        h.put("actionPlans", plans.findByProviderIdOrderByIdAsc(id).stream()
                .map(p -> Map.of("id", p.getId(), "source", p.getSource(), "concern", p.getConcern(), "status", p.getStatus(),
                        "deadline", p.getDeadline() == null ? "" : p.getDeadline().toString())).toList());
        h.put("accreditations", accreditations.findByProviderIdOrderByIdAsc(id).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", a.getStatus());
            m.put("outcome", a.getOutcome());
            m.put("confirmed", a.getConfirmed());
            m.put("expiresOn", a.getExpiresOn());
            m.put("lowestFormBCScore", a.visitsDone() ? a.lowestScore() : null);
            m.put("discrepancies", a.getDiscrepancies());
            return m;
        }).toList());
        h.put("exitInterviews", exitInterviews.findByProviderIdOrderByInterviewedOnDesc(id).stream()
                .map(e -> Map.of("interviewedOn", e.getInterviewedOn().toString(), "childViews", e.getChildViews(),
                        "feltSafe", e.getFeltSafe() == null ? "not asked" : e.getFeltSafe())).toList());
        return h;
    }

    record SuspensionDecision(Boolean suspended, String reason) {
    }

    @PostMapping("/suspension")
    Map<String, Object> suspension(@PathVariable Long id, @RequestBody SuspensionDecision decision) {
        currentUser.requireAnyGroup(Roles.COMMISSIONING_MANAGERS);
        // an independent provider is the consortium's, and any council may suspend it; a council's own provision is its own
        Provider provider = providers.get(id);
        if (provider.isInHouse() && !currentUser.canSeeCouncil(provider.getCouncil())) {
            throw new NotFoundException("Provider", id);
        }
        if (decision.suspended() == null) {
            throw InvalidInputException.of("suspended", "is required");
        }
        if (decision.suspended()) {
            if (decision.reason() == null || decision.reason().isBlank()) {
                throw InvalidInputException.of("reason", "is required to suspend a provider");
            }
            system.run(() -> monitoring.suspend(id, decision.reason().trim()));   // every council is told, whoever decides
        } else {
            monitoring.liftSuspension(id, decision.reason());
        }
        return Map.of("providerId", id, "suspended", decision.suspended());
    }
}
