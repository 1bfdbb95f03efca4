package uk.gov.placements.monitoring;

import uk.gov.placements.provider.MonitoringRating;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
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
    private final AccreditationHistory accreditations;
    private final SystemActions system;
    private final ProviderService providers;

    MonitoringController(MonitoringRoundRepository rounds, ActionPlanRepository plans, ExitInterviewRepository exitInterviews,
                         ContractMonitoringService monitoring, CurrentUser currentUser,
                         AccreditationHistory accreditations,
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

    /** A provider's history in the register; {@code lowestFormBCScore} is null until the accreditation's visits are done. */
    record ProviderHistory(List<RatingRow> ratings, List<ActionPlanRow> actionPlans, List<AccreditationHistory.AccreditationRow> accreditations,
                           List<ExitInterviewRow> exitInterviews) {
    }

    record RatingRow(int round, MonitoringRating rating, String ratedAt, String reason) {
    }

    record ActionPlanRow(Long id, ActionPlan.Source source, String concern, ActionPlan.Status status, String deadline) {
    }

    /** {@code feltSafe} is the child's yes or no, or the words "not asked". */
    record ExitInterviewRow(String interviewedOn, String childViews,
                            @Schema(oneOf = {Boolean.class, String.class}, example = "not asked") Object feltSafe) {
    }

    record SuspensionAnswer(Long providerId, boolean suspended) {
    }

    /** Ratings, action plans and exit interviews: shared by every council, with no child named. */
    @GetMapping("/history")
    ProviderHistory history(@PathVariable Long id) {
        currentUser.requireAnyGroup(Roles.STAFF.toArray(String[]::new));
        return new ProviderHistory(rounds.findByProviderIdOrderByIdAsc(id).stream().filter(r -> r.getRating() != null)
                .map(r -> new RatingRow(r.getRoundNumber(), r.getRating(), r.getRatedAt().toString(),
                        r.getRatingReason() == null ? "" : r.getRatingReason())).toList(),
                plans.findByProviderIdOrderByIdAsc(id).stream().map(p -> new ActionPlanRow(p.getId(), p.getSource(), p.getConcern(),
                        p.getStatus(), p.getDeadline() == null ? "" : p.getDeadline().toString())).toList(),
                accreditations.of(id),
                exitInterviews.findByProviderIdOrderByInterviewedOnDesc(id).stream().map(e -> new ExitInterviewRow(
                        e.getInterviewedOn().toString(), e.getChildViews(), e.getFeltSafe() == null ? "not asked" : e.getFeltSafe())).toList());
    }

    record SuspensionDecision(Boolean suspended, String reason) {
    }

    @PostMapping("/suspension")
    SuspensionAnswer suspension(@PathVariable Long id, @RequestBody SuspensionDecision decision) {
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
        return new SuspensionAnswer(id, decision.suspended());
    }
}
