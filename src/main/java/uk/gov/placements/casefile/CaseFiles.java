package uk.gov.placements.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.DecisionRecord;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.LocalAuthority;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.provider.Vacancies;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.ReferralTimeline;
import uk.gov.placements.referral.TaskPresenter;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.ProviderReferral;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.security.SystemActions;

/**
 * The case as people read it on one page: a referral's facts, its timeline and what it waits on, the options with the
 * providers' offers, and the placement decision record; a child's placements, referrals, reviews and decisions. Every
 * value is written for reading (UK dates, pounds and pence, plain labels), so the pages only lay it out. This module
 * reads the other features' records and nothing depends on it.
 */
@Service
public class CaseFiles {
    /** A labelled fact: "Needed by" → "16/12/2026". */
    public record Fact(String label, String value) {
    }

    /** One option as the case page lists it, with the provider's offer where it made one. */
    public record Option(String rank, String home, String provider, String kind, String distance, String weeklyFee, String ofsted,
                         String needsMet, String offer, boolean chosen, String vacancies, boolean vacanciesStale) {
    }

    public record ReferralCase(Long referralId, String reference, Long childId, String child, List<Fact> facts,
                               ReferralTimeline.Timeline timeline, List<Option> options, List<Fact> decisionRecord) {
    }

    public record PlacementRow(String home, String provider, String type, String from, String to, String status, String weeklyCost,
                               String approvedBy, String approvedAt, String reason) {
    }

    public record ReferralRow(Long id, String reference, String status, String submitted, String neededBy) {
    }

    public record ReviewRow(int number, String due, String held, String outcome, String status, String broughtForward) {
    }

    public record DecisionRow(String when, String what, String who, String why) {
    }

    public record ChildCase(Long childId, String name, List<Fact> facts, List<ReferralTimeline.Waiting> waitingOn,
                            List<PlacementRow> placements, List<ReferralRow> referrals, List<ReviewRow> reviews, List<DecisionRow> decisions) {
    }

    private final ReferralService referrals;
    private final ReferralTimeline timelines;
    private final SearchService search;
    private final PlacementService placements;
    private final ProviderService providers;
    private final Decisions decisions;
    private final IroReviewService reviews;
    private final RuntimeService runtimeService;
    private final SystemActions system;
    private final Clock clock;

    public CaseFiles(ReferralService referrals, ReferralTimeline timelines, SearchService search,
                     PlacementService placements, ProviderService providers,
                     Decisions decisions, IroReviewService reviews, RuntimeService runtimeService, SystemActions system, Clock clock) {
        this.referrals = referrals;
        this.timelines = timelines;
        this.search = search;
        this.placements = placements;
        this.providers = providers;
        this.decisions = decisions;
        this.reviews = reviews;
        this.runtimeService = runtimeService;
        this.system = system;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReferralCase referral(Referral r) {
        Child c = r.getChild();
        List<Fact> facts = List.of(
                new Fact("Child", c.getFirstName() + " " + c.getLastName() + ", " + r.childAge(UkTime.today(clock))),
                new Fact("Status", UkFormat.label(r.getStatus())),
                new Fact("Urgency", UkFormat.label(r.getUrgency())),
                new Fact("Needed by", UkFormat.date(r.getRequiredBy())),
                new Fact("Placement wanted", UkFormat.label(r.getPlacementType()) + " for " + r.getPlannedWeeks() + " weeks, within "
                        + r.getMaxDistanceMiles() + " miles of home"),
                new Fact("Needs", TaskPresenter.needs(r)),
                new Fact("Submitted", UkFormat.dateTime(r.getCreatedAt()) + " by " + r.getCreatedBy()));
        Map<Long, ProviderReferral> offers = search.providerReferralsOf(r.getId()).stream()
                .filter(pr -> pr.getOptionId() != null).collect(Collectors.toMap(ProviderReferral::getOptionId, Function.identity(), (a, b) -> b));
        LocalDate today = UkTime.today(clock);
        List<Option> rows = search.optionsOf(r.getId()).stream()
                .sorted(PlacementOption.RANK_ORDER)
                .map(o -> option(o, offers.get(o.getId()), o.getId().equals(r.getSelectedOptionId()), today)).toList();
        return new ReferralCase(r.getId(), r.getReference(), c.getId(), c.getFirstName() + " " + c.getLastName(), facts, timelines.of(r),
                rows, decisionRecord(r));
    }

    private static Option option(PlacementOption o, ProviderReferral offer, boolean chosen, LocalDate today) {
        String offered = offer == null || offer.getStatus() != ProviderReferral.Status.OFFERED ? ""
                : "From " + (offer.getStartDate() == null ? "a date to agree" : UkFormat.date(offer.getStartDate()))
                + (offer.getHowNeedsMet() == null ? "" : ". " + offer.getHowNeedsMet());
        return new Option(o.getRankPosition() == null ? "Not ranked" : o.getRankPosition().toString(), o.getService().getName(),
                o.getService().getProvider().getName(), o.isInHouse() ? "Council's own" : "Independent",
                UkFormat.miles(o.getDistanceMiles()) + " miles", UkFormat.money(o.getWeeklyFee()) + " a week", UkFormat.label(o.getOfstedRating()),
                o.needsMet().stream().map(NeedCode::label).collect(Collectors.joining(", ")), offered, chosen,
                Vacancies.describe(o.getService(), today), o.getService().vacanciesStale(today));
    }

    /** What a placement decision record holds: the child, the home, the money, and each decision with who, when and why. */
    private List<Fact> decisionRecord(Referral r) {
        List<Fact> record = new ArrayList<>();
        if (r.getPlacementId() == null) {
            return record;
        }
        Placement p = placements.find(r.getPlacementId()).orElse(null);
        if (p == null) {
            return record;
        }
        CareService home = home(p);
        record.add(new Fact("Child", r.getChild().getFirstName() + " " + r.getChild().getLastName() + ", born "
                + UkFormat.date(r.getChild().getDateOfBirth())));
        record.add(new Fact("Referral", r.getReference()));
        record.add(new Fact("Home", home == null ? "" : home.getName() + " (" + home.getProvider().getName() + ")"));
        record.add(new Fact("Placement", UkFormat.label(p.getPlacementType()) + " from " + UkFormat.date(p.getStartDate())
                + (p.getEndDate() == null ? "" : " to " + UkFormat.date(p.getEndDate()))));
        record.add(new Fact("Weekly cost", UkFormat.money(p.getWeeklyCost())));
        record.add(new Fact("Commitment", UkFormat.money(SearchService.commitment(p.getWeeklyCost(), r.getPlannedWeeks()))
                + " over " + r.getPlannedWeeks() + " weeks"));
        for (DecisionRecord d : decisions.ofReferral(r.getId())) {
            if (d.getKind().equals("PROVIDER_RESPONSE")) {
                continue;
            }
            record.add(new Fact(ReferralTimeline.label(d.getKind()), (d.getOutcome() == null ? "" : UkFormat.outcome(d.getOutcome()) + ", ")
                    + "by " + d.getDecidedBy() + " on " + UkFormat.dateTime(d.getDecidedAt()) + (d.getReason() == null ? "" : ": " + d.getReason())));
        }
        return record;
    }

    /** The home of a placement; a placement recorded without one (a move by another route) has none. */
    private CareService home(Placement p) {
        return p.getServiceId() == null ? null : providers.findHome(p.getServiceId()).orElse(null);
    }

    @Transactional(readOnly = true)
    public ChildCase child(Child c) {
        List<Fact> facts = List.of(
                new Fact("Born", UkFormat.date(c.getDateOfBirth()) + " (age " + c.ageOn(UkTime.today(clock)) + ")"),
                new Fact("Council", providers.findLocalAuthority(c.getCouncil()).map(LocalAuthority::getName).orElse(c.getCouncil())),
                new Fact("Legal status", UkFormat.label(c.getLegalStatus())),
                new Fact("Looked after since", c.getLookedAfterSince() == null ? "" : UkFormat.date(c.getLookedAfterSince())),
                new Fact("Social worker", c.getAllocatedSocialWorker() == null ? "Not allocated" : c.getAllocatedSocialWorker()),
                new Fact("Independent reviewing officer", c.getIro() == null ? "Not allocated" : c.getIro()));
        List<PlacementRow> placed = placements.placementsOf(c.getId()).stream().map(p -> {
            CareService home = home(p);
            return new PlacementRow(home == null ? "" : home.getName(), home == null ? "" : home.getProvider().getName(),
                    UkFormat.label(p.getPlacementType()), UkFormat.date(p.getStartDate()), p.getEndDate() == null ? "" : UkFormat.date(p.getEndDate()),
                    UkFormat.label(p.getStatus()), UkFormat.money(p.getWeeklyCost()), p.getApprovedBy(),
                    p.getApprovedAt() == null ? "" : UkFormat.dateTime(p.getApprovedAt()), p.getApprovalReason());
        }).toList();
        List<ReferralRow> referred = referrals.referralsOf(c.getId()).stream().sorted(Comparator.comparing(Referral::getCreatedAt))
                .map(r -> new ReferralRow(r.getId(), r.getReference(), UkFormat.label(r.getStatus()), UkFormat.dateTime(r.getCreatedAt()),
                        UkFormat.date(r.getRequiredBy()))).toList();
        List<ReviewRow> held = reviews.reviewsOf(c.getId()).stream()
                .map(v -> new ReviewRow(v.getSequenceNumber(), UkFormat.date(v.getDueDate()), v.getHeldOn() == null ? "" : UkFormat.date(v.getHeldOn()),
                        UkFormat.reviewOutcome(v.getOutcome()), UkFormat.label(v.getStatus()),
                        v.isBroughtForward() ? v.getBroughtForwardReason() : "")).toList();
        List<DecisionRow> decided = decisions.ofChild(c.getId()).stream()
                .map(d -> new DecisionRow(UkFormat.dateTime(d.getDecidedAt()), ReferralTimeline.label(d.getKind())
                        + (d.getOutcome() == null ? "" : ": " + UkFormat.outcome(d.getOutcome())), d.getDecidedBy(), d.getReason())).toList();
        return new ChildCase(c.getId(), c.getFirstName() + " " + c.getLastName(), facts, timelines.openTasks(childProcesses(c.getId())),
                placed, referred, held, decided);
    }

    /** The child's running reviews and the contract monitoring of each of the child's placements. */
    private List<String> childProcesses(Long childId) {
        List<String> keys = new ArrayList<>();
        keys.add(IroReviewProcess.businessKey(childId));
        placements.placementsOf(childId).forEach(p -> keys.add(ContractMonitoringProcess.businessKey(p.getId())));
        return system.run(() -> keys.stream().flatMap(key -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
                .list().stream()).map(ProcessInstance::getId).toList());
    }
}
