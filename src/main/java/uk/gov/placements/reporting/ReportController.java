package uk.gov.placements.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.ForbiddenException;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

/**
 * Sufficiency figures (JSON, or CSV with Accept: text/csv) and the SSDA903 episodes extract.
 * A council's managers see their own council; consortium commissioners see every council side by
 * side ({@code council=all}); nobody sees a child's record here.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {
    static final String[] READERS = {Roles.COMMISSIONING_MANAGERS, Roles.HEADS_OF_SERVICE, Roles.ASSISTANT_DIRECTORS, Roles.DIRECTORS,
            Roles.CONSORTIUM_COMMISSIONERS};
    /** Reports cover the years the product can hold placements for; beyond them a date is a mistake. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private final ReportService reports;
    private final Ssda903Return ssda903;
    private final CurrentUser currentUser;
    private final IdentityService identityService;
    private final SystemActions system;
    private final Clock clock;

    ReportController(ReportService reports, Ssda903Return ssda903, CurrentUser currentUser, IdentityService identityService, SystemActions system, Clock clock) {
        this.ssda903 = ssda903;
        this.reports = reports;
        this.currentUser = currentUser;
        this.identityService = identityService;
        this.system = system;
        this.clock = clock;
    }

    @GetMapping(value = "/sufficiency", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SufficiencyReport> sufficiency(@RequestParam(required = false) String council,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return councils(council, from, to).stream().map(c -> reports.sufficiency(c, from, to)).toList();
    }

    @GetMapping(value = "/sufficiency", produces = "text/csv")
    String sufficiencyCsv(@RequestParam(required = false) String council,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("council", "from", "to", "metric", "dimension", "value").build())) {
            for (SufficiencyReport r : sufficiency(council, from, to)) {
                for (String[] row : rows(r)) {
                    csv.printRecord(r.council(), r.from(), r.to(), row[0], row[1], row[2]);
                }
            }
        }
        return out.toString();
    }

    /** The report flattened: one metric (and dimension, where it has one) per line. */
    static List<String[]> rows(SufficiencyReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"placementsStarted", "", String.valueOf(r.placementsStarted())});
        r.placementsByType().forEach((k, v) -> rows.add(new String[] {"placementsByType", k, String.valueOf(v)}));
        rows.add(new String[] {"inHouse", "", String.valueOf(r.inHouse())});
        rows.add(new String[] {"independent", "", String.valueOf(r.independent())});
        rows.add(new String[] {"ideal", "", String.valueOf(r.ideal())});
        rows.add(new String[] {"secondBest", "", String.valueOf(r.secondBest())});
        rows.add(new String[] {"moreThan20Miles", "", String.valueOf(r.moreThan20Miles())});
        rows.add(new String[] {"outOfArea", "", String.valueOf(r.outOfArea())});
        rows.add(new String[] {"childrenWithThreeOrMorePlacements", "", String.valueOf(r.childrenWithThreeOrMorePlacements())});
        r.averageWeeklyCostByType().forEach((k, v) -> rows.add(new String[] {"averageWeeklyCostByType", k, v.toPlainString()}));
        r.medianWeeklyCostByType().forEach((k, v) -> rows.add(new String[] {"medianWeeklyCostByType", k, v.toPlainString()}));
        rows.add(new String[] {"referrals", "", String.valueOf(r.referrals())});
        r.referralsWithNoOptionByNeed().forEach((k, v) -> rows.add(new String[] {"referralsWithNoOptionByNeed", k, String.valueOf(v)}));
        r.referralsWithNoOptionByArea().forEach((k, v) -> rows.add(new String[] {"referralsWithNoOptionByArea", k, String.valueOf(v)}));
        rows.add(new String[] {"inHouseRestrictions", "", String.valueOf(r.inHouseRestrictions())});
        rows.add(new String[] {"offersPerReferral", "", r.offersPerReferral().toPlainString()});
        rows.add(new String[] {"averageDaysReferralToPlacement", "", r.averageDaysReferralToPlacement() == null ? ""
                : r.averageDaysReferralToPlacement().toPlainString()});
        rows.add(new String[] {"overdueIroReviews", "", String.valueOf(r.overdueIroReviews())});
        rows.add(new String[] {"disruptions", "", String.valueOf(r.disruptions())});
        return rows;
    }

    @GetMapping(value = "/ssda903", produces = "text/csv")
    String ssda903(@RequestParam String council, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) throws IOException {
        List<String> allowed = councils(council, from, to);
        // the 903 is child-level data: a council's own staff only, never the consortium's side-by-side view
        if (!currentUser.isAdmin() && allowed.stream().anyMatch(c -> !currentUser.councils().contains(c))) {
            throw new ForbiddenException("The SSDA903 extract is child-level data: only the council's own staff may export it");
        }
        List<Ssda903Return.Episode> episodes = new ArrayList<>();
        allowed.forEach(c -> episodes.addAll(ssda903.episodes(c, from, to)));
        return csv(ssda903.episodesTable(episodes));
    }

    /**
     * One table of a council's SSDA903 return for the collection year starting 1 April of {@code year} (this year's
     * by default): the council's commissioning managers only, as it is child-level data.
     */
    @GetMapping(value = "/ssda903/{table}", produces = "text/csv")
    String ssda903Table(@PathVariable String table, @RequestParam String council, @RequestParam(required = false) Integer year)
            throws IOException {
        if (!Ssda903Return.TABLES.contains(table)) {
            throw new NotFoundException("SSDA903 table", table);
        }
        if (!currentUser.isAdmin()) {
            currentUser.requireAnyGroup(Roles.COMMISSIONING_MANAGERS);
        }
        int collectionYear = year != null ? year : UkTime.today(clock).minusMonths(3).getYear();
        if (collectionYear < EARLIEST.getYear() || collectionYear >= LATEST.getYear()) {
            throw InvalidInputException.of("year", "must be a collection year between " + EARLIEST.getYear() + " and "
                    + (LATEST.getYear() - 1));
        }
        boolean own = currentUser.isAdmin() ? system.run(() -> identityService.createTenantQuery().tenantId(council).count() > 0)
                : currentUser.councils().contains(council);
        if (!own) {
            // another council's return is refused exactly as a council that does not exist
            throw InvalidInputException.of("council", "is not a council of the consortium");
        }
        return csv(ssda903.table(table, council, collectionYear));
    }

    private static String csv(Ssda903Return.Table table) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(table.columns().toArray(String[]::new)).build())) {
            for (List<String> row : table.rows()) {
                csv.printRecord(row);
            }
        }
        return out.toString();
    }

    private List<String> councils(String council, LocalDate from, LocalDate to) {
        currentUser.requireAnyGroup(READERS);
        FieldErrors errors = new FieldErrors();
        for (var date : List.of(Map.entry("from", from), Map.entry("to", to))) {
            if (date.getValue().isBefore(EARLIEST) || date.getValue().isAfter(LATEST)) {
                errors.reject(date.getKey(), "must be between " + EARLIEST + " and " + LATEST);
            }
        }
        if (from.isAfter(to)) {
            errors.reject("from", "must not be after to");
        }
        if (from.isBefore(to.minusYears(5))) {
            errors.reject("from", "must be within five years of to");
        }
        errors.throwIfAny();
        boolean consortium = currentUser.isAdmin() || currentUser.inGroup(Roles.CONSORTIUM_COMMISSIONERS);
        List<String> all = system.run(() -> identityService.createTenantQuery().orderByTenantId().asc().list().stream().map(Tenant::getId).toList());
        if (council == null || council.isBlank() || "all".equals(council)) {
            if (consortium) {
                return all;
            }
            return currentUser.councils().stream().sorted().toList();
        }
        if (!all.contains(council)) {
            throw InvalidInputException.of("council", "is not a council of the consortium");
        }
        if (!consortium && !currentUser.councils().contains(council)) {
            // another council's figures are refused exactly as a council that does not exist
            throw InvalidInputException.of("council", "is not a council of the consortium");
        }
        return List.of(council);
    }

}
