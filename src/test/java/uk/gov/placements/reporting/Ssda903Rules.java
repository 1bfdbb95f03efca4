package uk.gov.placements.reporting;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.gov.placements.common.LegalStatus;
import uk.gov.placements.common.Ssda903;

/**
 * The Department for Education's SSDA903 validation rules that the product's data can break, written here from their
 * published descriptions, run over a return's CSV tables. Each rule gives the rows that break it; a return obeys the
 * rules when every list is empty. Rule codes are the DfE's where the rule is one of theirs by that code; the others
 * are named by what they check.
 */
final class Ssda903Rules {
    /** The codes the DfE publishes for the columns the product writes. */
    static final Set<String> RNE = Set.of("S", "P", "L", "T", "U", "B");
    static final Set<String> PLACE = Set.of("A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0",
            "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1");
    static final Set<String> PLACE_PROVIDER = Set.of("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");
    static final java.time.format.DateTimeFormatter STRICT = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The rules, each by its name, with what it says. */
    static final Map<String, String> COVERED = new java.util.LinkedHashMap<>();

    static {
        COVERED.put("101", "header: SEX is 1 or 2");
        COVERED.put("102", "header: DOB is a date (dd/mm/yyyy)");
        COVERED.put("103", "header: ETHNIC is one of the DfE's codes");
        COVERED.put("UPN format", "header: UPN, when given, is 13 characters (a letter, 11 digits, a digit or letter), or UN1 to UN10");
        COVERED.put("MOTHER", "header: MOTHER only for girls (1 or 0), MC_DOB only for a mother and after her own DOB");
        COVERED.put("141", "episodes: DECOM is a date (dd/mm/yyyy)");
        COVERED.put("143", "episodes: RNE is one of the DfE's codes");
        COVERED.put("144", "episodes: LS is one of the DfE's codes");
        COVERED.put("145", "episodes: CIN is N1 to N8");
        COVERED.put("146", "episodes: PLACE is one of the DfE's codes");
        COVERED.put("147", "episodes: DEC, when given, is a date (dd/mm/yyyy)");
        COVERED.put("149", "episodes: REC, when given, is one of the DfE's codes");
        COVERED.put("PLACE_PROVIDER", "episodes: PLACE_PROVIDER is PR0 to PR5");
        COVERED.put("URN", "episodes: URN is an Ofsted unique reference number (SC and 6 digits, or 6 or 7 digits) or XXXXXXX");
        COVERED.put("504", "episodes: every episode carries its category of need");
        COVERED.put("DEC after DECOM", "episodes: an episode ends on or after the day it began");
        COVERED.put("DEC with REC", "episodes: DEC and REC are given together or not at all");
        COVERED.put("one open episode", "episodes: a child has at most one open episode, and it is the latest");
        COVERED.put("no overlap", "episodes: a child's episodes do not overlap");
        COVERED.put("X1 continues", "episodes: an episode ended X1 is followed by the child's next episode on the same day, not S");
        COVERED.put("S starts a period", "episodes: RNE S only for the first episode or after an episode ended other than X1");
        COVERED.put("225", "episodes: REASON_PLACE_CHANGE is on the episode that ended X1 with a change of placement, and only there");
        COVERED.put("433/435", "episodes: a new episode within a period changes what its RNE says (L legal status, P placement, T both)");
        COVERED.put("reviews", "reviews: REVIEW a date within the child's care in the year, REVIEW_CODE PN0 to PN7");
        COVERED.put("missing", "missing: MISSING M or A, MIS_START a date, MIS_END (if any) a date not before it");
        COVERED.put("uasc", "uasc: DUC, when given, a date after DOB");
        COVERED.put("children in header", "every child of episodes, reviews, missing and uasc is in the header");
    }

    record Tables(List<CSVRecord> header, List<CSVRecord> episodes, List<CSVRecord> reviews, List<CSVRecord> uasc, List<CSVRecord> missing) {
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv)).getRecords();
    }

    static LocalDate date(String s) {
        try {
            return s == null || s.isEmpty() ? null : LocalDate.parse(s, STRICT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** For each rule, the rows that break it (as text), in order. */
    static Map<String, List<String>> check(Tables t) {
        Map<String, List<String>> broken = new java.util.LinkedHashMap<>();
        COVERED.keySet().forEach(k -> broken.put(k, new ArrayList<>()));
        Set<String> inHeader = t.header().stream().map(r -> r.get("CHILD")).collect(Collectors.toSet());
        for (CSVRecord r : t.header()) {
            flag(broken, "101", r, !Set.of("1", "2").contains(r.get("SEX")));
            flag(broken, "102", r, date(r.get("DOB")) == null);
            flag(broken, "103", r, !Ssda903.ETHNICITIES.contains(r.get("ETHNIC")));
            flag(broken, "UPN format", r, !r.get("UPN").isEmpty() && !Ssda903.UPN.matcher(r.get("UPN")).matches());
            boolean girl = "2".equals(r.get("SEX"));
            flag(broken, "MOTHER", r, !r.get("MOTHER").isEmpty() && (!girl || !Set.of("0", "1").contains(r.get("MOTHER")))
                    || !r.get("MC_DOB").isEmpty() && (!"1".equals(r.get("MOTHER")) || date(r.get("MC_DOB")) == null
                    || !date(r.get("MC_DOB")).isAfter(date(r.get("DOB")))));
        }
        Map<String, List<CSVRecord>> byChild = t.episodes().stream().collect(Collectors.groupingBy(r -> r.get("CHILD")));
        for (CSVRecord r : t.episodes()) {
            flag(broken, "141", r, date(r.get("DECOM")) == null);
            flag(broken, "143", r, !RNE.contains(r.get("RNE")));
            flag(broken, "144", r, !isLegalStatus(r.get("LS")));
            flag(broken, "145", r, !r.get("CIN").isEmpty() && !Ssda903.CATEGORIES_OF_NEED.contains(r.get("CIN")));
            flag(broken, "146", r, !PLACE.contains(r.get("PLACE")));
            flag(broken, "147", r, !r.get("DEC").isEmpty() && date(r.get("DEC")) == null);
            flag(broken, "149", r, !r.get("REC").isEmpty() && !Ssda903.REASONS_EPISODE_CEASED.contains(r.get("REC")));
            flag(broken, "PLACE_PROVIDER", r, !PLACE_PROVIDER.contains(r.get("PLACE_PROVIDER")));
            flag(broken, "504", r, r.get("CIN").isEmpty());
            flag(broken, "URN", r, !r.get("URN").matches("SC\\d{6}|\\d{6,7}|XXXXXXX"));
            flag(broken, "DEC after DECOM", r, date(r.get("DEC")) != null && date(r.get("DECOM")) != null
                    && date(r.get("DEC")).isBefore(date(r.get("DECOM"))));
            flag(broken, "DEC with REC", r, r.get("DEC").isEmpty() != r.get("REC").isEmpty());
            flag(broken, "children in header", r, !inHeader.contains(r.get("CHILD")));
        }
        byChild.forEach((child, rows) -> {
            List<CSVRecord> ordered = rows.stream().sorted(Comparator.comparing((CSVRecord r) -> date(r.get("DECOM")),
                    Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
            for (int i = 0; i < ordered.size(); i++) {
                CSVRecord e = ordered.get(i);
                CSVRecord next = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
                flag(broken, "one open episode", e, e.get("DEC").isEmpty() && next != null);
                if (next == null) {
                    flag(broken, "X1 continues", e, "X1".equals(e.get("REC")));
                    flag(broken, "225", e, !e.get("REASON_PLACE_CHANGE").isEmpty());
                    continue;
                }
                LocalDate end = date(e.get("DEC"));
                LocalDate nextStart = date(next.get("DECOM"));
                flag(broken, "no overlap", e, end == null || nextStart == null || nextStart.isBefore(end));
                boolean x1 = "X1".equals(e.get("REC"));
                flag(broken, "X1 continues", e, x1 && (!Objects.equals(end, nextStart) || "S".equals(next.get("RNE"))));
                flag(broken, "S starts a period", next, !x1 && !"S".equals(next.get("RNE")));
                boolean placementChanged = !e.get("PLACE").equals(next.get("PLACE")) || !e.get("PLACE_PROVIDER").equals(next.get("PLACE_PROVIDER"))
                        || !e.get("PL_POST").equals(next.get("PL_POST")) || !e.get("URN").equals(next.get("URN"));
                boolean statusChanged = !e.get("LS").equals(next.get("LS"));
                flag(broken, "225", e, x1 && placementChanged == e.get("REASON_PLACE_CHANGE").isEmpty()
                        || !x1 && !e.get("REASON_PLACE_CHANGE").isEmpty());
                if (x1) {
                    String says = next.get("RNE");
                    flag(broken, "433/435", next, !placementChanged && !statusChanged
                            || "L".equals(says) && (placementChanged || !statusChanged)
                            || "P".equals(says) && (!placementChanged || statusChanged)
                            || "T".equals(says) && (!placementChanged || !statusChanged));
                }
            }
        });
        for (CSVRecord r : t.reviews()) {
            LocalDate day = date(r.get("REVIEW"));
            boolean inCare = day != null && byChild.getOrDefault(r.get("CHILD"), List.of()).stream().anyMatch(e -> !day.isBefore(date(e.get("DECOM")))
                    && (e.get("DEC").isEmpty() || !day.isAfter(date(e.get("DEC")))));
            flag(broken, "reviews", r, !inCare || !Ssda903.PARTICIPATION.contains(r.get("REVIEW_CODE")));
            flag(broken, "children in header", r, !inHeader.contains(r.get("CHILD")));
        }
        for (CSVRecord r : t.missing()) {
            LocalDate start = date(r.get("MIS_START"));
            LocalDate end = date(r.get("MIS_END"));
            flag(broken, "missing", r, !Set.of("M", "A").contains(r.get("MISSING")) || start == null
                    || !r.get("MIS_END").isEmpty() && (end == null || end.isBefore(start)));
            flag(broken, "children in header", r, !inHeader.contains(r.get("CHILD")));
        }
        for (CSVRecord r : t.uasc()) {
            LocalDate duc = date(r.get("DUC"));
            flag(broken, "uasc", r, !r.get("DUC").isEmpty() && (duc == null || !duc.isAfter(date(r.get("DOB")))));
            flag(broken, "children in header", r, !inHeader.contains(r.get("CHILD")));
        }
        return broken;
    }

    static List<String> allBroken(Map<String, List<String>> broken) {
        return broken.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    private static boolean isLegalStatus(String s) {
        return java.util.Arrays.stream(LegalStatus.values()).map(Enum::name).anyMatch(Predicate.isEqual(s));
    }

    private static void flag(Map<String, List<String>> broken, String rule, CSVRecord row, boolean breaks) {
        if (breaks) {
            broken.get(rule).add(row.toMap().toString());
        }
    }

    private Ssda903Rules() {
    }
}
