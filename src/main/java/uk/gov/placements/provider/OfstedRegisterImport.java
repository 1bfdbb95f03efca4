package uk.gov.placements.provider;

import uk.gov.placements.common.UkTime;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Postcodes;

/**
 * Ofsted's published list of children's social care providers and places, matched on URN, line by line.
 *
 * <p>The layout is that of the CSV Ofsted publishes with "Children's social care data in England" (the
 * "Providers and places" / provider-level file, one line per registered setting): {@code URN}, {@code Provider type}
 * (called {@code Provision type} in some releases), {@code Setting name}, {@code Local authority}, {@code Registration
 * status}, {@code Overall effectiveness} (for children's homes, {@code Overall experiences and progress of children and
 * young people}), {@code Latest full inspection date}, {@code Number of registered places} ({@code Places}),
 * {@code Postcode}, and the owner, {@code Organisation which owns the provider} ({@code Organisation name} in some
 * releases). Either name of each column is read. Ofsted withholds children's homes' addresses in the public list, so a
 * postcode is needed only to add a home the register does not know yet.
 *
 * <p>Each line: a known URN updates its home (name, places, rating, rating date, registration status); an unknown one
 * adds the home under the provider of the owner's name (created, not accredited, when new). A bad line is rejected with
 * its line number (the header is line 1) and field, and the other lines are still taken, each in its own transaction.
 * The same list taken twice changes nothing the second time.
 */
@Service
public class OfstedRegisterImport {
    static final Map<String, PlacementType> PROVIDER_TYPES = Map.of(
            "children's home", PlacementType.CHILDRENS_HOME,
            "residential special school", PlacementType.RESIDENTIAL_SCHOOL,
            "secure children's home", PlacementType.SECURE_CHILDRENS_HOME,
            "independent fostering agency", PlacementType.FOSTER,
            "residential family centre", PlacementType.PARENT_AND_CHILD,
            "supported accommodation", PlacementType.SUPPORTED_ACCOMMODATION);
    static final Map<String, OfstedRating> RATINGS = Map.of(
            "outstanding", OfstedRating.OUTSTANDING, "good", OfstedRating.GOOD,
            "requires improvement to be good", OfstedRating.REQUIRES_IMPROVEMENT, "requires improvement", OfstedRating.REQUIRES_IMPROVEMENT,
            // Ofsted's older judgement, grouped with "requires improvement" in its own statistics
            "adequate", OfstedRating.REQUIRES_IMPROVEMENT,
            "inadequate", OfstedRating.INADEQUATE, "not yet inspected", OfstedRating.NOT_YET_INSPECTED, "", OfstedRating.NOT_YET_INSPECTED);
    static final List<String> REGISTRATION_STATUSES = List.of("Active", "Suspended", "Resigned", "Cancelled", "Closed");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            DateTimeFormatter.ofPattern("d/M/yyyy"));

    /** Each column by the name the contract gives it, then the names Ofsted's releases have also used. */
    static final String URN = "URN";
    static final String TYPE = "Provider type";
    static final String NAME = "Setting name";
    static final String LA = "Local authority";
    static final String STATUS = "Registration status";
    static final String RATING = "Overall effectiveness";
    static final String DATE = "Latest full inspection date";
    static final String PLACES = "Number of registered places";
    static final String POSTCODE = "Postcode";
    static final String OWNER = "Organisation which owns the provider";
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(URN, List.of(URN));
        COLUMNS.put(TYPE, List.of(TYPE, "Provision type"));
        COLUMNS.put(NAME, List.of(NAME, "Name"));
        COLUMNS.put(LA, List.of(LA));
        COLUMNS.put(STATUS, List.of(STATUS));
        COLUMNS.put(RATING, List.of(RATING, "Overall experiences and progress of children and young people"));
        COLUMNS.put(DATE, List.of(DATE, "Inspection date"));
        COLUMNS.put(PLACES, List.of(PLACES, "Places"));
        COLUMNS.put(POSTCODE, List.of(POSTCODE));
        COLUMNS.put(OWNER, List.of(OWNER, "Organisation name", "Provider name"));
    }

    /** Without these no line can be matched or judged; the others may be absent (the owner is then the setting). */
    private static final List<String> REQUIRED = List.of(URN, TYPE, NAME, LA, RATING, PLACES);

    /** Ages a new home is listed for until the provider gives its own: Ofsted's list has none. */
    private static final Map<PlacementType, int[]> AGES = Map.of(
            PlacementType.SUPPORTED_ACCOMMODATION, new int[] {16, 17},
            PlacementType.PARENT_AND_CHILD, new int[] {0, 25},
            PlacementType.RESIDENTIAL_SCHOOL, new int[] {5, 19});

    private final ProviderService providerService;
    private final ProviderRepository providers;
    private final CareServiceRepository services;
    private final LocalAuthorityRepository localAuthorities;
    private final Postcodes postcodes;
    private final OfstedRatings ratings;
    private final TransactionTemplate eachLine;
    private final Clock clock;
    private volatile List<LocalAuthority> knownLocalAuthorities;

    public OfstedRegisterImport(ProviderService providerService, ProviderRepository providers, CareServiceRepository services,
                                LocalAuthorityRepository localAuthorities, Postcodes postcodes, OfstedRatings ratings,
                                PlatformTransactionManager transactions, Clock clock) {
        this.providerService = providerService;
        this.providers = providers;
        this.services = services;
        this.localAuthorities = localAuthorities;
        this.postcodes = postcodes;
        this.ratings = ratings;
        this.eachLine = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public record Rejection(long line, String field, String reason) {
    }

    public record Result(int created, int updated, int downgraded, int unchanged, List<Rejection> rejected) {
        /** The import as the API answers it: each rejected line's reason starts with its field. */
        public RegisterImported imported() {
            return new RegisterImported(created, updated, downgraded, unchanged,
                    rejected.stream().map(r -> new RejectedLine(r.line(), r.field(), r.field() + " " + r.reason())).toList());
        }
    }

    public record RegisterImported(int created, int updated, int downgraded, int unchanged, List<RejectedLine> rejected) {
    }

    public record RejectedLine(long line, String field, String reason) {
    }

    private enum Outcome { CREATED, UPDATED, DOWNGRADED, UNCHANGED }

    /** One line as read, before it is matched. */
    private record Line(long number, String urn, String typeText, PlacementType type, String name, String localAuthority, String status,
                        OfstedRating rating, LocalDate ratingDate, int places, String postcode, String owner) {
    }

    private static final class LineRejected extends RuntimeException {
        final String field;

        LineRejected(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    public Result importCsv(String csv) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        int created = 0;
        int updated = 0;
        int downgraded = 0;
        int unchanged = 0;
        List<Rejection> rejected = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setAllowMissingColumnNames(true).build())) {
            Map<String, String> header = header(parser.getHeaderNames());
            FieldErrors errors = new FieldErrors();
            for (String column : REQUIRED) {
                if (!header.containsKey(column)) {
                    errors.reject("header", "must have the column '" + column + "' (Ofsted's providers and places list)");
                }
            }
            errors.throwIfAny();
            Map<String, Long> seen = new HashMap<>();
            LocalDate today = UkTime.today(clock);
            for (CSVRecord r : parser) {
                long number = r.getRecordNumber() + 1;
                try {
                    Line line = read(r, number, header, today);
                    Long earlier = seen.putIfAbsent(line.urn(), number);
                    if (earlier != null) {
                        throw new LineRejected(URN, "is on line " + earlier + " too: each setting once");
                    }
                    Outcome outcome = eachLine.execute(tx -> take(line));
                    switch (outcome) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case DOWNGRADED -> downgraded++;
                        default -> unchanged++;
                    }
                } catch (LineRejected e) {
                    rejected.add(new Rejection(number, e.field, e.getMessage()));
                } catch (InvalidInputException e) {
                    rejected.add(new Rejection(number, OWNER, "could not be added as a provider: " + e.getMessage()));
                } catch (DataAccessException e) {
                    rejected.add(new Rejection(number, URN, "could not be saved; nothing of this line was taken"));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw InvalidInputException.of("csv", "could not be read as Ofsted's providers and places list: " + e.getMessage());
        }
        if (created + updated + downgraded + unchanged + rejected.size() == 0) {
            throw InvalidInputException.of("csv", "has no lines after the header");
        }
        return new Result(created, updated, downgraded, unchanged, rejected);
    }

    /** The file's name of each column this import reads. */
    private static Map<String, String> header(List<String> names) {
        Map<String, String> found = new HashMap<>();
        COLUMNS.forEach((column, aliases) -> aliases.stream()
                .flatMap(alias -> names.stream().filter(n -> n.trim().equalsIgnoreCase(alias)))
                .findFirst().ifPresent(n -> found.put(column, n)));
        return found;
    }

    private static String get(CSVRecord r, Map<String, String> header, String column) {
        String name = header.get(column);
        return name == null || !r.isMapped(name) || !r.isSet(name) ? "" : r.get(name).trim();
    }

    /** The line's fields checked, the first fault rejecting it. */
    private static Line read(CSVRecord r, long number, Map<String, String> header, LocalDate today) {
        String urn = get(r, header, URN).toUpperCase(Locale.UK);
        if (urn.isEmpty()) {
            throw new LineRejected(URN, "is missing");
        }
        if (!ProviderService.isUrn(urn)) {
            throw new LineRejected(URN, ProviderService.URN_FORMAT);
        }
        String name = get(r, header, NAME);
        if (name.isEmpty()) {
            throw new LineRejected(NAME, "is missing");
        }
        if (name.length() > 200) {
            throw new LineRejected(NAME, "must be at most 200 characters");
        }
        String typeText = get(r, header, TYPE);
        PlacementType type = PROVIDER_TYPES.get(typeText.toLowerCase(Locale.UK));
        String ratingText = get(r, header, RATING);
        OfstedRating rating = RATINGS.get(ratingText.toLowerCase(Locale.UK));
        if (rating == null) {
            throw new LineRejected(RATING, "is not an Ofsted judgement: '" + ratingText + "'");
        }
        String dateText = get(r, header, DATE);
        LocalDate date = dateText.isEmpty() ? null : parseDate(dateText);
        if (!dateText.isEmpty() && date == null) {
            throw new LineRejected(DATE, "must be a date such as 31/03/2025");
        }
        if (date != null && date.isAfter(today)) {
            throw new LineRejected(DATE, "must not be in the future");
        }
        String placesText = get(r, header, PLACES);
        int places;
        try {
            places = Integer.parseInt(placesText);
        } catch (NumberFormatException e) {
            throw new LineRejected(PLACES, "must be a whole number, not '" + placesText + "'");
        }
        if (places < 1 || places > 500) {
            throw new LineRejected(PLACES, "must be between 1 and 500");
        }
        String statusText = get(r, header, STATUS);
        String status = statusText.isEmpty() ? null : REGISTRATION_STATUSES.stream().filter(s -> s.equalsIgnoreCase(statusText)).findFirst()
                .orElseThrow(() -> new LineRejected(STATUS, "must be one of " + String.join(", ", REGISTRATION_STATUSES)));
        String owner = get(r, header, OWNER);
        if (owner.length() > 200) {
            throw new LineRejected(OWNER, "must be at most 200 characters");
        }
        return new Line(number, urn, typeText, type, name, get(r, header, LA), status, rating, date, places,
                get(r, header, POSTCODE), owner.isEmpty() ? name : owner);
    }

    private Outcome take(Line line) {
        Optional<CareService> known = services.findByOfstedUrn(line.urn());
        if (known.isPresent()) {
            return update(known.get(), line);
        }
        return create(line);
    }

    private Outcome update(CareService home, Line line) {
        OfstedRating before = home.registeredRating();
        boolean rated = home.getOfstedRating() != line.rating() || !Objects.equals(home.getOfstedRatingDate(), line.ratingDate());
        boolean same = !rated && home.getName().equals(line.name()) && home.getPlaces() == line.places()
                && Objects.equals(home.getOfstedRegistrationStatus(), line.status());
        if (same) {
            return Outcome.UNCHANGED;
        }
        home.ofsted(line.name(), line.places(), line.rating(), line.ratingDate(), line.status());
        if (home.getOfstedRating() != before) {
            ratings.recordChange(home, before, "Ofsted's providers and places list, line " + line.number());
        }
        return OfstedRatings.isDowngrade(before, line.rating()) ? Outcome.DOWNGRADED : Outcome.UPDATED;
    }

    private Outcome create(Line line) {
        if (line.type() == null) {
            throw new LineRejected(TYPE, (line.typeText().isEmpty() ? "is missing" : "'" + line.typeText() + "' is not a setting councils place children in")
                    + ": one of " + String.join(", ", PROVIDER_TYPES.keySet().stream().sorted().toList()));
        }
        String la = localAuthority(line.localAuthority());
        if (line.postcode().isEmpty() || "REDACTED".equalsIgnoreCase(line.postcode())) {
            throw new LineRejected(POSTCODE, "is needed to add a home the register does not know (Ofsted withholds children's homes' "
                    + "addresses): add it with POST /api/providers/{id}/services and its ofstedUrn, and the list then keeps it current");
        }
        if (Postcodes.normalise(line.postcode()).isEmpty()) {
            throw new LineRejected(POSTCODE, Postcodes.MALFORMED);
        }
        Postcodes.Centroid at = postcodes.centroid(line.postcode()).orElseThrow(() -> new LineRejected(POSTCODE, Postcodes.UNKNOWN_DISTRICT));
        Provider provider = providers.findFirstByKindAndNameIgnoreCaseOrderByIdAsc(ProviderKind.INDEPENDENT, line.owner())
                .orElseGet(() -> providerService.create(new ProviderService.NewProvider(line.owner(), ProviderKind.INDEPENDENT.name(),
                        null, null, null, null)));
        int[] ages = AGES.getOrDefault(line.type(), new int[] {0, 17});
        // no vacancies and no fee until the provider gives them: a new home is found by no search before then
        CareService home = new CareService(provider, line.name(), line.type(), ages[0], ages[1], line.places(), 0, la,
                ChildService.normalisePostcode(line.postcode()), at.latitude(), at.longitude(), BigDecimal.ZERO, EnumSet.noneOf(NeedCode.class))
                .registeredWithOfsted(line.urn());
        home.ofsted(line.name(), line.places(), line.rating(), line.ratingDate(), line.status());
        services.save(home);
        return Outcome.CREATED;
    }

    /** Ofsted names local authorities ("Leeds", "Durham"); the register keeps their ONS codes. */
    private String localAuthority(String text) {
        if (text.isEmpty()) {
            throw new LineRejected(LA, "is missing");
        }
        if (localAuthorities.existsById(text)) {
            return text;
        }
        if (knownLocalAuthorities == null) {
            knownLocalAuthorities = localAuthorities.findAllByOrderByNameAsc();   // reference data (V23), read once
        }
        return knownLocalAuthorities.stream()
                .filter(la -> la.getName().equalsIgnoreCase(text) || la.getName().equalsIgnoreCase("County " + text)
                        || la.getName().replace(", City of", "").equalsIgnoreCase(text))
                .map(LocalAuthority::getCode).findFirst()
                .orElseThrow(() -> new LineRejected(LA, "'" + text + "' is not an English local authority we know"));
    }

    static LocalDate parseDate(String s) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        return null;
    }
}
