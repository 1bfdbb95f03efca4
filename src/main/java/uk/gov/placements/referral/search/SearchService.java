package uk.gov.placements.referral.search;

import uk.gov.placements.common.UkTime;

import uk.gov.placements.provider.MonitoringRating;

import uk.gov.placements.common.UkFormat;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.Geo;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.provider.MonitoringRatings;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.ServiceMatcher;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;

/**
 * Looks in-house first, then ranks every suitable option, in-house and the independent providers'
 * written offers, together.
 * Ranking (see {@link Ranking}): needs met, Ofsted rating, monitoring rating, within 20 miles of
 * home; options equal on all of these are "equally good", and only among them does in-house come
 * first, then the nearer, then the cheaper. Cost is the last key, so it never hides a better match.
 */
@Service
@NamedInterface("search")
public class SearchService {
    /** "Near home": the one definition the ranking and the sufficiency reports share. */
    public static final double NEAR_HOME_MILES = 20.0;

    /** How many second-best alternatives are offered when nothing meets the referral in full. */
    static final int ALTERNATIVES = 5;

    /** The seed council's procurement rule: from this commitment, two written offers or a waiver. */
    public static final BigDecimal PROCUREMENT_THRESHOLD = new BigDecimal("10000");
    private final ReferralService referrals;
    private final PlacementOptionRepository options;
    private final ServiceMatcher matcher;
    private final Decisions decisions;
    private final PlacementService placements;
    private final MonitoringRatings monitoringRatings;
    private final ProviderReferralRepository providerReferrals;
    private final Clock clock;

    public SearchService(ReferralService referrals, PlacementOptionRepository options, ServiceMatcher matcher, Decisions decisions,
                         PlacementService placements, MonitoringRatings monitoringRatings,
                         ProviderReferralRepository providerReferrals, Clock clock) {
        this.providerReferrals = providerReferrals;
        this.monitoringRatings = monitoringRatings;
        this.referrals = referrals;
        this.placements = placements;
        this.options = options;
        this.matcher = matcher;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Starts a (new) search round: the earlier rounds' options, offers and decisions stay as the referral's history,
     * and nothing decided for an earlier round (a procurement waiver) carries into this one.
     */
    @Transactional
    public List<PlacementOption> searchInHouse(Long referralId) {
        Referral r = referrals.startSearchRound(referralId);
        List<PlacementOption> found = matcher.inHouse(criteria(r, UkTime.today(clock)), r.getCouncil()).stream()
                .filter(m -> !m.service().getId().equals(currentServiceId(r)))
                .map(m -> new PlacementOption(referralId, m.service(), OptionSource.IN_HOUSE_SEARCH, m.distanceMiles(),
                        m.needsMet(), m.needsUnmet()).inRound(r.getSearchRound()))
                .toList();
        return options.saveAll(found);
    }

    /** A child moving on is not offered the placement being left. */
    Long currentServiceId(Referral r) {
        return r.getCurrentPlacementId() == null ? null
                : placements.find(r.getCurrentPlacementId()).map(p -> p.getServiceId()).orElse(null);
    }

    static ServiceMatcher.Criteria criteria(Referral r, LocalDate today) {
        return new ServiceMatcher.Criteria(r.getPlacementType(), r.childAge(today), r.placesNeeded(), r.essentialNeeds(),
                r.desirableNeeds(), r.getChild().getLatitude(), r.getChild().getLongitude(), (double) r.getMaxDistanceMiles());
    }

    /**
     * The placements team's review of the in-house options: which are unsuitable and why, and
     * whether to restrict the search to in-house (which needs a reason, shown to the IRO).
     */
    @Transactional
    public void reviewInHouse(Long referralId, List<Long> unsuitableIds, String notes, boolean restrict, String restrictionReason,
                              LocalDate proposedStart, String taskId) {
        Referral r = referral(referralId);
        if (proposedStart != null && (proposedStart.isBefore(UkTime.today(clock))
                || proposedStart.isAfter(UkTime.today(clock).plusYears(1)))) {
            throw InvalidInputException.of("proposedStartDate", "must be from today and within a year");
        }
        List<PlacementOption> inHouse = options.findByReferralIdAndSource(referralId, OptionSource.IN_HOUSE_SEARCH);
        Set<Long> known = inHouse.stream().map(PlacementOption::getId).collect(Collectors.toSet());
        for (Long id : unsuitableIds) {
            if (!known.contains(id)) {
                throw InvalidInputException.of(PlacementSearchProcess.UNSUITABLE_OPTION_IDS, "names option " + id + " which is not an in-house option of this referral");
            }
        }
        if (!unsuitableIds.isEmpty() && (notes == null || notes.isBlank())) {
            throw InvalidInputException.of(PlacementSearchProcess.SUITABILITY_NOTES, "must say why the options marked unsuitable are unsuitable");
        }
        if (restrict && (restrictionReason == null || restrictionReason.isBlank())) {
            throw InvalidInputException.of(PlacementSearchProcess.RESTRICTION_REASON, "is required to restrict the search to in-house");
        }
        if (restrict && inHouse.stream().noneMatch(o -> !unsuitableIds.contains(o.getId()))) {
            throw InvalidInputException.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, "cannot be chosen when no in-house option is suitable");
        }
        for (PlacementOption o : inHouse) {
            boolean suitable = !unsuitableIds.contains(o.getId());
            o.markSuitability(suitable, suitable ? null : notes);
        }
        referrals.inHouseReviewed(referralId, restrict, restrict ? restrictionReason : null, proposedStart);
        decisions.record(referralId, null, "IN_HOUSE_REVIEW", (inHouse.size() - unsuitableIds.size()) + " of " + inHouse.size() + " suitable",
                notes, taskId);
        decisions.record(referralId, null, "SEARCH_RESTRICTION", restrict ? "RESTRICTED_TO_IN_HOUSE" : "EXTERNAL_SEARCH",
                restrict ? restrictionReason : null, taskId);
    }

    /**
     * Second-best, honestly: when no option of this round meets every essential need within the type and distance
     * asked for, the council's own carers and homes that come nearest are offered too, each marked second-best with
     * what it lacks: another placement type, further away (up to twice the distance asked), or an essential need it
     * does not meet. Choosing one records the placement as second-best with those reasons.
     */
    private void offerAlternativesIfNoneMeets(Referral r) {
        List<PlacementOption> current = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId());
        if (current.stream().anyMatch(o -> o.isSuitable() && !o.isSecondBest())) {
            return;
        }
        Set<Long> known = current.stream().map(o -> o.getService().getId()).collect(Collectors.toSet());
        Long leaving = currentServiceId(r);
        ServiceMatcher.Criteria asked = criteria(r, UkTime.today(clock));
        Map<Long, PlacementOption> alternatives = new LinkedHashMap<>();
        BiConsumer<ServiceMatcher.Match, String> offer = (m, lacks) -> {
            if (!known.contains(m.service().getId()) && !m.service().getId().equals(leaving)) {
                alternatives.putIfAbsent(m.service().getId(), new PlacementOption(r.getId(), m.service(), OptionSource.IN_HOUSE_SEARCH,
                        m.distanceMiles(), m.needsMet(), m.needsUnmet()).inRound(r.getSearchRound()).secondBest(lacks));
            }
        };
        for (PlacementType type : PlacementType.values()) {
            if (type != asked.type()) {
                matcher.inHouse(new ServiceMatcher.Criteria(type, asked.age(), asked.places(), asked.essential(), asked.desirable(),
                        asked.latitude(), asked.longitude(), asked.maxMiles()), r.getCouncil())
                        .forEach(m -> offer.accept(m, "another placement type: " + label(type) + " instead of " + label(asked.type())));
            }
        }
        double further = Math.min(asked.maxMiles() * 2, Geo.MAX_DISTANCE_MILES);
        matcher.inHouse(new ServiceMatcher.Criteria(asked.type(), asked.age(), asked.places(), asked.essential(), asked.desirable(),
                asked.latitude(), asked.longitude(), further), r.getCouncil()).stream()
                .filter(m -> m.distanceMiles() > asked.maxMiles())
                .forEach(m -> offer.accept(m, "further away: " + UkFormat.miles(m.distanceMiles()) + " miles from home, beyond the " + r.getMaxDistanceMiles() + " asked"));
        Set<NeedCode> wanted = EnumSet.noneOf(NeedCode.class);
        wanted.addAll(asked.essential());
        wanted.addAll(asked.desirable());
        matcher.inHouse(new ServiceMatcher.Criteria(asked.type(), asked.age(), asked.places(), Set.of(), wanted, asked.latitude(),
                asked.longitude(), asked.maxMiles()), r.getCouncil()).stream()
                .filter(m -> !Collections.disjoint(m.needsUnmet(), asked.essential()))
                .forEach(m -> offer.accept(m, "does not meet: " + m.needsUnmet().stream().filter(asked.essential()::contains)
                        .map(NeedCode::label).collect(Collectors.joining(", "))));
        List<PlacementOption> nearest = alternatives.values().stream()
                .sorted(Comparator.comparingDouble(PlacementOption::getDistanceMiles)).limit(ALTERNATIVES).toList();
        if (!nearest.isEmpty()) {
            options.saveAll(nearest);
            decisions.record(r.getId(), null, "SECOND_BEST_OFFERED", nearest.size() + " alternatives",
                    "No option met every essential need within the type and distance asked for", null);
        }
    }

    private static String label(PlacementType type) {
        return UkFormat.label(type).toLowerCase(Locale.UK);
    }

    /** Ranks every suitable option and writes the reasons for each rank. */
    @Transactional
    public List<PlacementOption> rank(Long referralId) {
        Referral r = referral(referralId);
        offerAlternativesIfNoneMeets(r);
        List<PlacementOption> all = options.findByReferralIdOrderByRankPositionAscIdAsc(referralId);
        List<PlacementOption> suitable = new ArrayList<>(all.stream().filter(PlacementOption::isSuitable).toList());
        Ranking ranking = new Ranking(monitoringRatings.latestRatings(suitable.stream().map(PlacementOption::getProviderId)
                .filter(Objects::nonNull).collect(Collectors.toSet())));
        suitable.sort(ranking.order());
        for (int i = 0; i < suitable.size(); i++) {
            PlacementOption o = suitable.get(i);
            o.ranked(i + 1, reasons(r, o, suitable, ranking));
        }
        all.stream().filter(o -> !o.isSuitable()).forEach(o -> o.ranked(null, "Not ranked: marked unsuitable by the placements team ("
                + o.getSuitabilityReason() + ")"));
        referrals.optionsRanked(referralId);
        return suitable;
    }

    static int needsScore(PlacementOption o) {
        return o.needsMet().size();
    }

    static boolean nearHome(PlacementOption o) {
        return o.getDistanceMiles() <= NEAR_HOME_MILES;
    }

    /**
     * The order of options. Match quality first: needs met, Ofsted rating, the provider's latest
     * contract-monitoring rating (RED and AMBER count against it; no rating counts as GREEN, so the
     * council's own provision is not penalised), and within 20 miles of home. Options equal on all of
     * these are equally good; only among them does in-house come first, then nearer, then cheaper.
     */
    record Ranking(Map<Long, String> ratings) {
        int monitoring(PlacementOption o) {
            String rating = ratings.get(o.getProviderId());
            return "RED".equals(rating) ? 0 : "AMBER".equals(rating) ? 1 : 2;
        }

        Comparator<PlacementOption> matchQuality() {
            return Comparator.comparingInt(SearchService::needsScore).reversed()
                    .thenComparing(Comparator.comparingInt((PlacementOption o) -> o.getOfstedRating().quality()).reversed())
                    .thenComparing(Comparator.comparingInt(this::monitoring).reversed())
                    .thenComparing(o -> nearHome(o) ? 0 : 1);
        }

        Comparator<PlacementOption> order() {
            return matchQuality()
                    .thenComparing(o -> o.isInHouse() ? 0 : 1)
                    .thenComparingDouble(PlacementOption::getDistanceMiles)
                    .thenComparing(PlacementOption::getWeeklyFee)
                    .thenComparing(PlacementOption::getId);
        }

        boolean equallyGood(PlacementOption a, PlacementOption b) {
            return matchQuality().compare(a, b) == 0;
        }
    }

    private static String reasons(Referral r, PlacementOption o, List<PlacementOption> ranked, Ranking ranking) {
        int wanted = r.getNeeds().size();
        Set<NeedCode> unmet = o.needsUnmet();
        List<String> why = new ArrayList<>();
        if (o.isSecondBest()) {
            why.add("Second-best, as nothing met the referral in full: " + o.getSecondBestReason());
        }
        why.add(wanted == 0 ? "No specific needs were listed"
                : "Meets " + o.needsMet().size() + " of " + wanted + " needs (every essential need)"
                        + (unmet.isEmpty() ? "" : "; not met: " + unmet.stream().map(NeedCode::label).collect(Collectors.joining(", "))));
        why.add("Ofsted " + UkFormat.label(o.getOfstedRating()).toLowerCase(Locale.UK));
        String rating = ranking.ratings().get(o.getProviderId());
        if (rating != null) {
            why.add("latest contract-monitoring rating " + MonitoringRating.describe(rating).toLowerCase(Locale.UK));
        }
        why.add(UkFormat.miles(o.getDistanceMiles()) + " miles from home (" + (nearHome(o) ? "within" : "more than") + " 20 miles)");
        boolean tieWithOtherKind = ranked.stream().anyMatch(x -> x != o && x.isInHouse() != o.isInHouse() && ranking.equallyGood(x, o));
        if (o.isInHouse()) {
            why.add(tieWithOtherKind ? "the council's own provision: preferred over independent options that match equally well"
                    : "the council's own provision");
        } else {
            why.add(tieWithOtherKind ? "independent: an in-house option matches equally well and comes first"
                    : "independent provider in the shared register");
        }
        why.add(UkFormat.money(o.getWeeklyFee()) + " a week (cost decides only between equal matches)");
        return String.join("; ", why);
    }

    /**
     * Checks the social worker's choice. A reason is required when the choice is not the top-ranked
     * option: an in-house option over a better external one, or an external one over an equally good
     * in-house one (which always ranks above it).
     */
    @Transactional
    public PlacementOption select(Long referralId, Long optionId, String reason, String taskId) {
        Referral r = referral(referralId);
        PlacementOption chosen = options.findById(optionId).filter(o -> o.getReferralId().equals(referralId))
                .orElseThrow(() -> InvalidInputException.of("selectedOptionId", "is not an option of this referral"));
        if (!chosen.isSuitable() || chosen.getRankPosition() == null) {
            throw InvalidInputException.of("selectedOptionId", "was marked unsuitable and cannot be chosen");
        }
        if (chosen.isWrittenOffer() && overThreshold(chosen, r) && writtenOffers(referralId).size() < 2
                && !Boolean.TRUE.equals(r.getWaiverApproved())) {
            throw InvalidInputException.of("selectedOptionId", "needs two written offers or a procurement waiver (commitment of " + UkFormat.money(PROCUREMENT_THRESHOLD) + " or more)");
        }
        if (chosen.getRankPosition() != 1 && (reason == null || reason.isBlank())) {
            throw InvalidInputException.of("selectionReason", "is required when choosing an option other than the top-ranked one");
        }
        referrals.optionSelected(referralId, optionId, reason);
        decisions.record(referralId, null, "SELECTION", "OPTION " + optionId + " (rank " + chosen.getRankPosition() + ")", reason, taskId);
        return chosen;
    }

    /**
     * A waiver is needed when an independent offer would commit £10,000 or more and fewer than two
     * written offers were received, unless heads of service have already decided on it.
     */
    @Transactional(readOnly = true)
    public boolean procurementWaiverNeeded(Long referralId) {
        Referral r = referral(referralId);
        if (r.getWaiverApproved() != null) {
            return false;
        }
        List<PlacementOption> offers = writtenOffers(referralId);
        return offers.size() < 2 && offers.stream().anyMatch(o -> overThreshold(o, r));
    }

    /** The options ranked, and whether the selection now needs a procurement waiver. */
    @Transactional
    public boolean rankThenWaiverNeeded(Long referralId) {
        rank(referralId);
        return procurementWaiverNeeded(referralId);
    }

    /** Heads of service decide; a refusal withdraws the offers that needed the waiver and re-ranks the rest. */
    @Transactional
    public void decideWaiver(Long referralId, boolean approved, String reason, String taskId) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("waiverReason", "is required: why the competition requirement is or is not waived");
        }
        Referral r = referral(referralId);
        referrals.waiverDecided(referralId, approved, reason.trim());
        decisions.record(referralId, null, "PROCUREMENT_WAIVER", approved ? "WAIVED" : "REFUSED", reason.trim(), taskId);
        if (!approved) {
            writtenOffers(referralId).stream().filter(o -> overThreshold(o, r))
                    .forEach(o -> o.markSuitability(false, "Procurement waiver refused: fewer than two written offers"));
            rank(referralId);
        }
    }

    private List<PlacementOption> writtenOffers(Long referralId) {
        return options.findByReferralIdOrderByRankPositionAscIdAsc(referralId).stream().filter(PlacementOption::isWrittenOffer).toList();
    }

    private static boolean overThreshold(PlacementOption o, Referral r) {
        return commitment(o, r.getPlannedWeeks()).compareTo(PROCUREMENT_THRESHOLD) >= 0;
    }

    /** An approval goes ahead only on an option still suitable: a home rated inadequate since the choice is refused. */
    public void requireStillSuitable(Long optionId, String field) {
        PlacementOption o = option(optionId);
        if (!o.isSuitable()) {
            throw InvalidInputException.of(field, "cannot approve the chosen option: " + o.getSuitabilityReason()
                    + ". Return the referral for another choice, or reject it");
        }
    }

    public PlacementOption option(Long optionId) {
        return NotFoundException.findOrThrow(options, "Option", optionId);
    }

    public static BigDecimal commitment(PlacementOption o, int plannedWeeks) {
        return commitment(o.getWeeklyFee(), plannedWeeks);
    }

    /** What a placement commits the council to: the weekly fee for every planned week. */
    public static BigDecimal commitment(BigDecimal weeklyFee, int plannedWeeks) {
        return weeklyFee.multiply(BigDecimal.valueOf(plannedWeeks));
    }

    private Referral referral(Long id) {
        return referrals.get(id);
    }

    /** The options of the referral's current search round, in ranked order (unranked ones last). */
    @Transactional(readOnly = true)
    public List<PlacementOption> optionsOf(Long referralId) {
        return options.findByReferralIdOrderByRankPositionAscIdAsc(referralId);
    }

    /** Every provider asked about the referral, in every round, in the order they were asked. */
    @Transactional(readOnly = true)
    public List<ProviderReferral> providerReferralsOf(Long referralId) {
        return providerReferrals.findByReferralIdOrderByIdAsc(referralId);
    }

    /** A provider's referral by id, or none. */
    @Transactional(readOnly = true)
    public Optional<ProviderReferral> findProviderReferral(Long providerReferralId) {
        return providerReferrals.findById(providerReferralId);
    }
}
