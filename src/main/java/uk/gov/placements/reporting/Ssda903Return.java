package uk.gov.placements.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.child.ChildStatus;
import uk.gov.placements.common.Ssda903;
import uk.gov.placements.iro.IroReview;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.placement.MissingEpisode;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.placement.PlacementStatus;

/**
 * A council's SSDA903 return for a collection year (1 April to 31 March), table by table, in the Department for
 * Education's column names, codes and dates (dd/mm/yyyy), built from the records made when each thing happened.
 * <p>
 * Episodes: a period of care runs from a child's first placement to the placement that ended with a reason other
 * than X1. Within it a new episode starts on each day the legal status changes or the child moves to a placement the
 * 903 tells apart (another place, provider, postcode or URN); a new placement record that the 903 cannot tell apart
 * continues the episode. Each episode carries the legal status and category of need of its own first day. An episode
 * ended by a change within care ends with X1 on the day the next begins, with the reason for the move when the
 * placement changed; the last of a period ends with the placement's REC. What happens after 31 March is not yet known
 * to the return: an episode still open then has no end.
 */
@Service
public class Ssda903Return {
    public static final List<String> TABLES = List.of("header", "episodes", "reviews", "uasc", "missing");
    /** The 903's URN for a placement with no Ofsted registration of its own (the council's carers among them). */
    static final String NO_URN = "XXXXXXX";

    /** One table of the return: its columns and rows, as text. */
    public record Table(List<String> columns, List<List<String>> rows) {
    }

    /** An episode of care, as the 903 counts it. */
    public record Episode(Long child, LocalDate start, String reasonNewEpisode, String legalStatus, String categoryOfNeed, String place,
                          String placeProvider, LocalDate end, String reasonEpisodeCeased, String reasonPlaceChange, String homePostcode,
                          String placementPostcode, String urn) {
    }

    private final PlacementService placements;
    private final ChildService children;
    private final IroReviewService reviews;

    public Ssda903Return(PlacementService placements, ChildService children, IroReviewService reviews) {
        this.placements = placements;
        this.children = children;
        this.reviews = reviews;
    }

    public static LocalDate yearStart(int year) {
        return LocalDate.of(year, 4, 1);
    }

    public static LocalDate yearEnd(int year) {
        return LocalDate.of(year + 1, 3, 31);
    }

    @Transactional(readOnly = true)
    public Table table(String table, String council, int year) {
        LocalDate from = yearStart(year);
        LocalDate to = yearEnd(year);
        List<Episode> episodes = episodes(council, from, to);
        Map<Long, Child> looked = children.withIds(episodes.stream().map(Episode::child).distinct().toList()).stream()
                .collect(Collectors.toMap(Child::getId, Function.identity()));
        List<Child> inYear = looked.values().stream().sorted(Comparator.comparing(Child::getId)).toList();
        return switch (table) {
            case "header" -> new Table(List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"), inYear.stream().map(c -> List.of(
                    id(c), sex(c), date(c.getDateOfBirth()), text(c.getEthnicity()), text(c.getUpn()),
                    female(c) && c.getMother() != null ? (c.getMother() ? "1" : "0") : "",
                    female(c) && Boolean.TRUE.equals(c.getMother()) ? date(c.getMotherChildDob()) : "")).toList());
            case "episodes" -> episodesTable(episodes);
            case "reviews" -> new Table(List.of("CHILD", "DOB", "REVIEW", "REVIEW_CODE"), inYear.stream()
                    .flatMap(c -> reviews.reviewsOf(c.getId()).stream()
                            .filter(r -> r.getStatus() == IroReview.Status.HELD && within(r.getHeldOn(), from, to))
                            .map(r -> List.of(id(c), date(c.getDateOfBirth()), date(r.getHeldOn()), text(r.getParticipation()))))
                    .toList());
            case "uasc" -> new Table(List.of("CHILD", "SEX", "DOB", "DUC"), inYear.stream().filter(Child::isUasc)
                    .map(c -> List.of(id(c), sex(c), date(c.getDateOfBirth()), date(c.getUascCeased()))).toList());
            case "missing" -> new Table(List.of("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"), placements.missingEpisodesOf(council)
                    .stream().filter(m -> !m.getStartDate().isAfter(to) && (m.getEndDate() == null || !m.getEndDate().isBefore(from)))
                    .filter(m -> looked.containsKey(m.getChildId()))
                    .map(m -> List.of(String.valueOf(m.getChildId()), date(looked.get(m.getChildId()).getDateOfBirth()),
                            m.getKind() == MissingEpisode.Kind.MISSING ? "M" : "A", date(m.getStartDate()),
                            m.getEndDate() == null || m.getEndDate().isAfter(to) ? "" : date(m.getEndDate()))).toList());
            default -> throw new IllegalArgumentException(table);
        };
    }

    /** The episodes table of these episodes. */
    public Table episodesTable(List<Episode> episodes) {
        return new Table(List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"), episodes.stream().map(e -> List.of(
                String.valueOf(e.child()), date(e.start()), e.reasonNewEpisode(), e.legalStatus(), text(e.categoryOfNeed()), text(e.place()),
                text(e.placeProvider()), date(e.end()), text(e.reasonEpisodeCeased()), text(e.reasonPlaceChange()), text(e.homePostcode()),
                text(e.placementPostcode()), e.urn() == null || e.urn().isBlank() ? NO_URN : e.urn())).toList());
    }

    /** The council's episodes open at any time between the two days, child by child and in order. */
    @Transactional(readOnly = true)
    public List<Episode> episodes(String council, LocalDate from, LocalDate to) {
        Map<Long, List<Placement>> byChild = placements.ofCouncils(List.of(council)).stream()
                .filter(p -> p.getStatus() != PlacementStatus.PLANNED && !p.getStartDate().isAfter(to))
                .collect(Collectors.groupingBy(Placement::getChildId));
        Map<Long, List<ChildStatus>> statusByChild = children.statusHistories(byChild.keySet()).stream()
                .collect(Collectors.groupingBy(ChildStatus::getChildId));
        List<Episode> all = new ArrayList<>();
        byChild.keySet().stream().sorted().forEach(childId -> {
            List<Placement> ordered = byChild.get(childId).stream()
                    .sorted(Comparator.comparing(Placement::getStartDate).thenComparing(Placement::getId)).toList();
            all.addAll(episodesOf(childId, ordered, statusByChild.getOrDefault(childId, List.of()), to));
        });
        return all.stream().filter(e -> !e.start().isAfter(to) && (e.end() == null || !e.end().isBefore(from))).toList();
    }

    /** A segment of care: a placement from a day, under the legal status of that day. */
    private record Segment(LocalDate start, Placement placement, ChildStatus status) {
    }

    private static List<Episode> episodesOf(Long childId, List<Placement> placements, List<ChildStatus> statuses, LocalDate yearEnd) {
        List<Episode> episodes = new ArrayList<>();
        int i = 0;
        while (i < placements.size()) {
            // one period of care: placements joined by moves within care (X1, the next starting the day this one ended)
            List<Placement> period = new ArrayList<>(List.of(placements.get(i)));
            while (i + 1 < placements.size() && movedOn(period.get(period.size() - 1), placements.get(i + 1))) {
                period.add(placements.get(++i));
            }
            i++;
            episodes.addAll(periodEpisodes(childId, period, statuses, yearEnd));
        }
        return episodes;
    }

    private static boolean movedOn(Placement ended, Placement next) {
        return ended.getEndDate() != null && Ssda903.MOVED_WITHIN_CARE.equals(recOf(ended)) && next.getStartDate().equals(ended.getEndDate());
    }

    /** A placement ended before V19 recorded the reason: the first release ended placements only by a move. */
    private static String recOf(Placement p) {
        return p.getReasonEpisodeCeased() == null ? Ssda903.MOVED_WITHIN_CARE : p.getReasonEpisodeCeased();
    }

    private static List<Episode> periodEpisodes(Long childId, List<Placement> period, List<ChildStatus> statuses, LocalDate yearEnd) {
        Placement last = period.get(period.size() - 1);
        LocalDate periodEnd = last.getEndDate();
        // the days something may change: each placement's start, and each change of legal status within the period
        Set<LocalDate> days = new LinkedHashSet<>();
        period.forEach(p -> days.add(p.getStartDate()));
        statuses.stream().map(ChildStatus::getFromDate)
                .filter(d -> d.isAfter(period.get(0).getStartDate()) && (periodEnd == null || d.isBefore(periodEnd)))
                .forEach(days::add);
        List<Segment> segments = days.stream().sorted().map(d -> new Segment(d, placementOn(period, d), statusOn(statuses, d))).toList();

        List<Episode> episodes = new ArrayList<>();
        Segment open = null;
        Placement current = null;   // the placement the child is in at the end of the open episode
        String rne = "S";
        for (Segment s : segments) {
            if (open != null) {
                boolean statusChanged = !Objects.equals(legalStatus(open), legalStatus(s));
                boolean placementChanged = !sameFor903(open.placement(), s.placement());
                if (!statusChanged && !placementChanged) {
                    current = s.placement();
                    continue;   // nothing the 903 counts changed: the episode goes on
                }
                String reason = placementChanged ? reasonForMove(current, s.placement()) : null;
                episodes.add(episode(childId, open, rne, s.start(), Ssda903.MOVED_WITHIN_CARE, reason, yearEnd));
                rne = statusChanged && placementChanged ? "T" : statusChanged ? "L" : "P";
            }
            open = s;
            current = s.placement();
        }
        episodes.add(episode(childId, open, rne, periodEnd, periodEnd == null ? null : recOf(last), null, yearEnd));
        return episodes;
    }

    private static Episode episode(Long childId, Segment s, String rne, LocalDate end, String rec, String reasonPlaceChange, LocalDate yearEnd) {
        // an end after the collection year is not yet known to this year's return
        boolean ended = end != null && !end.isAfter(yearEnd);
        Placement p = s.placement();
        return new Episode(childId, s.start(), rne, legalStatus(s), s.status() == null ? null : s.status().getCategoryOfNeed(),
                p.getPlaceCode(), p.getPlaceProviderCode(), ended ? end : null, ended ? rec : null, ended ? reasonPlaceChange : null,
                p.getHomePostcode(), p.getPlacementPostcode(), p.getProviderUrn());
    }

    /** Why the child moved: said when the placement ended (V19), or on the new placement by the first release. */
    private static String reasonForMove(Placement from, Placement to) {
        return from.getEndReasonPlaceChange() != null ? from.getEndReasonPlaceChange() : to.getReasonPlaceChange();
    }

    /** Two placements the 903 cannot tell apart: the same place, provider, postcode and URN. */
    private static boolean sameFor903(Placement a, Placement b) {
        return a == b || Objects.equals(a.getPlaceCode(), b.getPlaceCode()) && Objects.equals(a.getPlaceProviderCode(), b.getPlaceProviderCode())
                && Objects.equals(a.getPlacementPostcode(), b.getPlacementPostcode()) && Objects.equals(a.getProviderUrn(), b.getProviderUrn());
    }

    private static Placement placementOn(List<Placement> period, LocalDate day) {
        Placement on = period.get(0);
        for (Placement p : period) {
            if (!p.getStartDate().isAfter(day)) {
                on = p;
            }
        }
        return on;
    }

    /** The status recorded for the day (the latest from on or before it), or the first recorded if none is that old. */
    private static ChildStatus statusOn(List<ChildStatus> statuses, LocalDate day) {
        ChildStatus on = statuses.isEmpty() ? null : statuses.get(0);
        for (ChildStatus s : statuses) {
            if (!s.getFromDate().isAfter(day)) {
                on = s;
            }
        }
        return on;
    }

    private static String legalStatus(Segment s) {
        return s.status() == null ? "" : s.status().getLegalStatus().name();
    }

    private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }

    private static boolean female(Child c) {
        return "FEMALE".equals(c.getGender());
    }

    private static String sex(Child c) {
        return switch (c.getGender()) {
            case "MALE" -> "1";
            case "FEMALE" -> "2";
            default -> "";
        };
    }

    private static String id(Child c) {
        return String.valueOf(c.getId());
    }

    static String date(LocalDate d) {
        return d == null ? "" : Ssda903.DATE.format(d);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
